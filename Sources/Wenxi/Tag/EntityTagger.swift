/// Dictionary-based tagger of people, agencies, organizations and places. Built once per process
/// (dictionaries + automaton) and shared read-only by all workers.
public final class EntityTagger: Sendable {
    /// Loads the default dictionaries plus `extra` user dictionary files (later files override).
    public init(extraDictionaries extra: [String] = []) throws {}

    /// Named entities of one document, sorted by start. `sentence` is filled in by the caller.
    public func tag(_ context: TaggingContext) -> [Entity] { [] }
}

/// Re-cuts tokens so that no token crosses an entity edge and no entity spans several tokens.
public enum TokenAligner {
    public static func align(_ tokens: [Token], to entities: [Entity], text: TextBuffer) -> [Token] { tokens }
}

/// Per-type summaries of named entities (distinct canonicals, mentions, forms, first sentence).
public enum EntitySummarizer {
    public static func summarize(_ entities: [Entity]) -> [String: [EntitySummary]] { [:] }
}
