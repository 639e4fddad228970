/// A word of up to six characters packed 21 bits a character: the first three in `a`, the rest
/// in `b`. Characters are never 0 in a packed word, so words of different lengths never share a
/// key, and no word packs to (0, 0), the empty slot of `PackedKeyTable`.
struct PackedKey: Hashable, Sendable {
    var a: UInt64
    var b: UInt64

    static let maxLength = 6

    /// `f[start..<end]` packed (1–6 characters, none of them 0, each below 2²¹).
    @inline(__always) init(_ f: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int) {
        var a: UInt64 = 0, b: UInt64 = 0
        var k = start
        while k < end && k < start + 3 { a = a << 21 | UInt64(f[k]); k += 1 }
        while k < end { b = b << 21 | UInt64(f[k]); k += 1 }
        self.a = a
        self.b = b
    }

    /// `word` packed (as the initializer over a buffer).
    init(_ word: [UInt32]) {
        self = word.withUnsafeBufferPointer { PackedKey($0, 0, $0.count) }
    }

    init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }
}

/// A set of `PackedKey`s in one open-addressed array (linear probing, a multiplicative hash; the
/// empty slot is (0, 0)): a look-up is two multiplies and a load or two, where `Set` runs SipHash
/// over the key (the known names' scan spent a tenth of the tag stage in it, `ShortPlaceRule`
/// half its instructions). Shared by `KnownNames`, `ShortPlaceRule.Table` and `WordSet`, which
/// each kept a table of their own.
struct PackedKeyTable: Sendable {
    private let slots: [PackedKey]
    private let mask: Int
    let count: Int

    /// The table of `keys` (none of them (0, 0)), with at least `spread` slots a key. Keys are
    /// inserted in sorted order, so the layout does not depend on the collection's order.
    init(_ keys: some Collection<PackedKey>, spread: Int = 2) {
        var size = 16
        while size < spread * keys.count { size <<= 1 }
        var slots = [PackedKey](repeating: PackedKey(a: 0, b: 0), count: keys.isEmpty ? 0 : size)
        var count = 0
        for k in keys.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            precondition(k.a != 0 || k.b != 0, "PackedKeyTable: the key (0, 0) marks an empty slot")
            var j = PackedKeyTable.slot(k, size - 1)
            while slots[j] != PackedKey(a: 0, b: 0) && slots[j] != k { j = (j + 1) & (size - 1) }
            if slots[j] != k { slots[j] = k; count += 1 }
        }
        self.slots = slots
        self.mask = size - 1
        self.count = count
    }

    @inline(__always) static func slot(_ k: PackedKey, _ mask: Int) -> Int {
        var h = k.a &* 0x9E37_79B9_7F4A_7C15 ^ k.b &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    var isEmpty: Bool { count == 0 }

    /// Whether the table holds `k`.
    @inline(__always) func contains(_ k: PackedKey) -> Bool {
        guard count > 0 else { return false }
        return slots.withUnsafeBufferPointer { t in
            var j = PackedKeyTable.slot(k, mask)
            while true {
                let s = t[j]
                if s == k { return true }
                if s.a == 0 && s.b == 0 { return false }
                j = (j + 1) & mask
            }
        }
    }
}
