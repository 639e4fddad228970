/// UTF-8 at the byte level, for every stage: validation with the offset of the first bad byte,
/// decoding one scalar, encoding one scalar. Foundation and the standard library only.
///
/// "Well-formed" is Unicode 15, Table 3-7: no overlong forms, no surrogates (U+D800–U+DFFF), nothing
/// above U+10FFFF, no truncated sequence. The standard library's `String(validating:as:)`
/// accepts exactly the same bytes; it does not say where the first bad one is.
@usableFromInline package enum UTF8Text {
    /// Length (1–4) of the well-formed sequence that starts at `i` (`i < p.count`), or 0 when the
    /// bytes at `i` do not start one.
    @inlinable @inline(__always)
    package static func sequenceLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let b0 = p[i]
        if b0 < 0x80 { return 1 }
        let need: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0              // no overlong 3-byte form
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F              // no surrogates
        case 0xF0: need = 3; lo = 0x90              // no overlong 4-byte form
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F              // nothing above U+10FFFF
        default: return 0                           // continuation byte, C0, C1, F5–FF
        }
        guard i + need < p.count else { return 0 }
        let b1 = p[i + 1]
        if b1 < lo || b1 > hi { return 0 }
        var k = 2
        while k <= need {
            if p[i + k] & 0xC0 != 0x80 { return 0 }
            k += 1
        }
        return need + 1
    }

    /// Offset (an index of `bytes`) of the first byte that does not belong to a well-formed
    /// sequence — the first byte of the ill-formed sequence, as Python's decoder reports it — or
    /// nil when all of `bytes` is well-formed. ASCII runs are skipped eight bytes at a time.
    @inlinable
    package static func firstInvalid(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buf -> Int? in
            guard let at = firstInvalid(buf) else { return nil }
            return bytes.startIndex + at
        }
    }

    /// `firstInvalid` of a whole array.
    @inlinable
    package static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        firstInvalid(bytes[...])
    }

    /// `firstInvalid` of a buffer: an offset into `buf`. Runs of ASCII are skipped eight bytes
    /// at a time (tried after an ASCII byte, not after every character of a CJK run). 3-byte
    /// sequences whose lead is E1–EC or EE–EF (most of CJK) need only two continuation bytes,
    /// whatever they are (Table 3-7): a run of them is checked two at a time on one 8-byte load,
    /// then one at a time, before the general check.
    @inlinable
    package static func firstInvalid(_ buf: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = buf.count
        guard let p = buf.baseAddress else { return nil }
        var i = 0
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                i &+= 1
                while i &+ 8 <= n {
                    let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i &+= 8
                }
                continue
            }
            if b0 & 0xF0 == 0xE0 {
                let start = i
                while i &+ 8 <= n, isTwoPlainThreeByte(UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))) {
                    i &+= 6
                }
                if i != start { continue }
                if b0 != 0xE0, b0 != 0xED, i &+ 2 < n, p[i &+ 1] & 0xC0 == 0x80, p[i &+ 2] & 0xC0 == 0x80 {
                    i &+= 3
                    continue
                }
            }
            let len = sequenceLength(buf, at: i)
            if len == 0 { return i }
            i &+= len
        }
        return nil
    }

    /// Whether the first six of the eight bytes `w` (first byte lowest) are two 3-byte sequences
    /// each led by E1–EC or EE–EF with two continuation bytes: well-formed whatever the
    /// continuation bytes are (E0 and ED restrict their second byte, so they are left out).
    @inlinable @inline(__always)
    static func isTwoPlainThreeByte(_ w: UInt64) -> Bool {
        // Lead bytes at 0 and 3 are 1110xxxx, bytes 1, 2, 4, 5 are 10xxxxxx.
        guard w & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0 else { return false }
        // Bit k of the mask: a lead E<k> is allowed (k = 1…12, 14, 15).
        let allowed: UInt64 = 0xDFFE
        return (allowed &>> (w & 0xF)) & (allowed &>> ((w &>> 24) & 0xF)) & 1 != 0
    }

    /// Well-formed multi-byte sequences, and positions where a sequence is ill-formed (each
    /// such position is skipped by one byte): how much of some bytes looks like UTF-8.
    @inlinable
    package static func multiByteCounts(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { p in
            var valid = 0, invalid = 0, i = 0
            while i < p.count {
                if p[i] < 0x80 { i += 1; continue }
                let len = sequenceLength(p, at: i)
                if len == 0 { invalid += 1; i += 1 } else { valid += 1; i += len }
            }
            return (valid, invalid)
        }
    }

    /// True for a byte that continues a sequence (10xxxxxx); every other byte starts a scalar.
    @inlinable @inline(__always)
    package static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// The scalar value at `i` (`i < n`, `n <= p.count`) and the number of bytes it takes. The
    /// bits are read from the lead byte and as many following bytes as it announces, without
    /// checking them (valid UTF-8, e.g. a native String's, decodes right); a byte that cannot
    /// lead (continuation, C0, C1, F5–FF) or a sequence cut by `n` gives (U+FFFD, 1).
    @inlinable @inline(__always)
    package static func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end n: Int) -> (value: UInt32, length: Int) {
        let b0 = p[i]
        if b0 < 0x80 {
            return (UInt32(b0), 1)
        } else if b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n {
            return (UInt32(b0 & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F), 2)
        } else if b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n {
            return (UInt32(b0 & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F), 3)
        } else if b0 >= 0xF0 && b0 < 0xF5 && i + 3 < n {
            return (UInt32(b0 & 0x07) << 18 | UInt32(p[i + 1] & 0x3F) << 12
                | UInt32(p[i + 2] & 0x3F) << 6 | UInt32(p[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// Bytes the scalar value `v` takes in UTF-8.
    @inlinable @inline(__always)
    package static func width(_ v: UInt32) -> Int {
        v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4
    }

    /// Writes the UTF-8 of scalar value `v` at `out[o...]` (room for `width(v)` bytes) and
    /// returns the number of bytes written. `v` must be a scalar value (no surrogate).
    @inlinable @inline(__always)
    package static func encode(_ v: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at o: Int) -> Int {
        switch v {
        case ..<0x80:
            out[o] = UInt8(v)
            return 1
        case ..<0x800:
            out[o] = UInt8(0xC0 | (v >> 6))
            out[o + 1] = UInt8(0x80 | (v & 0x3F))
            return 2
        case ..<0x10000:
            out[o] = UInt8(0xE0 | (v >> 12))
            out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[o + 2] = UInt8(0x80 | (v & 0x3F))
            return 3
        default:
            out[o] = UInt8(0xF0 | (v >> 18))
            out[o + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            out[o + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
            out[o + 3] = UInt8(0x80 | (v & 0x3F))
            return 4
        }
    }
}
