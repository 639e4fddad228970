import Foundation

/// The word lists of `rule:place-context` (`ContextTypeRule`): `Dictionaries/context-frames.tsv`
/// (kind `context-frame`), written from Chinese usage (verbs of flight, conquest, travel and
/// residence; parts of an area; generic place words), not from any answer key; built once with
/// the lexicon. Moved out of the rule's code in the fifteenth session unchanged, so that a person
/// can review what makes a name a place. A class, so that reading `doc.lexicon.contextFrames`
/// retains one reference, not the tables.
package final class ContextFrames: Sendable {
    /// Every class the file may use, with the number of Han characters a word of it may have.
    static let lengths: [String: ClosedRange<Int>] = [
        "place-verb": 2...3, "object-verb": 2...3, "word-verb": 2...3, "generic-place": 2...2, "area-after": 2...3,
        "place-final": 1...1,
    ]

    /// Verbs whose object is a place (`place-verb`).
    let placeVerbs: [[UInt32]]
    let verbsByLast: KeyedWords
    /// The last characters of `placeVerbs`: where a scan for a verb stops.
    let verbLast: ScalarSet
    /// The verbs of `placeVerbs` whose object is hardly a common noun nor a person (`object-verb`).
    let objectVerbsByLast: KeyedWords
    /// Verbs of flight and removal: after them an ICU word is taken too (`word-verb`).
    let wordVerbsByLast: KeyedWords
    /// Words for a place that name none (`generic-place`).
    let genericPlaces: WordSet
    /// Parts of an area right after a name (`area-after`), by their first character.
    let areaByFirst: KeyedWords
    /// Last characters of Chinese village and street names that given names hardly end in
    /// (`place-final`: 渡 圍 尾 井 …): a three-character name of the name model ending in one is a place.
    let placeFinal: ScalarSet

    init(entries: [DictionaryEntry], kinds: [DictionaryKind]) {
        var lists: [String: [[UInt32]]] = [:]
        var generic: [String] = []
        for i in entries.indices where kinds[i] == .contextFrame {
            let c = entries[i].entryClass ?? ""
            let v = entries[i].canonical.unicodeScalars.map(\.value)
            guard !v.isEmpty else { continue }
            if c == "generic-place" { generic.append(entries[i].canonical) } else { lists[c, default: []].append(v) }
        }
        placeVerbs = lists["place-verb"] ?? []
        verbsByLast = .byLast(placeVerbs)
        verbLast = ScalarSet(placeVerbs.map { $0[$0.count - 1] })
        objectVerbsByLast = .byLast(lists["object-verb"] ?? [])
        wordVerbsByLast = .byLast(lists["word-verb"] ?? [])
        genericPlaces = WordSet(generic)
        areaByFirst = .byFirst(lists["area-after"] ?? [])
        placeFinal = ScalarSet((lists["place-final"] ?? []).map { $0[0] })
    }

    /// `wenxi dict check` rules (`WordTableCheck`): a known class; a word of as many Han
    /// characters as its class allows; no word twice in one class.
    static func problems(_ entries: [DictionaryEntry]) -> [DictionaryProblem] {
        WordTableCheck.problems(entries, kind: .contextFrame, lengths: lengths)
    }
}
