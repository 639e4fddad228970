/// A set of scalars for the rules' character classes, as a bitmap over the BMP (8 KB) with a
/// `Set` for the rare supplementary-plane members: a test is a load and a mask, where
/// `Set<UInt32>` hashes. The rules test these at most characters near a cue or a name.
@usableFromInline package struct ScalarSet: Sendable {
    @usableFromInline var bits = [UInt64](repeating: 0, count: 1024)
    @usableFromInline var astral = Set<UInt32>()

    @inlinable
    package init<S: Sequence>(_ scalars: S) where S.Element == UInt32 {
        for c in scalars { insert(c) }
    }

    /// The scalars of `characters`.
    @inlinable
    package init(_ characters: String) {
        self.init(characters.unicodeScalars.map(\.value))
    }

    @inlinable
    package mutating func insert(_ c: UInt32) {
        if c < 0x10000 { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) } else { astral.insert(c) }
    }

    @inlinable @inline(__always)
    package func contains(_ c: UInt32) -> Bool {
        c < 0x10000 ? bits[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 : astral.contains(c)
    }

    /// Calls `body` with each member: the plane-0 ones ascending, then the others.
    package func forEachMember(_ body: (UInt32) -> Void) {
        for w in bits.indices where bits[w] != 0 {
            var b = bits[w]
            while b != 0 {
                body(UInt32(w << 6 | b.trailingZeroBitCount))
                b &= b - 1
            }
        }
        for c in astral.sorted() { body(c) }
    }

    /// The first position at or after `from` whose scalar is in the set, or `text.count` (`from`
    /// when that is past the end). The name scans call it to skip, one bit test a character and
    /// without bounds checks, the characters that can start nothing they look for.
    @inlinable
    package func nextMember(in text: [UInt32], from: Int) -> Int {
        text.withUnsafeBufferPointer { nextMember(in: $0, from: from) }
    }

    /// `nextMember(in:from:)` over a buffer.
    @inlinable
    package func nextMember(in text: UnsafeBufferPointer<UInt32>, from: Int) -> Int {
        bits.withUnsafeBufferPointer { b in
            var i = from
            let n = text.count
            if astral.isEmpty {
                while i < n {
                    let c = text[i]
                    if c < 0x10000 && b[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 { break }
                    i += 1
                }
            } else {
                while i < n {
                    let c = text[i]
                    if c < 0x10000 ? b[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 : astral.contains(c) { break }
                    i += 1
                }
            }
            return i
        }
    }
}
