/// What the numbers stage finds in one document.
public struct AmountResult: Sendable {
    /// money, quantity, percent and date entities, sorted by start.
    public var entities: [Entity] = []
    public var byline: Byline?
    public var credits: Credits?
    public init() {}
}

/// Money, quantities, percentages, dates, the CNA dateline and credit lines.
public enum AmountTagger {
    /// `named` are the entity tagger's results (people, places…), for the dateline and credits.
    public static func tag(_ context: TaggingContext, named: [Entity]) -> AmountResult { AmountResult() }

    /// Fills the money totals, largest amounts and dates of the summary.
    public static func summarize(_ entities: [Entity], sentences: [Sentence], into summary: inout Summary) {}
}
