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
/// The next boundary (a UTF-16 offset) or -1 at the end.
int32_t wenxi_break_next(wenxi_break *brk);
/// ICU's rule status of the boundary last returned (UBRK_WORD_* / UBRK_SENTENCE_* ranges).
int32_t wenxi_break_rule_status(wenxi_break *brk);
void wenxi_break_close(wenxi_break *brk);

/// ICU's name for an error code (static storage).
const char *wenxi_error_name(int32_t status);

#ifdef __cplusplus
}
#endif
#endif
