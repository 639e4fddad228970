/// Per-type summaries of named entities: for each type, the distinct entities (by id, else by
/// canonical name, else by surface form) in order of first occurrence, with their mention count,
/// surface forms (in order of first occurrence) and first sentence.
package enum EntitySummarizer {
    /// Distinct canonicals per type in order of first occurrence, the headline's (`title`)
    /// before the body's. `first_sentence` is the first body sentence naming it (absent when only
    /// the headline does); `in_title` marks those the headline names.
    package static func summarize(_ entities: [Entity], title: [Entity] = []) -> [String: [EntitySummary]] {
        // One list per summarised kind (a handful): the kind's index stands for its name.
        var lists = [[EntitySummary]](repeating: [], count: summaryKinds.count)
        // Where each distinct entity's summary is: its kind, and how it is told apart (id, else
        // ambiguous surface, else name) — kept apart rather than joined into one String key.
        var index: [Identity: Int] = [:]
        func add(_ e: Entity, inTitle: Bool) {
            // Staff of a byline or credit line are listed apart from the people the news is about.
            let type = e.type == .person && e.role == .staff ? "staff" : e.type.rawValue
            guard let kind = summaryKinds.firstIndex(of: type) else { return }
            let ambiguous = e.id == nil && e.ambiguous == true
            let identity = Identity(kind: kind, id: e.id, ambiguous: ambiguous,
                                    name: e.id != nil ? "" : (ambiguous ? e.text : e.canonical ?? e.text) + (e.jurisdiction.map { "\u{1F}" + $0 } ?? ""))
            if let i = index[identity] {
                lists[kind][i].mentions += 1
                if !lists[kind][i].forms.contains(e.text) { lists[kind][i].forms.append(e.text) }
                if !inTitle && lists[kind][i].firstSentence == nil { lists[kind][i].firstSentence = e.sentence }
            } else {
                index[identity] = lists[kind].count
                var summary = EntitySummary(canonical: e.canonical ?? e.text, id: e.id, mentions: 1, forms: [e.text],
                                            firstSentence: inTitle ? nil : e.sentence)
                summary.inTitle = inTitle ? true : nil
                summary.jurisdiction = e.jurisdiction
                lists[kind].append(summary)
            }
        }
        // In order of start, then end (ties as given); indexes are sorted, not the entities.
        for i in title.indices.sorted(by: { (title[$0].start, title[$0].end, $0) < (title[$1].start, title[$1].end, $1) }) {
            add(title[i], inTitle: true)
        }
        for i in entities.indices.sorted(by: { (entities[$0].start, entities[$0].end, $0) < (entities[$1].start, entities[$1].end, $1) }) {
            add(entities[i], inTitle: false)
        }
        var out: [String: [EntitySummary]] = [:]
        for (kind, list) in lists.enumerated() where !list.isEmpty { out[summaryKinds[kind]] = list }
        return out
    }

    /// The summary's keys: the entity kinds, and `staff` (persons with `role: "staff"`).
    static let summaryKinds = EntityType.named.map(\.rawValue) + ["staff"]

    private struct Identity: Hashable {
        var kind: Int
        var id: String?
        var ambiguous: Bool
        var name: String
    }
}
