/// ASCII byte classes, named once: every stage that tests bytes for spaces, digits or letters
/// uses these instead of writing the comparisons out.
@usableFromInline package enum ASCII {
    /// Space or tab: what pads a field or makes a line blank.
    @inlinable @inline(__always)
    package static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    /// Line feed or carriage return.
    @inlinable @inline(__always)
    package static func isLineEnd(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }

    /// Space, tab, LF or CR: the white space trimmed around markup text and JSON tokens.
    @inlinable @inline(__always)
    package static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// WHATWG's "ASCII whitespace": space, tab, LF, FF, CR (what separates HTML class names).
    @inlinable @inline(__always)
    package static func isHTMLSpace(_ b: UInt8) -> Bool { isSpace(b) || b == 0x0C }

    /// 0–9.
    @inlinable @inline(__always)
    package static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// A–Z.
    @inlinable @inline(__always)
    package static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }

    /// a–z.
    @inlinable @inline(__always)
    package static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }

    /// A–Z or a–z.
    @inlinable @inline(__always)
    package static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// A letter or a digit.
    @inlinable @inline(__always)
    package static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }

    /// 0–9, A–F, a–f.
    @inlinable @inline(__always)
    package static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }

    /// C0 controls and DEL.
    @inlinable @inline(__always)
    package static func isControl(_ b: UInt8) -> Bool { b < 0x20 || b == 0x7F }

    /// True when `bytes` holds only spaces, tabs and CRs (or nothing): a blank line of a
    /// line-oriented input, whatever its line end.
    @inlinable
    package static func isBlankLine<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        bytes.allSatisfy { isBlank($0) || $0 == 0x0D }
    }

    /// `bytes[range]` without the spaces and tabs at either end.
    @inlinable @inline(__always)
    package static func trimBlanks<C: RandomAccessCollection<UInt8>>(_ bytes: C, _ range: Range<C.Index>) -> Range<C.Index> {
        var a = range.lowerBound, b = range.upperBound
        while a < b && isBlank(bytes[a]) { a = bytes.index(after: a) }
        while b > a && isBlank(bytes[bytes.index(before: b)]) { b = bytes.index(before: b) }
        return a..<b
    }
}
