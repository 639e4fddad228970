/// Short words (scalar arrays) grouped by one of their characters, the first or the last: the
/// keys sorted, and per key its words in list order. A rule that looked for the first word of a
/// list at a position compared every word there; it now compares only the words whose key
/// character stands at the right place, found by a binary search, and gets the same first word
/// (the order within a group is the list's). Empty words have no key and are left out.
struct KeyedWords: Sendable {
    private let keys: [UInt32]
    private let groups: [[[UInt32]]]

    /// `words` grouped by `key` (called on non-empty words only).
    init(_ words: [[UInt32]], key: ([UInt32]) -> UInt32) {
        let nonEmpty = words.filter { !$0.isEmpty }
        keys = Array(Set(nonEmpty.map(key))).sorted()
        var groups = [[[UInt32]]](repeating: [], count: keys.count)
        for w in nonEmpty { groups[Self.index(keys, key(w))!].append(w) }
        self.groups = groups
    }

    /// Grouped by first character.
    static func byFirst(_ words: [[UInt32]]) -> KeyedWords { KeyedWords(words) { $0[0] } }
    /// Grouped by last character.
    static func byLast(_ words: [[UInt32]]) -> KeyedWords { KeyedWords(words) { $0[$0.count - 1] } }

    /// The words whose key is `c`, in list order (empty when none).
    @inline(__always) func words(keyed c: UInt32) -> [[UInt32]] {
        guard let g = Self.index(keys, c) else { return [] }
        return groups[g]
    }

    /// The index of `c` in the sorted `keys`, or nil.
    @inline(__always) private static func index(_ keys: [UInt32], _ c: UInt32) -> Int? {
        var lo = 0, hi = keys.count
        while lo < hi { let mid = (lo + hi) / 2; if keys[mid] < c { lo = mid + 1 } else { hi = mid } }
        return lo < keys.count && keys[lo] == c ? lo : nil
    }
}
