/// What an entity is: the closed set of `Entity.type` values, written in reports as the raw value.
public enum EntityType: String, Codable, Sendable, CaseIterable {
    case person
    case agency
    case organization
    case place
    case money
    case quantity
    case percent
    case date

    /// The named-entity types a dictionary can hold, in priority order: when one surface form
    /// belongs to entries of several types, the earliest here wins (`agency` over `organization`
    /// over `person` over `place`).
    public static let named: [EntityType] = [.agency, .organization, .person, .place]

    /// True for the types a dictionary can hold and `Holder.type` may take.
    public var isNamed: Bool {
        switch self {
        case .agency, .organization, .person, .place: return true
        case .money, .quantity, .percent, .date: return false
        }
    }
}

/// What decided an agency's `Entity.jurisdiction`, written in reports as the raw value (README,
/// "Jurisdiction", lists the steps in the order they are tried).
public enum JurisdictionSource: String, Codable, Sendable, CaseIterable {
    case name
    case prefix
    case backReference = "back-reference"
    case context
    case dateline
    case title
    case document
    case script
}
