/// Bounds on what one document may produce, so that memory stays bounded for any accepted input.
public enum DocumentLimits {
    /// Entities each tagging stage (dictionary entities, amounts) keeps per document: the first
    /// ones by position. A stage that reaches it adds an `entity-limit` finding. Real documents
    /// are far below it (the corpus's largest post has a few hundred); a 3 MB text of `1元，`
    /// has 449,389 amounts, and each entity costs about a kilobyte between the stages.
    public static let maxEntities = 100_000
}
