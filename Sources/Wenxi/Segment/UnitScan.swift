/// Finding one of two code units (or scalars) in a buffer a vector at a time: the segment
/// stage's scans for paragraph breaks and parentheses, which otherwise test every unit of the
/// text one by one. The vector loop only tells that a block holds a match; the unit loop after
/// it finds where, so the result is the plain loop's.
enum UnitScan {
    /// The first index in `from..<end` whose unit is `a` or `b`; `end` when there is none
    /// (`from` when `from >= end`). `end` is at most `u.count`.
    @inline(__always)
    static func first(_ u: UnsafeBufferPointer<UInt16>, from: Int, to end: Int, _ a: UInt16, _ b: UInt16) -> Int {
        var i = from
        if let base = u.baseAddress {
            let raw = UnsafeRawPointer(base)
            let va = SIMD16<UInt16>(repeating: a), vb = SIMD16<UInt16>(repeating: b)
            while i &+ 16 <= end {
                let v = raw.loadUnaligned(fromByteOffset: i &* 2, as: SIMD16<UInt16>.self)
                if any((v .== va) .| (v .== vb)) { break }
                i &+= 16
            }
        }
        while i < end && u[i] != a && u[i] != b { i &+= 1 }
        return i
    }

    /// The first index in `from..<end` whose scalar is `a` or `b`; `end` when there is none.
    @inline(__always)
    static func first(
        _ s: UnsafeBufferPointer<Unicode.Scalar>, from: Int, to end: Int, _ a: Unicode.Scalar, _ b: Unicode.Scalar
    ) -> Int {
        var i = from
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            let va = SIMD8<UInt32>(repeating: a.value), vb = SIMD8<UInt32>(repeating: b.value)
            while i &+ 8 <= end {
                let v = raw.loadUnaligned(fromByteOffset: i &* 4, as: SIMD8<UInt32>.self)
                if any((v .== va) .| (v .== vb)) { break }
                i &+= 8
            }
        }
        while i < end && s[i] != a && s[i] != b { i &+= 1 }
        return i
    }

    /// The last index below `end` whose scalar is `a` or `b`; -1 when there is none.
    @inline(__always)
    static func last(_ s: UnsafeBufferPointer<Unicode.Scalar>, before end: Int, _ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
        var i = max(0, min(end, s.count))
        if let base = s.baseAddress {
            let raw = UnsafeRawPointer(base)
            let va = SIMD8<UInt32>(repeating: a.value), vb = SIMD8<UInt32>(repeating: b.value)
            while i >= 8 {
                let v = raw.loadUnaligned(fromByteOffset: (i &- 8) &* 4, as: SIMD8<UInt32>.self)
                if any((v .== va) .| (v .== vb)) { break }
                i &-= 8
            }
        }
        i -= 1
        while i >= 0 && s[i] != a && s[i] != b { i -= 1 }
        return i
    }
}
