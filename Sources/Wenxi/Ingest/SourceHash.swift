internal import Crypto

/// `source.sha256`: the SHA-256 of the raw input bytes, from swift-crypto (BoringSSL on Linux,
/// CryptoKit on Apple platforms), as lower-case hex.
enum SourceHash {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Lower-case hex of the SHA-256 digest of `bytes`.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        return String(unsafeUninitializedCapacity: 2 * SHA256.byteCount) { out in
            var o = 0
            digest.withUnsafeBytes { raw in
                for b in raw {
                    out[o] = digits[Int(b >> 4)]
                    out[o + 1] = digits[Int(b & 15)]
                    o += 2
                }
            }
            return o
        }
    }
}
