/// The body text in the three views the stages need, built once per document: the String for
/// output, Unicode scalars (the unit of every offset in the report) and UTF-16 (what ICU reads).
package final class TextBuffer: @unchecked Sendable {
    /// The text.
    package let string: String
    /// Its Unicode scalars: what every offset counts.
    package let scalars: [Unicode.Scalar]
    /// Its UTF-16 code units, the form ICU reads.
    package let utf16: [UInt16]
    /// The UTF-8 offset in `string` of each scalar, and the byte count after the last one
    /// (`count + 1` entries): entity texts and sentences are slices of `string` cut at these
    /// offsets (written in the same pass that decodes the scalars, a store per scalar).
    package let utf8Offsets: [UInt32]
    /// utf16 offset -> scalar offset; nil when the text is all BMP (then they are equal).
    private let scalarIndexOfUTF16: [Int32]?

    /// Builds the scalar and UTF-16 forms of `string` once.
    package init(_ string: String) {
        self.string = string
        // Scalars and UTF-16 are decoded together from the UTF-8 storage in one pass (a native
        // String is valid UTF-8); the generic `Array(string.unicodeScalars)` is several times
        // slower.
        var string = string
        var offsets: [UInt32] = []
        let (scalars, utf16) = string.withUTF8 { u -> ([Unicode.Scalar], [UInt16]) in
            // One pass counts the scalars (bytes that start one) and those beyond the BMP (4-byte
            // leads, two UTF-16 units each); a second decodes each scalar once and writes both views.
            let (n, astral) = TextBuffer.countScalars(u)
            var utf16 = [UInt16](repeating: 0, count: n + astral)
            offsets = [UInt32](repeating: UInt32(truncatingIfNeeded: u.count), count: n + 1)
            let scalars = utf16.withUnsafeMutableBufferPointer { out16 in offsets.withUnsafeMutableBufferPointer { off in
                [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
                    var i = 0, o = 0, o16 = 0
                    let end = u.count
                    while i < end {
                        off[o] = UInt32(truncatingIfNeeded: i)
                        // ASCII and 3-byte sequences (Han, CJK punctuation) are the bulk:
                        // decoded inline, without the general decoder's range tests.
                        let b0 = u[i]
                        if b0 < 0x80 {
                            out.initializeElement(at: o, to: Unicode.Scalar(b0))
                            out16[o16] = UInt16(b0)
                            i &+= 1; o &+= 1; o16 &+= 1
                            continue
                        }
                        if b0 & 0xF0 == 0xE0 && i &+ 2 < end {
                            let v = UInt32(b0 & 0x0F) << 12 | UInt32(u[i &+ 1] & 0x3F) << 6 | UInt32(u[i &+ 2] & 0x3F)
                            // Valid UTF-8 never encodes a surrogate; the fallback keeps this total.
                            out.initializeElement(at: o, to: Unicode.Scalar(v) ?? "\u{FFFD}")
                            out16[o16] = UInt16(truncatingIfNeeded: v)
                            i &+= 3; o &+= 1; o16 &+= 1
                            continue
                        }
                        let (v, length) = UTF8Text.decode(u, at: i, end: end)
                        i += length
                        // A native String is valid UTF-8, so `v` is a scalar value.
                        out.initializeElement(at: o, to: Unicode.Scalar(v) ?? "\u{FFFD}")
                        o += 1
                        if v < 0x10000 {
                            out16[o16] = UInt16(truncatingIfNeeded: v)
                            o16 += 1
                        } else {
                            out16[o16] = UInt16(truncatingIfNeeded: 0xD800 + ((v - 0x10000) >> 10))
                            out16[o16 + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (v & 0x3FF))
                            o16 += 2
                        }
                    }
                    count = o
                }
            } }
            return (scalars, utf16)
        }
        self.scalars = scalars
        self.utf16 = utf16
        self.utf8Offsets = offsets
        if utf16.count == scalars.count {
            scalarIndexOfUTF16 = nil
        } else {
            var map = [Int32](repeating: 0, count: utf16.count + 1)
            var u = 0
            for (i, s) in scalars.enumerated() {
                let w = s.value > 0xFFFF ? 2 : 1
                for k in 0..<w { map[u + k] = Int32(i) }
                u += w
            }
            map[u] = Int32(scalars.count)
            scalarIndexOfUTF16 = map
        }
    }

    /// Scalars in well-formed UTF-8 `u` (its bytes but continuation bytes, 10xxxxxx) and those
    /// beyond the BMP (4-byte leads, 11110xxx), counted eight bytes at a time.
    static func countScalars(_ u: UnsafeBufferPointer<UInt8>) -> (scalars: Int, astral: Int) {
        guard let base = u.baseAddress else { return (0, 0) }
        var i = 0, continuation = 0, astral = 0
        let end = u.count
        while i &+ 8 <= end {
            let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // Per byte: bit 7 set and bit 6 clear is a continuation byte; bits 7–4 all set a
            // 4-byte (or higher) lead, as `b >= 0xF0` tests.
            continuation &+= (w & ~(w &<< 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            astral &+= (w & (w &<< 1) & (w &<< 2) & (w &<< 3) & 0x8080_8080_8080_8080).nonzeroBitCount
            i &+= 8
        }
        while i < end {
            let b = base[i]
            if UTF8Text.isContinuation(b) { continuation &+= 1 }
            if b >= 0xF0 { astral &+= 1 }
            i &+= 1
        }
        return (end &- continuation, astral)
    }

    /// Number of Unicode scalars.
    package var count: Int { scalars.count }

    /// Converts a UTF-16 offset (as ICU reports it) to a scalar offset.
    @inline(__always)
    package func scalarOffset(utf16 offset: Int) -> Int {
        guard let map = scalarIndexOfUTF16 else { return offset }
        return Int(map[offset])
    }

    /// The text of scalars `start..<end`.
    package func substring(_ start: Int, _ end: Int) -> String {
        String(scalars: scalars[start..<end])
    }
}

extension String {
    /// Number of Unicode scalars, counted on the UTF-8 bytes (each byte but a continuation byte
    /// starts one): cheaper than `unicodeScalars.count`.
    @inlinable package var scalarCount: Int {
        func count<C: Collection<UInt8>>(_ bytes: C) -> Int {
            var n = 0
            for b in bytes where !UTF8Text.isContinuation(b) { n += 1 }
            return n
        }
        return utf8.withContiguousStorageIfAvailable(count) ?? count(utf8)
    }

    /// The string of `scalars`, UTF-8 encoded straight into the String's storage (appending to a
    /// `UnicodeScalarView` one scalar at a time is several times slower). Up to 15 UTF-8 bytes
    /// make an inline small string with no heap allocation.
    @inlinable package init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var length = 0
        for s in scalars { length += UTF8Text.width(s.value) }
        self.init(unsafeUninitializedCapacity: length) { out in
            var o = 0
            for s in scalars { o += UTF8Text.encode(s.value, into: out, at: o) }
            return o
        }
    }
}
