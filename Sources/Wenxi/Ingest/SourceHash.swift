internal import COpenSSL

/// `source.sha256`: the SHA-256 of the raw input bytes, from the system's OpenSSL libcrypto
/// (`EVP_Digest`, assembly on x86-64 and ARM), as lower-case hex.
enum SourceHash {
    private static let digits = Array("0123456789abcdef".utf8)

    /// SHA-256, fetched from OpenSSL's default provider once. `EVP_sha256()` names the
    /// algorithm only, so every `EVP_Digest` with it fetched it again (a locked lookup by name
    /// in the provider store, as much work as hashing a short post); a fetched `EVP_MD` is
    /// immutable and may be shared by threads. Nil if the fetch fails: then `EVP_sha256()`.
    nonisolated(unsafe) private static let sha256 = EVP_MD_fetch(nil, "SHA256", nil)

    /// Lower-case hex of the SHA-256 digest of `bytes`.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        // The digest goes into stack memory rather than an array allocated per call.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { digest in
            var length: UInt32 = 0
            let ok = bytes.withUnsafeBufferPointer { input in
                // A nil pointer is fine for zero bytes: OpenSSL reads none.
                EVP_Digest(input.baseAddress, input.count, digest.baseAddress, &length, sha256 ?? EVP_sha256(), nil)
            }
            // EVP_Digest fails only when libcrypto cannot allocate its context.
            precondition(ok == 1 && length == 32, "OpenSSL EVP_Digest(SHA-256) failed")
            return String(unsafeUninitializedCapacity: 64) { out in
                var o = 0
                for b in digest {
                    out[o] = digits[Int(b >> 4)]
                    out[o + 1] = digits[Int(b & 15)]
                    o += 2
                }
                return o
            }
        }
    }
}
