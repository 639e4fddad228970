/// Per-document summary, derived from the entities.
public struct Summary: Codable, Sendable, Equatable {
    /// For each named-entity type (`person`, `agency`, …): distinct canonical entities.
    public var entities: [String: [EntitySummary]] = [:]
    /// Money totals per ISO currency code, exact.
    public var moneyTotals: [String: ExactNumber] = [:]
    /// The largest money amounts, largest first, with the sentence they occur in.
    public var largestAmounts: [AmountSummary] = []
    /// Distinct dates mentioned (ISO, possibly partial), in order of first mention.
    public var dates: [String] = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case entities, dates
        case moneyTotals = "money_totals"
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

    public init(text: String, value: ExactNumber, currency: String, sentence: Int, sentenceText: String) {
        self.text = text
        self.value = value
        self.currency = currency
        self.sentence = sentence
        self.sentenceText = sentenceText
    }

    enum CodingKeys: String, CodingKey {
        case text, value, currency, sentence
        case sentenceText = "sentence_text"
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
