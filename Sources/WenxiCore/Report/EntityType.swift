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
    package static let named: [EntityType] = [.agency, .organization, .person, .place]

    /// True for the types a dictionary can hold and `Holder.type` may take.
    package var isNamed: Bool {
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

/// What an entity is for (`Entity.role`): what an amount of money is (README, "Money roles and
/// holders"), or `staff` for a person of a byline or credit line. Written as the raw value.
public enum EntityRole: String, Codable, Sendable, CaseIterable {
    case budget, subsidy, fine, compensation, price, revenue, profit, loss, investment
    case marketValue = "market_value"
    case donation, salary, cost, assets, debt
    /// A money amount no cue names.
    case other
    /// A person of a byline or credit line.
    case staff

    /// The roles an amount of money can have, in the order messages list them.
    package static let money: [EntityRole] = allCases.filter { $0 != .staff }
}
