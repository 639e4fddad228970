/// A tagged span of the body text. Fields beyond `type`, `text`, `start`, `end`, `sentence` and
/// `source` depend on the type and are omitted when they do not apply.
public struct Entity: Codable, Sendable, Equatable {
    /// `person`, `agency`, `organization`, `place`, `money`, `quantity`, `percent` or `date`.
    public var type: EntityType
    /// The surface form, exactly `text[start..<end]` of the body.
    public var text: String
    /// Scalar offset of its first character in the text it was found in.
    public var start: Int
    /// Scalar offset just past its last character.
    public var end: Int
    /// Index into `sentences` of the sentence holding `start`.
    public var sentence: Int
    /// Where it came from: `Dictionaries/agencies.tsv:12`, or `rule:NAME` for a rule.
    public var source: String

    // Named entities (person, agency, organization, place).
    /// The full official name the surface form stands for.
    public var canonical: String?
    /// Stable id of the canonical entry (e.g. `agency:tw.tycg`).
    public var id: String?
    /// The canonical name of the parent body, where known.
    public var parent: String?
    /// `central`, `municipal`, `county`, `foreign`, … for agencies.
    public var level: String?
    /// True when context could not decide between several canonicals; `candidates` lists them.
    public var ambiguous: Bool?
    /// The canonicals context could not choose between (with `ambiguous`).
    public var candidates: [String]?
    /// For agencies: the ISO 3166-1 alpha-2 code of the state or territory whose government the
    /// body belongs to (`TW`, `CN`, `US` …), or `intl` for intergovernmental bodies.
    public var jurisdiction: String?
    /// What decided `jurisdiction`: `name`, `prefix`, `back-reference`, `context`, `dateline`,
    /// `title`, `document`, `script` (see README, "Jurisdiction").
    public var jurisdictionSource: JurisdictionSource?

    // Numbers (money, quantity, percent).
    /// Exact value: a JSON integer when whole, a decimal string otherwise.
    public var value: ExactNumber?
    /// ISO 4217 code for money.
    public var currency: String?
    /// Unit for quantities (`hectare`, `person`, `point`, …).
    public var unit: String?
    /// `over`, `under`, `about`, `from`, `at-least`, `up-to`.
    public var qualifier: String?
    /// Upper end of a range.
    public var rangeTo: ExactNumber?
    /// True when the currency was not written but inferred from context.
    public var inferred: Bool?

    // Money (and `role: "staff"` on persons).
    /// What the amount is (`budget`, `subsidy`, `fine`, … see README "Money roles and holders");
    /// for persons, `staff` marks bylines and credit lines.
    public var role: EntityRole?
    /// The named body or person the amount belongs to: one of the report's entity mentions.
    public var holder: Holder?
    /// For a conversion (（約新台幣…元）, 約合…): the offsets of the amount it converts. Such an
    /// amount is not added again in totals.
    public var equivalentOf: Span?

    // Dates.
    /// ISO 8601 date, possibly partial (`2024`, `2024-09`, `2024-09-19`).
    public var date: String?

    /// An entity with only the fields every type has.
    package init(type: EntityType, text: String, start: Int, end: Int, sentence: Int = 0, source: String) {
        self.type = type
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case type, text, start, end, sentence, source, canonical, id, parent, level, ambiguous,
             candidates, jurisdiction, value, currency, unit, qualifier, inferred, date, role, holder
        case jurisdictionSource = "jurisdiction_source"
        case rangeTo = "range_to"
        case equivalentOf = "equivalent_of"
    }
}

/// The entity mention a money amount belongs to (`Entity.holder`): its text, offsets, type and,
/// when the dictionaries know it, its canonical name and id.
public struct Holder: Codable, Sendable, Equatable {
    /// The mention as written.
    public var text: String
    /// Scalar offset of the mention in the report's `text`.
    public var start: Int
    /// Scalar offset just past the mention.
    public var end: Int
    /// `agency`, `organization`, `person` or `place`.
    public var type: EntityType
    /// The dictionary's canonical name, when the mention is a dictionary entry.
    public var canonical: String?
    /// The dictionary entry's id.
    public var id: String?

    /// A holder as the fields name it.
    package init(text: String, start: Int, end: Int, type: EntityType, canonical: String?, id: String?) {
        self.text = text
        self.start = start
        self.end = end
        self.type = type
        self.canonical = canonical
        self.id = id
    }

    /// The mention `e` as a holder.
    package init(_ e: Entity) {
        self.init(text: e.text, start: e.start, end: e.end, type: e.type, canonical: e.canonical, id: e.id)
    }

    /// The key summaries group by: the canonical name, else the text.
    public var key: String { canonical ?? text }
}
