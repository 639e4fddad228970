#include "wenxi_charset.h"
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utypes.h>
#include <string.h>

int32_t wenxi_charset_detect(const uint8_t *bytes, int32_t length, char *names, int32_t *confidences,
                             int32_t max, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *csd = ucsdet_open(&err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return -1; }
    ucsdet_enableInputFilter(csd, 1);
    ucsdet_setText(csd, (const char *)bytes, length, &err);
    int32_t found = 0;
    const UCharsetMatch **matches = U_SUCCESS(err) ? ucsdet_detectAll(csd, &found, &err) : NULL;
    if (U_FAILURE(err) || matches == NULL) {
        ucsdet_close(csd);
        *status = (int32_t)(U_FAILURE(err) ? err : U_ZERO_ERROR);
        return U_FAILURE(err) ? -1 : 0;
    }
    int32_t n = 0;
    for (int32_t i = 0; i < found && n < max; i++) {
        UErrorCode e = U_ZERO_ERROR;
        const char *name = ucsdet_getName(matches[i], &e);
        int32_t conf = ucsdet_getConfidence(matches[i], &e);
        if (U_FAILURE(e) || name == NULL) continue;
        char *slot = names + (size_t)n * WENXI_CHARSET_NAME_SIZE;
        strncpy(slot, name, WENXI_CHARSET_NAME_SIZE - 1);
        slot[WENXI_CHARSET_NAME_SIZE - 1] = 0;
        confidences[n] = conf;
        n++;
    }
    ucsdet_close(csd); // the matches belong to the detector: copied out above
    *status = (int32_t)U_ZERO_ERROR;
    return n;
}

int32_t wenxi_charset_to_utf16(const char *charset, const uint8_t *bytes, int32_t length, uint16_t *dest,
                               int32_t capacity, int32_t *error_offset, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    *error_offset = -1;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return -1; }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    const char *src = (const char *)bytes;
    const char *srcLimit = src + length;
    UChar *target = (UChar *)dest;
    ucnv_toUnicode(cnv, &target, (UChar *)dest + capacity, &src, srcLimit, NULL, 1, &err);
    if (U_FAILURE(err)) {
        // `src` is just past the offending sequence; step back over its bytes.
        char bad[32];
        int8_t badLength = sizeof bad;
        UErrorCode e = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, bad, &badLength, &e);
        if (U_FAILURE(e)) badLength = 0;
        *error_offset = (int32_t)(src - (const char *)bytes) - badLength;
        ucnv_close(cnv);
        *status = (int32_t)err;
        return -1;
    }
    ucnv_close(cnv);
    *status = (int32_t)err;
    return (int32_t)(target - (UChar *)dest);
}

int32_t wenxi_charset_from_utf16(const char *charset, const uint16_t *text, int32_t length, uint8_t *dest,
                                 int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return -1; }
    ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    int32_t n = ucnv_fromUChars(cnv, (char *)dest, capacity, (const UChar *)text, length, &err);
    ucnv_close(cnv);
    *status = (int32_t)err;
    return U_FAILURE(err) ? -1 : n;
}
