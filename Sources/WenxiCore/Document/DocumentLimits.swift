/// Bounds on what one document may produce, so that memory stays bounded for any accepted input.
package enum DocumentLimits {
    /// Entities each tagging stage (dictionary entities, amounts) keeps per document: the first
    /// ones by position. A stage that reaches it adds an `entity-limit` finding. Real documents
    /// are far below it (the corpus's largest of 7,327 posts has 2,566 entities); a 3 MB text of
    /// `1元，` has 449,389 amounts, and each entity costs a few kilobytes between the stages:
    /// at 100,000 such a text took 313 MB once money roles and holders were added, at 50,000 245 MB.
    package static let maxEntities = 50_000
}
