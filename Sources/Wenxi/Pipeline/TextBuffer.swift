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
        let utf16 = Array(string.utf16)
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
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }
}
