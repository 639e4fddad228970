internal import CICU

/// Reads text that is not UTF-8: ICU's charset detector proposes candidates, ICU's converter
/// checks each (it must convert every byte) and turns the first that passes into a String.
///
/// Meant as ingest's fallback once the bytes turned out not to be UTF-8 (UTF-8, BOMs and
/// binary files are `TextDecoding`'s job). Only the multi-byte East Asian charsets are accepted:
/// Chinese (Big5, GB18030 — which covers GB2312 and GBK), Japanese and Korean, in the order
/// and above the confidence ICU gives. Single-byte charsets (ISO-8859-1, windows-1252) are not:
/// ICU proposes them for almost any bytes, and this project reads Chinese. A result must look
/// like text (no NUL or other control characters besides tab, newline, carriage return and
/// form feed), and bytes that are mostly well-formed UTF-8 are taken as damaged UTF-8 (nil),
/// so the caller reports the first invalid byte instead of guessing a charset.
public enum CharsetDetection {
    /// Detector names accepted, with the least confidence (0–100) each needs.
    static let accepted: [String: Int32] = [
        "Big5": 10, "GB18030": 10, "EUC-JP": 10, "Shift_JIS": 10, "EUC-KR": 10,
        "ISO-2022-CN": 10, "ISO-2022-JP": 10, "ISO-2022-KR": 10,
    ]

    /// Bytes the detector looks at (conversion always covers the whole input).
    static let sampleBytes = 256 << 10

    /// The text and the charset it was read in (`Big5`, `GB18030`, …), or nil when no accepted
    /// charset reads these bytes as text.
    public static func detectAndDecode(_ bytes: [UInt8]) -> (text: String, encoding: String)? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) / 4, !bytes.contains(0) else { return nil }
        let (valid, invalid) = utf8Sequences(bytes)
        if valid > invalid { return nil }
        for (name, confidence) in candidates(bytes) {
            guard let least = accepted[name], confidence >= least else { continue }
            if case .success(let text) = decode(bytes, from: name), looksLikeText(text) {
                return (text, name)
            }
        }
        return nil
    }

    /// ICU's candidates for the first `sampleBytes` of `bytes`, best first.
    public static func candidates(_ bytes: [UInt8]) -> [(name: String, confidence: Int32)] {
        let max: Int32 = 16
        let size = Int(WENXI_CHARSET_NAME_SIZE)
        var names = [CChar](repeating: 0, count: Int(max) * size)
        var confidences = [Int32](repeating: 0, count: Int(max))
        var status: Int32 = 0
        let sample = bytes.prefix(sampleBytes)
        let n = sample.withUnsafeBufferPointer { b in
            wenxi_charset_detect(b.baseAddress, Int32(b.count), &names, &confidences, max, &status)
        }
        guard n > 0 else { return [] }
        return (0..<Int(n)).map { i in
            let name = names[(i * size)..<((i + 1) * size)].withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            return (name, confidences[i])
        }
    }

    /// Why a conversion failed: the charset is unknown to ICU, or a byte sequence at `byteOffset`
    /// is not valid in it.
    public enum ConversionError: Error, Equatable {
        case unknownCharset(String)
        case invalid(byteOffset: Int)
    }

    /// Converts `bytes` from `charset` (any ICU converter name) to a String, failing at the
    /// first invalid or unmapped byte sequence.
    public static func decode(_ bytes: [UInt8], from charset: String) -> Result<String, ConversionError> {
        var units = [UInt16](repeating: 0, count: 2 * bytes.count + 2)
        var status: Int32 = 0
        var errorOffset: Int32 = -1
        let capacity = Int32(units.count)
        let n = bytes.withUnsafeBufferPointer { b in
            units.withUnsafeMutableBufferPointer { u in
                wenxi_charset_to_utf16(charset, b.baseAddress, Int32(b.count), u.baseAddress, capacity, &errorOffset, &status)
            }
        }
        guard n >= 0 else {
            return errorOffset >= 0 ? .failure(.invalid(byteOffset: Int(errorOffset))) : .failure(.unknownCharset(charset))
        }
        return .success(String(decoding: units[0..<Int(n)], as: UTF16.self))
    }

    /// Encodes `text` in `charset`; nil when a character has no mapping there (or the charset is
    /// unknown). The inverse of `decode`, used to write test inputs.
    public static func encode(_ text: String, as charset: String) -> [UInt8]? {
        let units = Array(text.utf16)
        var out = [UInt8](repeating: 0, count: 4 * units.count + 8)
        var status: Int32 = 0
        let capacity = Int32(out.count)
        let n = units.withUnsafeBufferPointer { u in
            out.withUnsafeMutableBufferPointer { o in
                wenxi_charset_from_utf16(charset, u.baseAddress, Int32(u.count), o.baseAddress, capacity, &status)
            }
        }
        guard n >= 0 else { return nil }
        return Array(out[0..<Int(n)])
    }

    /// Well-formed multi-byte UTF-8 sequences, and positions where a sequence is malformed.
    static func utf8Sequences(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0, i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let len: Int, lo: UInt8, hi: UInt8
            switch b {
            case 0xC2...0xDF: len = 2; lo = 0x80; hi = 0xBF
            case 0xE0: len = 3; lo = 0xA0; hi = 0xBF
            case 0xE1...0xEC, 0xEE...0xEF: len = 3; lo = 0x80; hi = 0xBF
            case 0xED: len = 3; lo = 0x80; hi = 0x9F
            case 0xF0: len = 4; lo = 0x90; hi = 0xBF
            case 0xF1...0xF3: len = 4; lo = 0x80; hi = 0xBF
            case 0xF4: len = 4; lo = 0x80; hi = 0x8F
            default: invalid += 1; i += 1; continue
            }
            var ok = i + len <= n && bytes[i + 1] >= lo && bytes[i + 1] <= hi
            if ok {
                for k in 2..<len where bytes[i + k] & 0xC0 != 0x80 { ok = false }
            }
            if ok { valid += 1; i += len } else { invalid += 1; i += 1 }
        }
        return (valid, invalid)
    }

    /// No NUL, C0 control (except tab, LF, FF, CR), DEL or C1 control.
    static func looksLikeText(_ s: String) -> Bool {
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0C && v != 0x0D { return false }
            if v >= 0x7F && v <= 0x9F { return false }
        }
        return true
    }
}
