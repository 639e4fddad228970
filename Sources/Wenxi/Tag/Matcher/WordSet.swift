/// A set of short words asked about a span of the folded text (`contains(f, start, end)`) without
/// building a String. A `Set<String>` asked with `doc.foldedString(start, end)` paid for the String
/// and then for Unicode's canonical equivalence: Swift hashes and compares a non-ASCII String
/// through its normal form, about 2,300 instructions a look-up on a CJK word. Here the words whose
/// characters Unicode never composes, decomposes or reorders (`isInert`: ASCII, the middle dot,
/// 、。〃, CJK unified ideographs, full-width ASCII) are grouped by first character and compared
/// scalar by scalar, which for such words is what String equality means. A span with any other
/// character (a CJK compatibility ideograph such as U+FA5B, which equals the character it stands
/// for) and the listed words with one are still compared as Strings, so the answer is always
/// `Set<String>.contains`'s.
package struct WordSet: Sendable {
    /// The words as Strings, as listed.
    package let strings: Set<String>
    /// The words of `isInert` characters, one to six of them and none U+0000, packed
    /// (`PackedKey`): a span of such characters is one probe, where the groups were a binary
    /// search and a walk of the group's words (about 240 instructions a look-up).
    private let short: PackedKeyTable
    /// The other words of `isInert` characters (longer, or holding U+0000), by first character.
    private let inertWords: KeyedWords
    /// The words with a character outside `isInert`, compared as Strings.
    private let others: Set<String>

    package init<S: Sequence>(_ words: S) where S.Element == String {
        strings = Set(words)
        var inert: [[UInt32]] = []
        var short: [PackedKey] = []
        var others: Set<String> = []
        for w in strings {
            let scalars = w.unicodeScalars.map(\.value)
            if !scalars.isEmpty && scalars.allSatisfy(Self.isInert) {
                if scalars.count <= PackedKey.maxLength && !scalars.contains(0) { short.append(PackedKey(scalars)) } else { inert.append(scalars) }
            } else {
                others.insert(w)
            }
        }
        self.short = PackedKeyTable(short)
        inertWords = .byFirst(inert)
        self.others = others
    }

    package var isEmpty: Bool { strings.isEmpty }
    package var count: Int { strings.count }

    package func contains(_ word: String) -> Bool { strings.contains(word) }

    /// Whether `f[start..<end]` is one of the words (as `strings.contains` of its String).
    package func contains(_ f: [UInt32], _ start: Int, _ end: Int) -> Bool {
        guard end > start else { return strings.contains("") }
        for k in start..<end where !Self.isInert(f[k]) { return strings.contains(Self.string(f, start, end)) }
        let n = end - start
        // A span of one to six characters and no U+0000 can be only a word of `short`.
        if n <= PackedKey.maxLength, let found = f.withUnsafeBufferPointer({ fp -> Bool? in
            for k in start..<end where fp[k] == 0 { return nil }
            return short.contains(PackedKey(fp, start, end))
        }) {
            return found || (!others.isEmpty && others.contains(Self.string(f, start, end)))
        }
        for w in inertWords.words(keyed: f[start]) where w.count == n {
            var k = 1
            while k < n && w[k] == f[start + k] { k += 1 }
            if k == n { return true }
        }
        return !others.isEmpty && others.contains(Self.string(f, start, end))
    }

    /// Characters with no canonical decomposition, combining class 0 and no canonical
    /// composition with a character before them: a String of them is its own normal form, so two
    /// such Strings are equal exactly when their scalars are.
    @inline(__always) static func isInert(_ c: UInt32) -> Bool {
        c < 0x80 || (0x4E00...0x9FFF).contains(c) || (0x3400...0x4DBF).contains(c) || c == 0xB7
            || (0x3001...0x3003).contains(c) || (0xFF01...0xFF5E).contains(c) || (0x20000...0x2A6DF).contains(c)
    }

    private static func string(_ f: [UInt32], _ start: Int, _ end: Int) -> String {
        String(scalars: f[start..<end].lazy.map { Unicode.Scalar($0)! })
    }
}
