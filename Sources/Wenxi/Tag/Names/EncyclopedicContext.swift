import Foundation

/// Context that encyclopedic and biographical writing puts around a person's name, where news
/// would put a title or a reporting verb (`person-cues.tsv`): kinship (之子, 其妻, 女兒), offices
/// of history and of the arts (皇帝, 太守, 大將, 詩人, 演員), and what a life does (生於, 即位,
/// 病逝, 飾演). Evidence for `NameFinder.context`, weighted `Weights.encyclopedic`: it raises a
/// candidate the character tables already make likely, it never makes a name alone.
/// The words are `Dictionaries/encyclopedic-context.tsv` (kind `encyclopedic-context`, class
/// `before` or `after`), written from the conventions of biographical writing (Wikipedia-style
/// lead sentences, histories), not from any answer key; built once with the lexicon. A class, so
/// that reading `doc.lexicon.encyclopedic` at a candidate retains one reference, not the tables.
package final class EncyclopedicContext: Sendable {
    /// Every class the file may use.
    static let classes: Set<String> = ["before", "after"]
    /// The number of Han characters a word may have.
    static let wordLengths = 2...4

    /// Words right before a name (the name ends the phrase: 之子韓信, 大將韓信, 詩人杜甫).
    let before: [[UInt32]]
    /// Words right after a name (韓信之子, 杜甫生於, 孫策病逝, 劉德華飾演).
    let after: [[UInt32]]
    let beforeLast: ScalarSet
    let afterFirst: ScalarSet
    /// The words of `before` by their last character and those of `after` by their first, so
    /// that a candidate compares only the few words its neighbour can end or start (the whole
    /// list was compared at each of the name model's candidates whose neighbour passed the set test).
    let beforeByLast: KeyedWords
    let afterByFirst: KeyedWords
    static let digits = ScalarSet("0123456789０１２３４５６７８９")

    init(entries: [DictionaryEntry], kinds: [DictionaryKind]) {
        var before: [[UInt32]] = [], after: [[UInt32]] = []
        for i in entries.indices where kinds[i] == .encyclopedicContext {
            let v = entries[i].canonical.unicodeScalars.map(\.value)
            guard !v.isEmpty else { continue }
            switch entries[i].entryClass {
            case "before": before.append(v)
            case "after": after.append(v)
            default: break
            }
        }
        self.before = before
        self.after = after
        beforeLast = ScalarSet(before.map { $0[$0.count - 1] })
        afterFirst = ScalarSet(after.map { $0[0] })
        beforeByLast = .byLast(before)
        afterByFirst = .byFirst(after)
    }

    /// Whether encyclopedic context stands around the name `start..<end` of the folded text `f`:
    /// a word of `before` ending at `start`, a word of `after` starting at `end`, or a parenthesis
    /// opening on a year right after the name (孫中山（1866年－1925年）, the lead of a biography).
    /// Never before a middle dot: the name goes on past it (演員湯姆·漢克斯 gives 湯姆 no evidence).
    /// `before: false` leaves out the words before the name (where a title of `person-cues.tsv`
    /// already stands there and is counted as such: 演員 is both).
    func cue(_ f: [UInt32], _ start: Int, _ end: Int, before useBefore: Bool = true) -> Bool {
        cue(f, end, before: useBefore && endsBefore(f, start))
    }

    /// False when `cue(f, end, before: before)` is false, told without the call: no word before
    /// the name, and after it no character that starts a word of `after` nor a parenthesis.
    @inline(__always) func mayCue(_ f: [UInt32], _ end: Int, before: Bool) -> Bool {
        before || (end < f.count && (afterFirst.contains(f[end]) || f[end] == 0xFF08 || f[end] == 0x28))
    }

    /// False when `endsBefore(f, start)` is false, told without the call: the character before
    /// `start` ends no word of `before`.
    @inline(__always) func mayEndBefore(_ f: [UInt32], _ start: Int) -> Bool {
        start > 0 && beforeLast.contains(f[start - 1])
    }

    /// Whether a word of `before` ends at `start` (the part of `cue` that reads only the start).
    func endsBefore(_ f: [UInt32], _ start: Int) -> Bool {
        start > 0 && beforeLast.contains(f[start - 1])
            && beforeByLast.words(keyed: f[start - 1]).contains(where: { w in start >= w.count && PlacePrefixRules.has(f, start - w.count, w) })
    }

    /// `cue` for a name ending at `end`, given whether it counts a word before the name
    /// (`endsBefore`, for a start whose candidates share it).
    func cue(_ f: [UInt32], _ end: Int, before: Bool) -> Bool {
        if end < f.count && f[end] == 0xB7 { return false }
        if before { return true }
        guard end < f.count else { return false }
        if afterFirst.contains(f[end]) && afterByFirst.words(keyed: f[end]).contains(where: { PlacePrefixRules.has(f, end, $0) }) { return true }
        return (f[end] == 0xFF08 || f[end] == 0x28) && end + 1 < f.count && Self.digits.contains(f[end + 1])
    }

    /// `wenxi dict check` rules (`WordTableCheck`): class `before` or `after`; a word is 2–4 Han
    /// characters; no word twice in one class.
    static func problems(_ entries: [DictionaryEntry]) -> [DictionaryProblem] {
        WordTableCheck.problems(entries, kind: .encyclopedicContext,
                                lengths: Dictionary(uniqueKeysWithValues: classes.map { ($0, wordLengths) }))
    }
}
