import Foundation

/// Accumulates a corpus summary from report JSON lines (`wenxi summarize`), one line at a time.
///
/// Memory is bounded: the per-key tables (entities, agencies with money, person–agency pairs)
/// hold at most `capacity` keys each. Distinct canonical names are bounded by the dictionaries
/// plus the names rules find, so in practice no table fills up; if one does, it drops its less
/// frequent half and is listed in `approximate` (the counts kept are then lower bounds). Dates
/// are days, so their table is small.
///
/// Definitions:
/// - an entity's key is its `canonical` name, or its text when it has none;
/// - `documents` counts reports naming the key at least once, `mentions` counts every mention;
/// - money totals add the exact `value` of every `money` entity per `currency` (`unknown` when
///   none); an amount counts for each distinct agency named in the same sentence;
/// - a person–agency pair occurs together when both are named in the same sentence; `sentences`
///   counts such sentences, `documents` the reports with at least one;
/// - dates count reports by `meta.date`'s day (`YYYY-MM-DD`); reports without one are `undated`.
public struct CorpusSummary {
    public let capacity: Int
    private(set) var documents = 0
    private(set) var errors = 0
    private(set) var sentences = 0
    private(set) var tokens = 0
    private(set) var characters = 0
    private var entities: [String: CappedTable<String, EntityCount>] = [:]
    private var moneyTotals: [String: Decimal] = [:]
    private var moneyAmounts = 0
    private var moneyByAgency: CappedTable<String, AgencyMoneyCount>
    private var pairs: CappedTable<PairKey, PairCount>
    private var dates: [String: Int] = [:]
    private var undated = 0

    /// The entity types summarised, and their key in the output.
    public static let entityTypes: [(type: String, key: String)] =
        [("person", "people"), ("agency", "agencies"), ("organization", "organizations"), ("staff", "staff")]

    public init(capacity: Int = 100_000) {
        self.capacity = max(2, capacity)
        moneyByAgency = CappedTable(capacity: self.capacity)
        pairs = CappedTable(capacity: self.capacity)
        for (t, _) in CorpusSummary.entityTypes { entities[t] = CappedTable(capacity: self.capacity) }
    }

    /// Adds one line of report JSONL. Throws when the line is not a report or an error record.
    public mutating func add(line: [UInt8]) throws {
        let r: ReportLine
        do {
            r = try JSONDecoder().decode(ReportLine.self, from: Data(line))
        } catch {
            throw WenxiError.malformed("not a report (JSON object with \"stats\" and \"entities\") nor an error record")
        }
        if r.error != nil, r.stats == nil {
            errors += 1
            return
        }
        guard let stats = r.stats, let ents = r.entities else {
            throw WenxiError.malformed("not a report: no \"stats\" or \"entities\"")
        }
        add(stats: stats, date: r.meta?.date, entities: ents)
    }

    mutating func add(stats: ReportLine.Stats, date: String?, entities ents: [ReportLine.Entity]) {
        documents += 1
        sentences += stats.sentences ?? 0
        tokens += stats.tokens ?? 0
        characters += stats.characters ?? 0
        if let day = CorpusSummary.day(date) { dates[day, default: 0] += 1 } else { undated += 1 }

        // Entities by type: mentions, and documents once per distinct key.
        var seen: [String: Set<String>] = [:]
        var people: [Int: Set<String>] = [:]
        var agencies: [Int: Set<String>] = [:]
        for e in ents {
            let key = e.canonical ?? e.text
            // Staff of bylines and credit lines are counted apart from the people the news is about.
            let isStaff = e.type == "person" && e.role == "staff"
            let type = isStaff ? "staff" : e.type
            if entities[type] != nil {
                let first = seen[type, default: []].insert(key).inserted
                entities[type]!.update(key) { c in
                    c.mentions += 1
                    if first { c.documents += 1 }
                }
            }
            if e.type == "person" && !isStaff { people[e.sentence, default: []].insert(key) }
            if e.type == "agency" { agencies[e.sentence, default: []].insert(key) }
        }

        // Money: totals per currency, and per agency of the same sentence.
        for e in ents where e.type == "money" {
            guard let v = e.value, let d = Decimal(string: v.decimal, locale: Locale(identifier: "en_US_POSIX")) else { continue }
            let cur = e.currency ?? "unknown"
            moneyTotals[cur, default: 0] += d
            moneyAmounts += 1
            for agency in (agencies[e.sentence] ?? []) {
                moneyByAgency.update(agency) { c in
                    c.amounts += 1
                    c.totals[cur, default: 0] += d
                }
            }
        }

        // Person–agency pairs in the same sentence.
        var pairsHere = Set<PairKey>()
        for (s, ps) in people {
            guard let ags = agencies[s] else { continue }
            for p in ps {
                for a in ags {
                    let k = PairKey(person: p, agency: a)
                    let first = pairsHere.insert(k).inserted
                    pairs.update(k) { c in
                        c.sentences += 1
                        if first { c.documents += 1 }
                    }
                }
            }
        }
    }

    /// `2020-09-19` from `2020-09-19`, `2020-09-19 10:48:00 +0800` or `2020-09-19T…`.
    static func day(_ date: String?) -> String? {
        guard let date else { return nil }
        let u = Array(date.utf8.prefix(10))
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D,
              u.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) })
        else { return nil }
        if date.utf8.count > 10 {
            let next = date.utf8[date.utf8.index(date.utf8.startIndex, offsetBy: 10)]
            guard next == 0x20 || next == 0x54 /* T */ else { return nil }
        }
        return String(decoding: u, as: UTF8.self)
    }

    /// The summary, with the `top` entries of each ranking.
    public func result(top: Int) -> CorpusSummaryReport {
        var out = CorpusSummaryReport()
        out.top = top
        out.documents = documents
        out.errors = errors
        out.sentences = sentences
        out.tokens = tokens
        out.characters = characters
        var approximate: [String] = []
        for (type, key) in CorpusSummary.entityTypes {
            let table = entities[type]!
            if table.pruned { approximate.append(key) }
            let rows = table.rows.map { EntityRank(canonical: $0.key, documents: $0.value.documents, mentions: $0.value.mentions) }
            out.entities[key] = EntityRanking(
                distinct: table.rows.count,
                byDocuments: Array(rows.sorted { ($1.documents, $1.mentions, $0.canonical) < ($0.documents, $0.mentions, $1.canonical) }.prefix(top)),
                byMentions: Array(rows.sorted { ($1.mentions, $1.documents, $0.canonical) < ($0.mentions, $0.documents, $1.canonical) }.prefix(top)))
        }
        out.money.amounts = moneyAmounts
        out.money.totals = moneyTotals.mapValues(CorpusSummary.exact)
        if moneyByAgency.pruned { approximate.append("money.by_agency") }
        out.money.byAgency = Array(moneyByAgency.rows
            .sorted { ($1.value.amounts, $0.key) < ($0.value.amounts, $1.key) }
            .prefix(top)
            .map { AgencyMoney(agency: $0.key, amounts: $0.value.amounts, totals: $0.value.totals.mapValues(CorpusSummary.exact)) })
        if pairs.pruned { approximate.append("pairs") }
        out.pairs = Array(pairs.rows
            .sorted { ($1.value.sentences, $1.value.documents, $0.key.person, $0.key.agency)
                    < ($0.value.sentences, $0.value.documents, $1.key.person, $1.key.agency) }
            .prefix(top)
            .map { PairRank(person: $0.key.person, agency: $0.key.agency, sentences: $0.value.sentences, documents: $0.value.documents) })
        out.dates = dates
        out.undated = undated
        out.approximate = approximate
        return out
    }

    static func exact(_ d: Decimal) -> ExactNumber {
        var v = d
        return ExactNumber(decimal: NSDecimalString(&v, Locale(identifier: "en_US_POSIX"))) ?? ExactNumber(0)
    }
}

/// A dictionary that never holds more than `capacity` keys: when it is full, it keeps the
/// `capacity / 2` keys with the highest score and sets `pruned`.
struct CappedTable<Key: Hashable & Comparable, Value: Scored> {
    let capacity: Int
    private(set) var rows: [Key: Value] = [:]
    private(set) var pruned = false

    init(capacity: Int) { self.capacity = capacity }

    mutating func update(_ key: Key, _ change: (inout Value) -> Void) {
        if rows[key] == nil, rows.count >= capacity { prune() }
        change(&rows[key, default: Value()])
    }

    private mutating func prune() {
        let keep = rows.sorted { ($1.value.score, $0.key) < ($0.value.score, $1.key) }.prefix(capacity / 2)
        rows = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        pruned = true
    }
}

protocol Scored {
    init()
    var score: Int { get }
}

struct EntityCount: Scored {
    var documents = 0
    var mentions = 0
    var score: Int { mentions }
}

struct AgencyMoneyCount: Scored {
    var amounts = 0
    var totals: [String: Decimal] = [:]
    var score: Int { amounts }
}

struct PairKey: Hashable, Comparable {
    var person: String
    var agency: String
    static func < (a: PairKey, b: PairKey) -> Bool { (a.person, a.agency) < (b.person, b.agency) }
}

struct PairCount: Scored {
    var sentences = 0
    var documents = 0
    var score: Int { sentences }
}

/// The parts of a report line the summary reads (other keys are ignored).
struct ReportLine: Decodable {
    struct Stats: Decodable {
        var sentences: Int?
        var tokens: Int?
        var characters: Int?
    }
    struct Meta: Decodable { var date: String? }
    struct Entity: Decodable {
        var type: String
        var text: String
        var canonical: String?
        var sentence: Int
        var role: String?
        var value: ExactNumber?
        var currency: String?
    }
    var error: String?
    var stats: Stats?
    var meta: Meta?
    var entities: [Entity]?
}

/// `wenxi summarize`'s output.
public struct CorpusSummaryReport: Codable, Sendable, Equatable {
    public var schema = "wenxi.summary/1"
    public var top = 0
    public var documents = 0
    /// Stream-mode error records met in the input.
    public var errors = 0
    public var sentences = 0
    public var tokens = 0
    public var characters = 0
    /// `people`, `agencies`, `organizations`.
    public var entities: [String: EntityRanking] = [:]
    public var money = MoneySummary()
    public var pairs: [PairRank] = []
    /// Reports per day of `meta.date`.
    public var dates: [String: Int] = [:]
    public var undated = 0
    /// Tables that overflowed their capacity (their counts are lower bounds).
    public var approximate: [String] = []
    public init() {}
}

public struct EntityRanking: Codable, Sendable, Equatable {
    /// Distinct keys seen.
    public var distinct: Int
    public var byDocuments: [EntityRank]
    public var byMentions: [EntityRank]
    enum CodingKeys: String, CodingKey {
        case distinct
        case byDocuments = "by_documents"
        case byMentions = "by_mentions"
    }
}

public struct EntityRank: Codable, Sendable, Equatable {
    public var canonical: String
    public var documents: Int
    public var mentions: Int
}

public struct MoneySummary: Codable, Sendable, Equatable {
    /// Money entities with a value.
    public var amounts = 0
    public var totals: [String: ExactNumber] = [:]
    /// Agencies by the number of amounts named in the same sentence, with those amounts' totals.
    public var byAgency: [AgencyMoney] = []
    enum CodingKeys: String, CodingKey {
        case amounts, totals
        case byAgency = "by_agency"
    }
}

public struct AgencyMoney: Codable, Sendable, Equatable {
    public var agency: String
    public var amounts: Int
    public var totals: [String: ExactNumber]
}

public struct PairRank: Codable, Sendable, Equatable {
    public var person: String
    public var agency: String
    public var sentences: Int
    public var documents: Int
}
