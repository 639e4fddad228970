import Foundation

/// Bytes -> text. Recognises a byte-order mark (UTF-8, UTF-16LE, UTF-16BE), otherwise requires
/// valid UTF-8 or a legacy Chinese charset that ICU detects (Big5, GB18030). Errors carry the byte offset of the first offending byte.
enum TextDecoding {
    /// Decodes `bytes` and names the encoding it was read in (`UTF-8`, `UTF-8 with BOM`,
    /// `UTF-16LE`, `UTF-16BE`). A BOM is never part of the returned text.
    static func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: String) {
        let (utf8, encoding) = try decodeBytes(bytes)
        return (String(decoding: utf8, as: UTF8.self), encoding)
    }

    /// `decode` as well-formed UTF-8 bytes, without making a String: a UTF-8 input (the usual
    /// case) is validated once, in place (`UTF8Text.firstInvalid`, eight ASCII bytes at a time),
    /// and returned as it is.
    static func decodeBytes(_ bytes: [UInt8]) throws -> (bytes: [UInt8], encoding: String) {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let body = bytes[3...]
            if let nul = body.firstIndex(of: 0) { throw WenxiError.binary(byteOffset: nul) }
            if let bad = UTF8Text.firstInvalid(body) { throw WenxiError.invalidUTF8(byteOffset: bad) }
            return (Array(body), "UTF-8 with BOM")
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return (Array(try decodeUTF16(bytes, littleEndian: true).utf8), "UTF-16LE")
        }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return (Array(try decodeUTF16(bytes, littleEndian: false).utf8), "UTF-16BE")
        }
        if let nul = firstNUL(bytes) { throw WenxiError.binary(byteOffset: nul) }
        guard let bad = UTF8Text.firstInvalid(bytes) else { return (bytes, "UTF-8") }
        // Not UTF-8: ICU's charset detector may recognise a legacy Chinese charset (Big5,
        // GB18030) and convert it; otherwise the first bad byte is the error.
        if let legacy = CharsetDetection.detectAndDecode(bytes) { return (Array(legacy.text.utf8), legacy.encoding) }
        throw WenxiError.invalidUTF8(byteOffset: bad)
    }

    /// CRLF and lone CR become LF (`TextNormalizer.lineBreaks` on bytes); `bytes` itself when
    /// it holds no CR.
    static func lineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        let hasCR = bytes.withUnsafeBufferPointer { buf in buf.count > 0 && memchr(buf.baseAddress!, 0x0D, buf.count) != nil }
        guard hasCR else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var previousCR = false
        for b in bytes {
            if b == 0x0D { out.append(0x0A); previousCR = true; continue }
            if b == 0x0A && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(b)
        }
        return out
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
