import Foundation

/// Bytes -> text. Recognises a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), otherwise requires
/// valid UTF-8 or a legacy Chinese charset that ICU detects (Big5, GB18030). Errors carry the byte offset of the first offending byte.
enum TextDecoding {
    /// Decodes `bytes` and names the encoding it was read in (`UTF-8`, `UTF-8 with BOM`,
    /// `UTF-16LE`, `UTF-16BE`). A BOM is never part of the returned text.
    static func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: String) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let body = bytes[3...]
            if let nul = body.firstIndex(of: 0) { throw WenxiError.binary(byteOffset: nul) }
            if let bad = UTF8Text.firstInvalid(body) { throw WenxiError.invalidUTF8(byteOffset: bad) }
            return (String(decoding: body, as: UTF8.self), "UTF-8 with BOM")
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return (try decodeUTF16(bytes, littleEndian: true), "UTF-16LE")
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return (try decodeUTF16(bytes, littleEndian: false), "UTF-16BE")
        }
        if let nul = firstNUL(bytes) { throw WenxiError.binary(byteOffset: nul) }
        // Fast path: the standard library's validation; the offset of a bad byte is looked
        // for only when it fails.
        if let text = String(validating: bytes, as: UTF8.self) { return (text, "UTF-8") }
        if let bad = UTF8Text.firstInvalid(bytes) {
            // Not UTF-8: ICU's charset detector may recognise a legacy Chinese charset (Big5,
            // GB18030) and convert it; otherwise the first bad byte is the error.
            if let legacy = CharsetDetection.detectAndDecode(bytes) { return legacy }
            throw WenxiError.invalidUTF8(byteOffset: bad)
        }
        // Not reached: the standard library and UTF8Text.firstInvalid agree on what is valid.
        return (String(decoding: bytes, as: UTF8.self), "UTF-8")
    }

    /// Offset of the first NUL byte, found by `memchr` (the generic `firstIndex(of:)` takes a
    /// few instructions a byte, as much as the UTF-8 validation after it).
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buf -> Int? in
            guard let base = buf.baseAddress, let p = memchr(base, 0, buf.count) else { return nil }
            return UnsafeRawPointer(p) - UnsafeRawPointer(base)
        }
    }

    private static func decodeUTF16(_ bytes: [UInt8], littleEndian: Bool) throws -> String {
        let payload = bytes.count - 2
        if payload % 2 != 0 {
            throw WenxiError.malformed("odd number of bytes in UTF-16 text (byte \(bytes.count - 1))")
        }
        var units = [UInt16]()
        units.reserveCapacity(payload / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        // Reject unpaired surrogates with the byte offset of the bad unit.
        var u = 0
        while u < units.count {
            let c = units[u]
            if c >= 0xD800 && c <= 0xDBFF {
                if u + 1 < units.count, units[u + 1] >= 0xDC00, units[u + 1] <= 0xDFFF { u += 2; continue }
                throw WenxiError.malformed("unpaired UTF-16 surrogate at byte \(2 + 2 * u)")
            }
            if c >= 0xDC00 && c <= 0xDFFF {
                throw WenxiError.malformed("unpaired UTF-16 surrogate at byte \(2 + 2 * u)")
            }
            u += 1
        }
        return String(decoding: units, as: UTF16.self)
    }
}
