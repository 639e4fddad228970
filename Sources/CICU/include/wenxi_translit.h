#ifndef WENXI_TRANSLIT_H
#define WENXI_TRANSLIT_H
// ICU transliteration (utrans_*), for building fold tables once at start-up — never per document.
// Same conventions as wenxi_icu.h: only <stdint.h> types and opaque pointers; status codes are
// ICU's UErrorCode values as int32_t (<= 0 is success).
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wenxi_translit wenxi_translit;

/// Opens the transliterator `id` (e.g. "Traditional-Simplified"), forward direction.
/// NULL on failure, with *status set.
wenxi_translit *wenxi_translit_open(const char *id, int32_t *status);

/// Transliterates `text` (UTF-16, `length` units) in place. The buffer holds `capacity` units;
/// returns the new length (which may exceed `capacity`: then *status is U_BUFFER_OVERFLOW_ERROR
/// and the text is truncated — call again with a larger buffer).
int32_t wenxi_translit_chars(wenxi_translit *t, uint16_t *text, int32_t length, int32_t capacity, int32_t *status);

void wenxi_translit_close(wenxi_translit *t);

/// ICU's version as "72.1" (into `out`, `capacity` bytes).
void wenxi_icu_version(char *out, int32_t capacity);
/// The Unicode version of ICU's character data as "15.0" (into `out`, `capacity` bytes).
void wenxi_unicode_version(char *out, int32_t capacity);

#ifdef __cplusplus
}
#endif
#endif
