#ifndef WENXI_CHARSET_H
#define WENXI_CHARSET_H
// Charset detection (ICU ucsdet_*) and conversion to UTF-16 (ICU ucnv_*), for inputs that are
// not UTF-8 (Big5, GB18030, …). Same conventions as wenxi_icu.h: only <stdint.h> types; status
// codes are ICU's UErrorCode values as int32_t (<= 0 is success).
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum { WENXI_CHARSET_NAME_SIZE = 32 };

/// ICU's charset candidates for `bytes`, best first: at most `max` of them. Candidate i's name is
/// written NUL-terminated at `names + i * WENXI_CHARSET_NAME_SIZE` (`names` must hold
/// `max * WENXI_CHARSET_NAME_SIZE` bytes) and its confidence (0-100) at `confidences[i]`.
/// HTML/XML markup is filtered out before detection. Returns the number written, or -1 with
/// *status set.
int32_t wenxi_charset_detect(const uint8_t *bytes, int32_t length, char *names, int32_t *confidences,
                             int32_t max, int32_t *status);

/// Converts `length` bytes in `charset` to UTF-16 in `dest` (`capacity` units; 2 * length + 2
/// always suffices). Stops at the first byte sequence that is invalid or unmapped in `charset`:
/// then returns -1, sets *status to ICU's error and *error_offset to that sequence's byte offset.
/// Otherwise returns the number of UTF-16 units written.
int32_t wenxi_charset_to_utf16(const char *charset, const uint8_t *bytes, int32_t length, uint16_t *dest,
                               int32_t capacity, int32_t *error_offset, int32_t *status);

/// Converts UTF-16 to `charset`, stopping (-1, *status set) at a character `charset` cannot
/// encode. Returns the number of bytes written (4 * length + 8 always suffices).
int32_t wenxi_charset_from_utf16(const char *charset, const uint16_t *text, int32_t length, uint8_t *dest,
                                 int32_t capacity, int32_t *status);

#ifdef __cplusplus
}
#endif
#endif
