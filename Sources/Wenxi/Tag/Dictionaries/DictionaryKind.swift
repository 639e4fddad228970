/// What a dictionary file holds (its `# kind:` header), parsed once when the file is read: a
/// named-entity type, or one of the rule-data kinds the rules and the name model read.
package enum DictionaryKind: String, Codable, Sendable, CaseIterable {
    case agency
    case organization
    case person
    case place
    /// Surnames for the person rules (`surnames.tsv`).
    case surname
    /// Name cues: titles, verbs, credit and dateline templates (`person-cues.tsv`).
    case personCue = "person-cue"
    /// The older spelling of `person-cue`.
    case cue
    /// Words that say what an amount of money is (`money-cues.tsv`).
    case moneyCue = "money-cue"
    /// Generic body names no entry holds (衛生部) and collective ones.
    case genericBody = "generic-body"
    /// Words that name a state (美方, 陸方) and state prefixes.
    case stateWord = "state-word"
    /// Heads of organization names (`org-heads.tsv`).
    case orgHead = "org-head"
    /// Taiwan's villages (里, 村) with their township (`tw-villages.tsv`, `rule:village`).
    case village
    // The name model's tables (`name-*.tsv`, `NameModel`).
    case nameSurname = "name-surname"
    case nameChar = "name-char"
    case nameTranslit = "name-translit"
    case nameJapanese = "name-japanese"
    case nameBlocker = "name-blocker"
    case nameSimplified = "name-simplified"
    case nameContext = "name-context"
    /// Names of historical and well-known people (`name-known.tsv`, `KnownNames`).
    case nameKnown = "name-known"
    /// Given names in Latin letters (`name-latin-given.tsv`): evidence for Latin-letter names.
    case nameLatinGiven = "name-latin-given"
    /// Words that make a surname-led string no name: terms of address, days of the week
    /// (`not-names.tsv`, `NotNames`).
    case notName = "not-name"
    /// Head words of place names and the words around them (`place-heads.tsv`, `PlaceHeads`).
    case placeHead = "place-head"
    /// Words before or after a name in biographical writing (`encyclopedic-context.tsv`,
    /// `EncyclopedicContext`).
    case encyclopedicContext = "encyclopedic-context"
    /// Words around a name that make it a place (`context-frames.tsv`, `ContextFrames`).
    case contextFrame = "context-frame"

    /// The entity type of a named-entity kind; nil for rule data.
    package var entityType: EntityType? {
        switch self {
        case .agency: return .agency
        case .organization: return .organization
        case .person: return .person
        case .place: return .place
        default: return nil
        }
    }

    /// The dictionary kind of a named-entity type (nil for money, dates and other rule findings).
    package init?(_ type: EntityType) {
        switch type {
        case .agency: self = .agency
        case .organization: self = .organization
        case .person: self = .person
        case .place: self = .place
        case .money, .quantity, .percent, .date: return nil
        }
    }

    /// The kind's rank when one surface form names entries of several kinds (lower wins): the
    /// named-entity kinds in `EntityType.named` order (0 agency … 3 place), then all rule data (4).
    /// The one place the lexicon's per-entry kind codes come from.
    package var priority: UInt8 {
        switch self {
        case .agency: return 0
        case .organization: return 1
        case .person: return 2
        case .place: return 3
        default: return 4
        }
    }

    /// True for the name model's tables (`name-*`).
    package var isNameModel: Bool {
        switch self {
        case .nameSurname, .nameChar, .nameTranslit, .nameJapanese, .nameBlocker, .nameSimplified, .nameContext, .nameLatinGiven: return true
        default: return false
        }
    }

    /// The known kinds as `unknown kind` messages list them: the named-entity kinds in priority
    /// order, then the rule-data kinds sorted.
    static let listing: String = (EntityType.named.map(\.rawValue)
        + allCases.filter { $0.entityType == nil }.map(\.rawValue).sorted()).joined(separator: ", ")
}
