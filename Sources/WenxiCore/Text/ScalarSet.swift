/// A set of scalars for the rules' character classes, as a bitmap over the BMP (8 KB) with a
/// `Set` for the rare supplementary-plane members: a test is a load and a mask, where
/// `Set<UInt32>` hashes. The rules test these at most characters near a cue or a name.
@usableFromInline package struct ScalarSet: Sendable {
    @usableFromInline var bits = [UInt64](repeating: 0, count: 1024)
    @usableFromInline var astral = Set<UInt32>()

    @inlinable
    package init<S: Sequence>(_ scalars: S) where S.Element == UInt32 {
        for c in scalars {
            if c < 0x10000 { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) } else { astral.insert(c) }
        }
    }

    /// The scalars of `characters`.
    @inlinable
    package init(_ characters: String) {
        self.init(characters.unicodeScalars.map(\.value))
    }

    @inlinable @inline(__always)
    package func contains(_ c: UInt32) -> Bool {
        c < 0x10000 ? bits[Int(c >> 6)] & (1 << UInt64(c & 63)) != 0 : astral.contains(c)
    }
}
