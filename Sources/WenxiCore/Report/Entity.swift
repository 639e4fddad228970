/// A tagged span of the body text. Fields beyond `type`, `text`, `start`, `end`, `sentence` and
/// `source` depend on the type and are omitted when they do not apply.
public struct Entity: Codable, Sendable, Equatable {
    /// `person`, `agency`, `organization`, `place`, `money`, `quantity`, `percent` or `date`.
    public var type: EntityType
    /// The surface form, exactly `text[start..<end]` of the body.
    public var text: String {
        get {
            guard textFrom != Entity.ownText else { return textBase }
            return Entity.sliceString(textBase, Int(textFrom), Int(textTo))
        }
        set {
            textBase = newValue
            textFrom = Entity.ownText
            textTo = 0
        }
    }
    /// The text itself (`textFrom == ownText`), or (the pipeline's entities) the text it was cut
    /// from, with the UTF-8 offsets of the entity in it: the body is shared, not copied into a
    /// String per entity, and the JSON writer copies the bytes in place. (As `Sentence` keeps
    /// its text; the README's Benchmark part, "assemble, encode and amounts, third pass".)
    private var textBase: String
    private var textFrom: UInt32
    private var textTo: UInt32
    /// `textFrom` of an entity that keeps its own text.
    @inline(__always) private static var ownText: UInt32 { .max }

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

    /// The String of `base`'s UTF-8 bytes `from..<to` (cut at scalar starts).
    private static func sliceString(_ base: String, _ from: Int, _ to: Int) -> String {
        if let s = base.utf8.withContiguousStorageIfAvailable({ String(decoding: UnsafeBufferPointer(rebasing: $0[from..<to]), as: UTF8.self) }) {
            return s
        }
        let utf8 = base.utf8
        return String(base[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
    }

    /// `text` of the entity at `p`, its fields read in place (calling the getter on `p.pointee`
    /// copies the whole entity first, a dozen retains and releases).
    @inline(__always)
    package static func text(at p: UnsafePointer<Entity>) -> String {
        let from = p.pointee.textFrom
        guard from != ownText else { return p.pointee.textBase }
        return sliceString(p.pointee.textBase, Int(from), Int(p.pointee.textTo))
    }

    /// The String the text of the entity at `p` is read from and its UTF-8 range in it (nil:
    /// all of it), fields read in place. For other modules, where a generic `withTextUTF8` is
    /// not specialized (its unspecialized call cost ~290 instructions).
    package static func textBytes(at p: UnsafePointer<Entity>) -> (base: String, bytes: Range<Int>?) {
        let from = p.pointee.textFrom
        guard from != ownText else { return (p.pointee.textBase, nil) }
        return (p.pointee.textBase, Int(from)..<Int(p.pointee.textTo))
    }

    /// `withTextUTF8` of the entity at `p`, its fields read in place.
    @inline(__always)
    package static func withTextUTF8<R>(at p: UnsafePointer<Entity>, _ read: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let from = Int(p.pointee.textFrom), to = Int(p.pointee.textTo)
        if p.pointee.textFrom == ownText { return p.pointee.textBase.utf8.withContiguousStorageIfAvailable(read) }
        return p.pointee.textBase.utf8.withContiguousStorageIfAvailable { u in read(UnsafeBufferPointer(rebasing: u[from..<to])) }
    }

    /// An entity with only the fields every type has.
    package init(type: EntityType, text: String, start: Int, end: Int, sentence: Int = 0, source: String) {
        self.type = type
        self.textBase = text
        self.textFrom = Entity.ownText
        self.textTo = 0
        self.start = start
        self.end = end
        self.sentence = sentence
        self.source = source
    }

    /// The text as UTF-8 bytes `bytes` of `base` (a native String, cut at scalar starts), kept as
    /// a slice of it rather than copied.
    package mutating func setText(slicing base: String, bytes: Range<Int>) {
        guard bytes.upperBound < Int(Entity.ownText) else {
            let utf8 = base.utf8
            text = String(base[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)])
            return
        }
        textBase = base
        textFrom = UInt32(truncatingIfNeeded: bytes.lowerBound)
        textTo = UInt32(truncatingIfNeeded: bytes.upperBound)
    }

    /// A slice's text moved onto `body`, which holds the same bytes `minus` bytes earlier (the
    /// pipeline's text less its headline and newline); a text of its own stays as it is.
    @inline(__always)
    package mutating func rebaseText(onto body: String, minus: Int) {
        guard textFrom != Entity.ownText else { return }
        textBase = body
        textFrom &-= UInt32(truncatingIfNeeded: minus)
        textTo &-= UInt32(truncatingIfNeeded: minus)
    }

    /// The text made a String of its own (a headline's entity: its slice would keep the whole
    /// headline-and-body text alive with the report).
    package mutating func ownText() {
        if textFrom != Entity.ownText { text = text }
    }

    /// The text's UTF-8 bytes, read in place (from the text it was cut from, for a slice); nil
    /// when the String keeps no contiguous UTF-8.
    @inline(__always)
    package func withTextUTF8<R>(_ read: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        if textFrom == Entity.ownText { return textBase.utf8.withContiguousStorageIfAvailable(read) }
        let from = Int(textFrom), to = Int(textTo)
        return textBase.utf8.withContiguousStorageIfAvailable { u in read(UnsafeBufferPointer(rebasing: u[from..<to])) }
    }

    /// Sets the text of each of `entities` to its span (`start..<end`, scalar offsets) of
    /// `text`, as a slice of its String cut at the buffer's UTF-8 offsets (no String per entity).
    package static func sliceTexts(_ entities: inout [Entity], of text: TextBuffer) {
        guard !entities.isEmpty else { return }
        let string = text.string
        text.utf8Offsets.withUnsafeBufferPointer { offsets in
            entities.withUnsafeMutableBufferPointer { list in
                for i in list.indices {
                    list[i].setText(slicing: string, bytes: Int(offsets[list[i].start])..<Int(offsets[list[i].end]))
                }
            }
        }
    }

    public static func == (a: Entity, b: Entity) -> Bool {
        guard a.type == b.type, a.start == b.start, a.end == b.end, a.sentence == b.sentence, a.text == b.text,
              a.source == b.source else { return false }
        guard a.canonical == b.canonical, a.id == b.id, a.parent == b.parent, a.level == b.level,
              a.ambiguous == b.ambiguous, a.candidates == b.candidates, a.jurisdiction == b.jurisdiction,
              a.jurisdictionSource == b.jurisdictionSource else { return false }
        guard a.value == b.value, a.currency == b.currency, a.unit == b.unit, a.qualifier == b.qualifier,
              a.rangeTo == b.rangeTo, a.inferred == b.inferred else { return false }
        return a.role == b.role && a.holder == b.holder && a.equivalentOf == b.equivalentOf && a.date == b.date
    }

    enum CodingKeys: String, CodingKey {
        case type, text, start, end, sentence, source, canonical, id, parent, level, ambiguous,
             candidates, jurisdiction, value, currency, unit, qualifier, inferred, date, role, holder
        case jurisdictionSource = "jurisdiction_source"
        case rangeTo = "range_to"
        case equivalentOf = "equivalent_of"
    }

    // Written by hand (the text is not a stored property), as the synthesized ones were: the
    // fields in declaration order, optionals omitted when nil.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(type: try c.decode(EntityType.self, forKey: .type), text: try c.decode(String.self, forKey: .text),
                  start: try c.decode(Int.self, forKey: .start), end: try c.decode(Int.self, forKey: .end),
                  sentence: try c.decode(Int.self, forKey: .sentence), source: try c.decode(String.self, forKey: .source))
        canonical = try c.decodeIfPresent(String.self, forKey: .canonical)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        parent = try c.decodeIfPresent(String.self, forKey: .parent)
        level = try c.decodeIfPresent(String.self, forKey: .level)
        ambiguous = try c.decodeIfPresent(Bool.self, forKey: .ambiguous)
        candidates = try c.decodeIfPresent([String].self, forKey: .candidates)
        jurisdiction = try c.decodeIfPresent(String.self, forKey: .jurisdiction)
        jurisdictionSource = try c.decodeIfPresent(JurisdictionSource.self, forKey: .jurisdictionSource)
        value = try c.decodeIfPresent(ExactNumber.self, forKey: .value)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        qualifier = try c.decodeIfPresent(String.self, forKey: .qualifier)
        rangeTo = try c.decodeIfPresent(ExactNumber.self, forKey: .rangeTo)
        inferred = try c.decodeIfPresent(Bool.self, forKey: .inferred)
        role = try c.decodeIfPresent(EntityRole.self, forKey: .role)
        holder = try c.decodeIfPresent(Holder.self, forKey: .holder)
        equivalentOf = try c.decodeIfPresent(Span.self, forKey: .equivalentOf)
        date = try c.decodeIfPresent(String.self, forKey: .date)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encode(text, forKey: .text)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(sentence, forKey: .sentence)
        try c.encode(source, forKey: .source)
        try c.encodeIfPresent(canonical, forKey: .canonical)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(parent, forKey: .parent)
        try c.encodeIfPresent(level, forKey: .level)
        try c.encodeIfPresent(ambiguous, forKey: .ambiguous)
        try c.encodeIfPresent(candidates, forKey: .candidates)
        try c.encodeIfPresent(jurisdiction, forKey: .jurisdiction)
        try c.encodeIfPresent(jurisdictionSource, forKey: .jurisdictionSource)
        try c.encodeIfPresent(value, forKey: .value)
        try c.encodeIfPresent(currency, forKey: .currency)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encodeIfPresent(qualifier, forKey: .qualifier)
        try c.encodeIfPresent(rangeTo, forKey: .rangeTo)
        try c.encodeIfPresent(inferred, forKey: .inferred)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeIfPresent(holder, forKey: .holder)
        try c.encodeIfPresent(equivalentOf, forKey: .equivalentOf)
        try c.encodeIfPresent(date, forKey: .date)
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
