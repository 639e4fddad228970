// System OpenSSL libcrypto (libssl-dev): only its digest API, for `source.sha256`.
#include <openssl/evp.h>
