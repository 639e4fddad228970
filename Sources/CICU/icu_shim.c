#include "wenxi_icu.h"
#include <unicode/ubrk.h>
#include <unicode/utypes.h>
#include <stdlib.h>

struct wenxi_break { UBreakIterator *it; };

wenxi_break *wenxi_break_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UBreakIteratorType type = kind == WENXI_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *it = ubrk_open(type, locale, NULL, 0, &err);
    *status = (int32_t)err;
    if (U_FAILURE(err) || it == NULL) return NULL;
    wenxi_break *brk = (wenxi_break *)malloc(sizeof(wenxi_break));
    if (brk == NULL) { ubrk_close(it); *status = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    brk->it = it;
    return brk;
}

void wenxi_break_set_text(wenxi_break *brk, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(brk->it, (const UChar *)text, length, &err);
    *status = (int32_t)err;
}

void wenxi_break_clear(wenxi_break *brk) {
    static const UChar empty[1] = {0};
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(brk->it, empty, 0, &err);
}

int32_t wenxi_break_fill(wenxi_break *brk, int32_t *bounds, int32_t *rules, int32_t capacity) {
    int32_t n = 0;
    while (n < capacity) {
        int32_t b = ubrk_next(brk->it);
        if (b == UBRK_DONE) break;
        bounds[n] = b;
        if (rules != NULL) rules[n] = ubrk_getRuleStatus(brk->it);
        n++;
    }
    return n;
}

int64_t wenxi_break_walk(wenxi_break *brk, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(brk->it, (const UChar *)text, length, &err);
    *status = (int32_t)err;
    if (U_FAILURE(err)) return -1;
    int64_t n = 0;
    while (ubrk_next(brk->it) != UBRK_DONE) {
        (void)ubrk_getRuleStatus(brk->it); /* an external call: not optimised away */
        n++;
    }
    return n;
}

/* The enum in wenxi_icu.h mirrors ICU's word rule-status ranges; keep them honest. */
_Static_assert(WENXI_WORD_NUMBER == UBRK_WORD_NUMBER, "word status ranges");
_Static_assert(WENXI_WORD_LETTER == UBRK_WORD_LETTER, "word status ranges");
_Static_assert(WENXI_WORD_KANA == UBRK_WORD_KANA, "word status ranges");
_Static_assert(WENXI_WORD_IDEO == UBRK_WORD_IDEO, "word status ranges");
_Static_assert(WENXI_WORD_IDEO_LIMIT == UBRK_WORD_IDEO_LIMIT, "word status ranges");

void wenxi_break_close(wenxi_break *brk) {
    if (brk == NULL) return;
    ubrk_close(brk->it);
    free(brk);
}

const char *wenxi_error_name(int32_t status) { return u_errorName((UErrorCode)status); }
