/// The word lists of `rule:place-head` (`PlaceHeadRule`), read from the `place-head` file
/// (`Dictionaries/place-heads.tsv`), one class per list:
///
/// - `head`: the head words that end a place name (鎮, 村, 山, 海峽, 車站, 路), tried longest first;
/// - `stop`: characters that never stand in such a name (這, 的, 座, 經 …);
/// - `given-head`: heads that are also common given-name characters (山 江 河 …);
/// - `stand-after`: what follows 站 when it is the verb "to stand"; `strait-after`: what follows
///   海峽 when it stands for the Strait's two sides (海峽兩岸);
/// - `first-only`: position words that may only start a name (上 下 中 …);
/// - `generic`: names that are generic modifiers (國際, 森林, 農);
/// - `head-word`: common words that a name's last character makes with the head (網路, 高峰);
/// - `left-word`: words that end right before a place name (位於, 前往, 包括);
/// - `closed-head`: heads (also listed as `head`) that end a name only before punctuation, a
///   function word or a position (京滬鐵路, 京滬鐵路上; not 大同鐵路|法院, 聯邦鐵路|局).
///
/// Words are compared with the folded text as written in the file (no fold is applied: the file
/// lists both scripts where they differ). Built once with the lexicon; a class, so that a rule
/// reading `doc.lexicon.placeHeads` retains one reference, not every table.
package final class PlaceHeads: Sendable {
    /// Classes of one character a row.
    static let charClasses: Set<String> = ["stop", "given-head", "stand-after", "strait-after", "first-only"]
    /// Every class the file may use, with the number of Han characters a word of it may have.
    static let lengths: [String: ClosedRange<Int>] = {
        var out: [String: ClosedRange<Int>] = ["head": 1...3, "closed-head": 1...3, "generic": 1...4, "head-word": 2...4, "left-word": 1...4]
        for c in charClasses { out[c] = 1...1 }
        return out
    }()

    /// Longest first, so that 車站 is tried before 站 (file order among heads of one length).
    let heads: [[UInt32]]
    let headStarts: ScalarSet
    /// `heads` by first character, longest first within each (`PlaceHeadRule` compares only the
    /// heads that start with the character at hand).
    let headsByFirst: KeyedWords
    let stop: ScalarSet
    let givenHeads: ScalarSet
    let standAfter: ScalarSet
    let straitAfter: ScalarSet
    let firstOnly: ScalarSet
    let generic: WordSet
    let headWords: WordSet
    let leftWords: WordSet
    let closedHeads: Set<[UInt32]>

    init(entries: [DictionaryEntry], kinds: [DictionaryKind]) {
        var words: [String: [String]] = [:]
        for i in entries.indices where kinds[i] == .placeHead {
            words[entries[i].entryClass ?? "", default: []].append(entries[i].canonical)
        }
        func scalars(_ w: String) -> [UInt32] { w.unicodeScalars.map(\.value) }
        func chars(_ c: String) -> ScalarSet { ScalarSet((words[c] ?? []).flatMap(scalars)) }
        let heads = (words["head"] ?? []).map(scalars).enumerated()
            .sorted { a, b in a.element.count != b.element.count ? a.element.count > b.element.count : a.offset < b.offset }
            .map(\.element)
        self.heads = heads
        headStarts = ScalarSet(heads.map { $0[0] })
        headsByFirst = .byFirst(heads)
        stop = chars("stop")
        givenHeads = chars("given-head")
        standAfter = chars("stand-after")
        straitAfter = chars("strait-after")
        firstOnly = chars("first-only")
        generic = WordSet(words["generic"] ?? [])
        headWords = WordSet(words["head-word"] ?? [])
        leftWords = WordSet(words["left-word"] ?? [])
        closedHeads = Set((words["closed-head"] ?? []).map(scalars))
    }

    /// `wenxi dict check` rules (`WordTableCheck`): a known class; a word is Han characters, as many as its class
    /// allows (one for the character classes, 1–3 for a head); no word twice in one class.
    static func problems(_ entries: [DictionaryEntry]) -> [DictionaryProblem] {
        WordTableCheck.problems(entries, kind: .placeHead, lengths: lengths)
    }
}
