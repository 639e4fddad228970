#include "wenxi_translit.h"
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>
#include <unicode/uchar.h>
#include <stdlib.h>
#include <string.h>

struct wenxi_translit { UTransliterator *t; };

wenxi_translit *wenxi_translit_open(const char *id, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UChar uid[128];
    int32_t n = (int32_t)strlen(id);
    if (n >= 128) { *status = (int32_t)U_ILLEGAL_ARGUMENT_ERROR; return NULL; }
    u_charsToUChars(id, uid, n);
    UTransliterator *t = utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, &err);
    *status = (int32_t)err;
    if (U_FAILURE(err) || t == NULL) return NULL;
    wenxi_translit *w = (wenxi_translit *)malloc(sizeof(wenxi_translit));
    if (w == NULL) { utrans_close(t); *status = (int32_t)U_MEMORY_ALLOCATION_ERROR; return NULL; }
    w->t = t;
    return w;
}

int32_t wenxi_translit_chars(wenxi_translit *w, uint16_t *text, int32_t length, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = length;
    int32_t limit = length;
    utrans_transUChars(w->t, (UChar *)text, &len, capacity, 0, &limit, &err);
    *status = (int32_t)err;
    return len;
}

void wenxi_translit_close(wenxi_translit *w) {
    if (w == NULL) return;
    utrans_close(w->t);
    free(w);
}

void wenxi_icu_version(char *out, int32_t capacity) {
    UVersionInfo v;
    char buf[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(v);
    u_versionToString(v, buf);
    strncpy(out, buf, (size_t)capacity - 1);
    out[capacity - 1] = 0;
}

void wenxi_unicode_version(char *out, int32_t capacity) {
    UVersionInfo v;
    char buf[U_MAX_VERSION_STRING_LENGTH];
    u_getUnicodeVersion(v);
    u_versionToString(v, buf);
    strncpy(out, buf, (size_t)capacity - 1);
    out[capacity - 1] = 0;
}
