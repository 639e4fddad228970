internal import COpenSSL

/// `source.sha256`: the SHA-256 of the raw input bytes, from the system's OpenSSL libcrypto
/// (`EVP_Digest`, assembly on x86-64 and ARM), as lower-case hex.
enum SourceHash {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex of the SHA-256 digest of `bytes`.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { out in
                // A nil pointer is fine for zero bytes: OpenSSL reads none.
                EVP_Digest(input.baseAddress, input.count, out.baseAddress, &length, EVP_sha256(), nil)
            }
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
