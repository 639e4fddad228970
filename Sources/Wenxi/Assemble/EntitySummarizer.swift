import Foundation

/// Per-type summaries of named entities: for each type, the distinct entities (by id, else by
/// canonical name, else by surface form) in order of first occurrence, with their mention count,
/// surface forms (in order of first occurrence) and first sentence.
package enum EntitySummarizer {
    /// Distinct canonicals per type in order of first occurrence, the headline's (`title`)
    /// before the body's. `first_sentence` is the first body sentence naming it (absent when only
    /// the headline does); `in_title` marks those the headline names.
    package static func summarize(_ entities: [Entity], title: [Entity] = []) -> [String: [EntitySummary]] {
        var builder = Builder(capacity: entities.count + title.count)
        // In order of start, then end (ties as given); the merged lists already are.
        title.withUnsafeBufferPointer { list in
            for i in order(list) { builder.add(list.baseAddress! + i, inTitle: true) }
        }
        entities.withUnsafeBufferPointer { list in
            for i in order(list) { builder.add(list.baseAddress! + i, inTitle: false) }
        }
        var out: [String: [EntitySummary]] = [:]
        for (kind, list) in builder.lists.enumerated() where !list.isEmpty { out[summaryKinds[kind]] = list }
        return out
    }

    /// The summaries so far. (A struct, not a nested function: variables a nested function
    /// captures are boxed, and every access to them checked for exclusivity at run time.)
    private struct Builder {
        /// One list per summarised kind (a handful): the kind's index stands for its name.
        var lists = [[EntitySummary]](repeating: [], count: summaryKinds.count)
        /// Where each distinct entity's summary is: its kind, and how it is told apart (id, else
        /// ambiguous surface, else name, with the jurisdiction) — kept apart rather than joined
        /// into one String key.
        var index: [Identity: Int] = [:]

        init(capacity: Int) { index.reserveCapacity(capacity) }

        /// Counts entity `e`, read in place (a copy of one retains a dozen strings).
        mutating func add(_ e: UnsafePointer<Entity>, inTitle: Bool) {
            // Staff of a byline or credit line are listed apart from the people the news is about.
            let kind = EntitySummarizer.kind(e.pointee.type, staff: e.pointee.role == .staff)
            guard kind >= 0 else { return }
            let id = e.pointee.id
            let ambiguous = id == nil && e.pointee.ambiguous == true
            let identity = Identity(kind: kind, id: id, ambiguous: ambiguous,
                                    name: NameKey(id != nil ? "" : (ambiguous ? e.pointee.text : e.pointee.canonical ?? e.pointee.text)),
                                    jurisdiction: id != nil ? nil : e.pointee.jurisdiction)
            if let i = index[identity] {
                lists[kind][i].mentions += 1
                let text = e.pointee.text
                if !lists[kind][i].forms.contains(where: { NameKey.equal($0, text) }) { lists[kind][i].forms.append(text) }
                if !inTitle && lists[kind][i].firstSentence == nil { lists[kind][i].firstSentence = e.pointee.sentence }
            } else {
                index[identity] = lists[kind].count
                var summary = EntitySummary(canonical: e.pointee.canonical ?? e.pointee.text, id: id, mentions: 1,
                                            forms: [e.pointee.text], firstSentence: inTitle ? nil : e.pointee.sentence)
                summary.inTitle = inTitle ? true : nil
                summary.jurisdiction = e.pointee.jurisdiction
                lists[kind].append(summary)
            }
        }
    }

    /// Index into `summaryKinds` of an entity of `type` (`staff`: a person of a byline or credit
    /// line); -1 for types not summarised.
    static func kind(_ type: EntityType, staff: Bool) -> Int {
        switch type {
        case .agency: 0
        case .organization: 1
        case .person: staff ? 4 : 2
        case .place: 3
        case .money, .quantity, .percent, .date: -1
        }
    }

    /// Indexes of `list` by start, then end, then index: `0..<count` when already in that order.
    private static func order(_ list: UnsafeBufferPointer<Entity>) -> [Int] {
        var sorted = true
        for i in list.indices.dropFirst() where (list[i - 1].start, list[i - 1].end) > (list[i].start, list[i].end) {
            sorted = false
            break
        }
        if sorted { return Array(list.indices) }
        return list.indices.sorted { (list[$0].start, list[$0].end, $0) < (list[$1].start, list[$1].end, $1) }
    }

    /// The summary's keys: the entity kinds, and `staff` (persons with `role: "staff"`).
    static let summaryKinds = EntityType.named.map(\.rawValue) + ["staff"]
    private struct Identity: Hashable {
        var kind: Int
        var id: String?
        var ambiguous: Bool
        var name: NameKey
        var jurisdiction: String?
    }

    /// A name compared as `String` compares (canonical equivalence), hashed by its UTF-8 bytes
    /// when it is already NFC — String's own hash walks every non-ASCII text through NFC — and
    /// by its NFC form's bytes otherwise, so that equal names hash alike either way.
    struct NameKey: Hashable {
        let string: String
        init(_ string: String) { self.string = string }

        static func == (a: NameKey, b: NameKey) -> Bool { equal(a.string, b.string) }

        /// `a == b`, answered from the bytes when both are NFC.
        static func equal(_ a: String, _ b: String) -> Bool {
            var a = a, b = b
            let decided: Bool? = a.withUTF8 { x in
                b.withUTF8 { y in
                    if x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) { return true }
                    return isNFC(x) && isNFC(y) ? false : nil
                }
            }
            return decided ?? (a == b)
        }

        func hash(into hasher: inout Hasher) {
            var s = string
            let hashed = s.withUTF8 { u -> Bool in
                guard Self.isNFC(u) else { return false }
                hasher.combine(bytes: UnsafeRawBufferPointer(u))
                return true
            }
            if !hashed {
                var nfc = string.precomposedStringWithCanonicalMapping
                nfc.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
        }

        /// True when the text is surely NFC: scalars below U+0300 (none combines with another
        /// of them) and those NFC leaves alone whatever surrounds them.
        static func isNFC(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while i < u.count {
                if u[i] < 0x80 { i += 1; continue }
                let (v, length) = UTF8Text.decode(u, at: i, end: u.count)
                if v >= 0x300 && !TextNormalizer.isNFCStable(v) { return false }
                i += length
            }
            return true
        }
    }
}
