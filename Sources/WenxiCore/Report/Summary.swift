/// Per-document summary, derived from the entities.
package struct Summary: Codable, Sendable, Equatable {
    /// For each named-entity type (`person`, `agency`, …): distinct canonical entities.
    package var entities: [String: [EntitySummary]] = [:]
    /// Money totals per ISO currency code, exact. Conversions (`equivalent_of`) are not added.
    package var moneyTotals: [String: ExactNumber] = [:]
    /// Money totals per currency, then per role: `.money_by_role.TWD.budget`.
    package var moneyByRole: [String: [String: ExactNumber]] = [:]
    /// Money totals per holder (canonical name, else text), role and currency, in order of first mention.
    package var moneyByHolder: [HolderMoney] = []
    /// The largest money amounts, largest first, with the sentence they occur in.
    package var largestAmounts: [AmountSummary] = []
    /// Distinct dates mentioned (ISO, possibly partial), in order of first mention.
    package var dates: [String] = []

    /// An empty summary.
    package init() {}

    enum CodingKeys: String, CodingKey {
        case entities, dates
        case moneyTotals = "money_totals"
        case moneyByRole = "money_by_role"
        case moneyByHolder = "money_by_holder"
        case largestAmounts = "largest_amounts"
    }
}

/// One distinct named entity of a document (`summary.entities.<type>[]`).
package struct EntitySummary: Codable, Sendable, Equatable {
    /// Its canonical name, else its text when no dictionary knows it.
    package var canonical: String
    // The optionals are spelled `Optional<…>`: a stored `T?` gets an implicit first value of
    // nil, and with it the compiled init built the summary, copied it and destroyed the first
    // copy (~260 instructions of retains and releases per distinct entity, Swift 6.3); with no
    // first value the init only moves its arguments into place. (README Benchmark, "assemble,
    // encode and amounts, fourth pass".) The type is the same: `Codable` and `==` do not change.
    /// The dictionary id, when it has one.
    package var id: Optional<String>
    /// How many times the body names it.
    package var mentions: Int
    /// Distinct surface forms, in order of first occurrence.
    package var forms: [String]
    /// Index of the first body sentence it occurs in; absent when only the headline names it.
    package var firstSentence: Optional<Int>
    /// True when the headline (`meta.title`) names it.
    package var inTitle: Optional<Bool>
    /// For agencies: the jurisdiction of its first mention.
    package var jurisdiction: Optional<String>

    /// A summary as the fields name it, every field set here.
    package init(canonical: String, id: String?, mentions: Int, forms: [String], firstSentence: Int?,
                 inTitle: Bool? = nil, jurisdiction: String? = nil) {
        self.canonical = canonical
        self.id = id
        self.mentions = mentions
        self.forms = forms
        self.firstSentence = firstSentence
        self.inTitle = inTitle
        self.jurisdiction = jurisdiction
    }

    enum CodingKeys: String, CodingKey {
        case canonical, id, mentions, forms
        case firstSentence = "first_sentence"
        case inTitle = "in_title"
        case jurisdiction
    }
}

/// One money amount of `summary.largest_amounts`, with its sentence.
package struct AmountSummary: Codable, Sendable, Equatable {
    /// The amount as written.
    package var text: String
    /// Its exact value.
    package var value: ExactNumber
    /// ISO 4217 code.
    package var currency: String
    /// Index into `Report.sentences` of its sentence.
    package var sentence: Int
    /// That sentence.
    package var sentenceText: String
    /// The amount's role (`budget`, `subsidy` …), when known.
    package var role: String?
    /// Its holder's key (canonical name, else text), when known.
    package var holder: String?

    /// A summary as the fields name it.
    package init(text: String, value: ExactNumber, currency: String, sentence: Int, sentenceText: String,
                role: String? = nil, holder: String? = nil) {
        self.text = text
        self.value = value
        self.currency = currency
        self.sentence = sentence
        self.sentenceText = sentenceText
        self.role = role
        self.holder = holder
    }

    enum CodingKeys: String, CodingKey {
        case text, value, currency, sentence, role, holder
        case sentenceText = "sentence_text"
    }
}

/// One holder's money of one role and currency (`summary.money_by_holder`).
package struct HolderMoney: Codable, Sendable, Equatable {
    /// The holder's canonical name, else its text.
    package var holder: String
    /// The holder's dictionary id, when it has one.
    package var id: String?
    /// The money role (`budget`, `subsidy` …).
    package var role: String
    /// ISO 4217 code.
    package var currency: String
    /// The exact sum.
    package var total: ExactNumber
    /// Money entities added.
    package var amounts: Int

    /// A total as the fields name it.
    package init(holder: String, id: String?, role: String, currency: String, total: ExactNumber, amounts: Int) {
        self.holder = holder
        self.id = id
        self.role = role
        self.currency = currency
        self.total = total
        self.amounts = amounts
    }
}

/// CNA dateline: （中央社記者葉臻桃園19日電）.
public struct Byline: Codable, Sendable, Equatable {
    /// The news agency (中央社).
    public var agency: String
    /// The reporters named, in order.
    public var reporters: [String]
    /// Where the report was filed, as written.
    public var place: String?
    /// ISO date, resolved against the article's date.
    public var date: String?
    /// The dateline as written.
    public var text: String
    /// Scalar offset of the dateline in the report's `text`.
    public var start: Int
    /// Scalar offset just past it.
    public var end: Int

    /// A dateline as the fields name it.
    package init(agency: String, reporters: [String], place: String?, date: String?, text: String, start: Int, end: Int) {
        self.agency = agency
        self.reporters = reporters
        self.place = place
        self.date = date
        self.text = text
        self.start = start
        self.end = end
    }
}

/// Credit lines: （編輯：林恕暉）, （譯者：…/核稿：…）.
public struct Credits: Codable, Sendable, Equatable {
    /// Names after 編輯.
    public var editors: [String] = []
    /// Names after 譯者.
    public var translators: [String] = []
    /// Names after 核稿.
    public var checkers: [String] = []
    /// CNA's closing date code (1120919) resolved to ISO, when present.
    public var dateCode: String?
    /// The date of the credit line, ISO.
    public var date: String?

    /// No credits.
    package init() {}

    enum CodingKeys: String, CodingKey {
        case editors, translators, checkers, date
        case dateCode = "date_code"
    }
}
