/// Per-document summary, derived from the entities.
public struct Summary: Codable, Sendable, Equatable {
    /// For each named-entity type (`person`, `agency`, …): distinct canonical entities.
    public var entities: [String: [EntitySummary]] = [:]
    /// Money totals per ISO currency code, exact. Conversions (`equivalent_of`) are not added.
    public var moneyTotals: [String: ExactNumber] = [:]
    /// Money totals per currency, then per role: `.money_by_role.TWD.budget`.
    public var moneyByRole: [String: [String: ExactNumber]] = [:]
    /// Money totals per holder (canonical name, else text), role and currency, in order of first mention.
    public var moneyByHolder: [HolderMoney] = []
    /// The largest money amounts, largest first, with the sentence they occur in.
    public var largestAmounts: [AmountSummary] = []
    /// Distinct dates mentioned (ISO, possibly partial), in order of first mention.
    public var dates: [String] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case entities, dates
        case moneyTotals = "money_totals"
        case moneyByRole = "money_by_role"
        case moneyByHolder = "money_by_holder"
        case largestAmounts = "largest_amounts"
    }
}

public struct EntitySummary: Codable, Sendable, Equatable {
    public var canonical: String
    public var id: String?
    public var mentions: Int
    /// Distinct surface forms, in order of first occurrence.
    public var forms: [String]
    /// Index of the first body sentence it occurs in; absent when only the headline names it.
    public var firstSentence: Int?
    /// True when the headline (`meta.title`) names it.
    public var inTitle: Bool?
    /// For agencies: the jurisdiction of its first mention.
    public var jurisdiction: String?

    public init(canonical: String, id: String?, mentions: Int, forms: [String], firstSentence: Int?) {
        self.canonical = canonical
        self.id = id
        self.mentions = mentions
        self.forms = forms
        self.firstSentence = firstSentence
    }

    enum CodingKeys: String, CodingKey {
        case canonical, id, mentions, forms
        case firstSentence = "first_sentence"
        case inTitle = "in_title"
        case jurisdiction
    }
}

public struct AmountSummary: Codable, Sendable, Equatable {
    public var text: String
    public var value: ExactNumber
    public var currency: String
    public var sentence: Int
    public var sentenceText: String
    /// The amount's role and its holder's key (canonical name, else text), when known.
    public var role: String?
    public var holder: String?

    public init(text: String, value: ExactNumber, currency: String, sentence: Int, sentenceText: String,
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
public struct HolderMoney: Codable, Sendable, Equatable {
    /// The holder's canonical name, else its text.
    public var holder: String
    public var id: String?
    public var role: String
    public var currency: String
    public var total: ExactNumber
    /// Money entities added.
    public var amounts: Int

    public init(holder: String, id: String?, role: String, currency: String, total: ExactNumber, amounts: Int) {
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
    public var agency: String
    public var reporters: [String]
    public var place: String?
    /// ISO date, resolved against the article's date.
    public var date: String?
    public var text: String
    public var start: Int
    public var end: Int

    public init(agency: String, reporters: [String], place: String?, date: String?, text: String, start: Int, end: Int) {
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
    public var editors: [String] = []
    public var translators: [String] = []
    public var checkers: [String] = []
    /// CNA's closing date code (1120919) resolved to ISO, when present.
    public var dateCode: String?
    public var date: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case editors, translators, checkers, date
        case dateCode = "date_code"
    }
}
