#ifndef WENXI_ICU_H
#define WENXI_ICU_H
// Public face of the ICU shim. Only <stdint.h> types and opaque pointers appear here, so Swift
// never sees <unicode/*.h> (see Package.swift for why). Status codes are ICU's UErrorCode values
// as int32_t: <= 0 is success.
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct wenxi_break wenxi_break;

enum { WENXI_BREAK_WORD = 0, WENXI_BREAK_SENTENCE = 1 };

/// Opens a break iterator of `kind` for `locale` (e.g. "zh_Hant_TW"). NULL on failure, with *status set.
wenxi_break *wenxi_break_open(int32_t kind, const char *locale, int32_t *status);
/// Points the iterator at `text` (UTF-16, `length` units). ICU does not copy: the buffer must stay
/// alive and unchanged until the next call to wenxi_break_set_text or wenxi_break_close.
void wenxi_break_set_text(wenxi_break *brk, const uint16_t *text, int32_t length, int32_t *status);
/// Points the iterator at a static empty text, so that it no longer refers to a caller's buffer
/// (call it before that buffer may be freed).
void wenxi_break_clear(wenxi_break *brk);
/// Fills up to `capacity` of the next boundaries (UTF-16 offsets) into `bounds` and, when `rules`
/// is not NULL, the rule status of the segment each one ends into `rules`. Returns how many were
/// written; 0 at the end of the text. One call per block instead of two per boundary.
int32_t wenxi_break_fill(wenxi_break *brk, int32_t *bounds, int32_t *rules, int32_t capacity);
/// Benchmark floor: points the iterator at `text` and walks every boundary, reading each rule
/// status, entirely in C. Returns the number of boundaries, or -1 with *status set on failure.
int64_t wenxi_break_walk(wenxi_break *brk, const uint16_t *text, int32_t length, int32_t *status);

/// Rule-status ranges of ICU's word break iterator (UBRK_WORD_NONE ... UBRK_WORD_IDEO_LIMIT):
/// a status s is in a range when lower <= s < limit.
enum {
    WENXI_WORD_NONE = 0, WENXI_WORD_NONE_LIMIT = 100,
    WENXI_WORD_NUMBER = 100, WENXI_WORD_NUMBER_LIMIT = 200,
    WENXI_WORD_LETTER = 200, WENXI_WORD_LETTER_LIMIT = 300,
    WENXI_WORD_KANA = 300, WENXI_WORD_KANA_LIMIT = 400,
    WENXI_WORD_IDEO = 400, WENXI_WORD_IDEO_LIMIT = 500
};
void wenxi_break_close(wenxi_break *brk);

/// ICU's name for an error code (static storage).
const char *wenxi_error_name(int32_t status);

#ifdef __cplusplus
}
#endif
#endif
