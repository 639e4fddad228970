/// The body text in the three views the stages need, built once per document: the String for
/// output, Unicode scalars (the unit of every offset in the report) and UTF-16 (what ICU reads).
public final class TextBuffer: @unchecked Sendable {
    public let string: String
    public let scalars: [Unicode.Scalar]
    public let utf16: [UInt16]
    /// utf16 offset -> scalar offset; nil when the text is all BMP (then they are equal).
    private let scalarIndexOfUTF16: [Int32]?

    public init(_ string: String) {
        self.string = string
        let scalars = Array(string.unicodeScalars)
        self.scalars = scalars
        // Encoded from the scalars (a plain loop) rather than through `String.UTF16View`, which
        // must first count its units over the whole string.
        var utf16: [UInt16] = []
        utf16.reserveCapacity(scalars.count)
        for s in scalars {
            if s.value < 0x10000 {
                utf16.append(UInt16(s.value))
            } else {
                utf16.append(UTF16.leadSurrogate(s))
                utf16.append(UTF16.trailSurrogate(s))
            }
        }
        self.utf16 = utf16
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

    /// Number of Unicode scalars.
    public var count: Int { scalars.count }

    /// Converts a UTF-16 offset (as ICU reports it) to a scalar offset.
    @inline(__always)
    public func scalarOffset(utf16 offset: Int) -> Int {
        guard let map = scalarIndexOfUTF16 else { return offset }
        return Int(map[offset])
    }

    /// The text of scalars `start..<end`.
    public func substring(_ start: Int, _ end: Int) -> String {
        String(scalars: scalars[start..<end])
    }
}

extension String {
    /// The string of `scalars`, UTF-8 encoded straight into the String's storage (appending to a
    /// `UnicodeScalarView` one scalar at a time is several times slower). Up to 15 UTF-8 bytes
    /// make an inline small string with no heap allocation.
    init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
        var length = 0
        for s in scalars { length += UTF8.width(s) }
        self.init(unsafeUninitializedCapacity: length) { out in
            var o = 0
            for s in scalars {
                let v = s.value
                switch v {
                case ..<0x80:
                    out[o] = UInt8(v)
                    o += 1
                case ..<0x800:
                    out[o] = UInt8(0xC0 | (v >> 6))
                    out[o + 1] = UInt8(0x80 | (v & 0x3F))
                    o += 2
                case ..<0x10000:
                    out[o] = UInt8(0xE0 | (v >> 12))
                    out[o + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[o + 2] = UInt8(0x80 | (v & 0x3F))
                    o += 3
                default:
                    out[o] = UInt8(0xF0 | (v >> 18))
                    out[o + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    out[o + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    out[o + 3] = UInt8(0x80 | (v & 0x3F))
                    o += 4
                }
            }
            return o
        }
    }
}
