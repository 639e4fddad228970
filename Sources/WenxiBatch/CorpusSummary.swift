import Foundation
import Wenxi

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
/// - money totals add the exact `value` (`ExactNumber`, never binary floating point) of every
///   `money` entity per `currency` (`unknown` when none), except conversions (`equivalent_of`);
///   `by_role` adds them per currency and `role`, `by_holder` per holder (`holder.canonical`,
///   else its text), role and currency; `largest` keeps, per currency, the largest amounts of
///   the reports' `summary.largest_amounts` with their sentence and file;
/// - a person–agency pair occurs together when both are named in the same sentence; `sentences`
///   counts such sentences, `documents` the reports with at least one;
/// - dates count reports by `meta.date`'s day (`YYYY-MM-DD`); reports without one are `undated`.
package struct CorpusSummary {
    package let capacity: Int
    private(set) var documents = 0
    private(set) var errors = 0
    private(set) var sentences = 0
    private(set) var tokens = 0
    private(set) var characters = 0
    private var entities: [String: CappedTable<String, EntityCount>] = [:]
    private var moneyTotals: [String: ExactNumber] = [:]
    private var moneyByRole: [String: [String: ExactNumber]] = [:]
    private var moneyAmounts = 0
    private var moneyByHolder: CappedTable<HolderRoleKey, HolderMoneyCount>
    /// Per currency, the `largestKept` largest amounts, largest first (ties: first seen first).
    private var largest: [String: [(ExactNumber, LargestAmount)]] = [:]
    package let largestKept: Int
    private var pairs: CappedTable<PairKey, PairCount>
    private var dates: [String: Int] = [:]
    private var undated = 0

    /// The entity types summarised, and their key in the output.
    package static let entityTypes: [(type: String, key: String)] =
        [("person", "people"), ("agency", "agencies"), ("organization", "organizations"), ("staff", "staff")]

    /// `largest`: how many of the largest amounts to keep per currency.
    package init(capacity: Int = 100_000, largest: Int = 20) {
        self.capacity = max(2, capacity)
        largestKept = max(0, largest)
        moneyByHolder = CappedTable(capacity: self.capacity)
        pairs = CappedTable(capacity: self.capacity)
        for (t, _) in CorpusSummary.entityTypes { entities[t] = CappedTable(capacity: self.capacity) }
    }

    /// Adds one line of report JSONL. Throws when the line is not a report or an error record.
    package mutating func add(line: [UInt8]) throws {
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
        for (key, value) in [("sentences", stats.sentences), ("tokens", stats.tokens), ("characters", stats.characters)] {
            if let value, value < 0 { throw WenxiError.malformed("not a report: stats.\(key) is negative (\(value))") }
        }
        add(stats: stats, date: r.meta?.date, entities: ents)
        for a in r.summary?.largestAmounts ?? [] where a.equivalentOf == nil {
            addLargest(a, file: r.source?.path ?? "")
        }
    }

    mutating func addLargest(_ a: ReportLine.Largest, file: String) {
        guard largestKept > 0 else { return }
        let v = a.value
        var list = largest[a.currency, default: []]
        if list.count >= largestKept, let last = list.last, !(v > last.0) { return }
        let item = LargestAmount(file: file, text: a.text, value: a.value, currency: a.currency, role: a.role, holder: a.holder,
                                 sentence: a.sentence, sentenceText: a.sentenceText)
        let at = list.firstIndex { v > $0.0 } ?? list.count
        list.insert((v, item), at: at)
        if list.count > largestKept { list.removeLast() }
        largest[a.currency] = list
    }

    mutating func add(stats: ReportLine.Stats, date: String?, entities ents: [ReportLine.Entity]) {
        documents += 1
        // Totals saturate at Int.max instead of trapping on absurd (hand-made) counts.
        sentences = CorpusSummary.saturatingAdd(sentences, max(0, stats.sentences ?? 0))
        tokens = CorpusSummary.saturatingAdd(tokens, max(0, stats.tokens ?? 0))
        characters = CorpusSummary.saturatingAdd(characters, max(0, stats.characters ?? 0))
        if let day = CorpusSummary.day(date) { dates[day, default: 0] += 1 } else { undated += 1 }

        // Entities by type: mentions, and documents once per distinct key.
        var seen: [String: Set<String>] = [:]
        var people: [Int: Set<String>] = [:]
        var agencies: [Int: Set<String>] = [:]
        for e in ents {
            let key = e.canonical ?? e.text
            // Staff of bylines and credit lines are counted apart from the people the news is about.
            let isStaff = e.type == .person && e.role == .staff
            let type = isStaff ? "staff" : e.type.rawValue
            if entities[type] != nil {
                let first = seen[type, default: []].insert(key).inserted
                entities[type]!.update(key) { c in
                    c.mentions += 1
                    if first { c.documents += 1 }
                }
            }
            if e.type == .person && !isStaff { people[e.sentence, default: []].insert(key) }
            if e.type == .agency { agencies[e.sentence, default: []].insert(key) }
        }

        // Money: totals per currency, per currency and role, per holder, role and currency.
        for e in ents where e.type == .money && e.equivalentOf == nil {
            guard let d = e.value else { continue }
            let cur = e.currency ?? "unknown"
            let role = (e.role ?? .other).rawValue
            moneyTotals[cur, default: .zero] = moneyTotals[cur, default: .zero] + d
            moneyByRole[cur, default: [:]][role, default: .zero] = moneyByRole[cur, default: [:]][role, default: .zero] + d
            moneyAmounts += 1
            if let h = e.holder {
                moneyByHolder.update(HolderRoleKey(holder: h.canonical ?? h.text, role: role, currency: cur)) { c in
                    c.amounts += 1
                    c.total = c.total + d
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

    static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : sum
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
    package func result(top: Int) -> CorpusSummaryReport {
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
        out.money.totals = moneyTotals
        out.money.byRole = moneyByRole
        if moneyByHolder.pruned { approximate.append("money.by_holder") }
        out.money.byHolder = Array(moneyByHolder.rows
            .sorted { ($1.value.amounts, $0.key) < ($0.value.amounts, $1.key) }
            .prefix(top)
            .map { HolderMoneyRank(holder: $0.key.holder, role: $0.key.role, currency: $0.key.currency,
                                   amounts: $0.value.amounts, total: $0.value.total) })
        out.money.largest = largest.mapValues { Array($0.prefix(top).map(\.1)) }
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

struct HolderRoleKey: Hashable, Comparable {
    var holder: String
    var role: String
    var currency: String
    static func < (a: HolderRoleKey, b: HolderRoleKey) -> Bool { (a.holder, a.role, a.currency) < (b.holder, b.role, b.currency) }
}

struct HolderMoneyCount: Scored {
    var amounts = 0
    var total = ExactNumber.zero
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
    struct Holder: Decodable {
        var text: String
        var canonical: String?
    }
    struct Entity: Decodable {
        var type: EntityType
        var text: String
        var canonical: String?
        var sentence: Int
        /// `staff` for persons of bylines and credit lines; the role of a money amount.
        var role: EntityRole?
        var value: ExactNumber?
        var currency: String?
        var holder: Holder?
        var equivalentOf: Span?
        enum CodingKeys: String, CodingKey {
            case type, text, canonical, sentence, value, currency, role, holder
            case equivalentOf = "equivalent_of"
        }
    }
    struct Largest: Decodable {
        var text: String
        var value: ExactNumber
        var currency: String
        var sentence: Int
        var sentenceText: String
        var role: String?
        var holder: String?
        var equivalentOf: Span?
        enum CodingKeys: String, CodingKey {
            case text, value, currency, sentence, role, holder
            case sentenceText = "sentence_text"
            case equivalentOf = "equivalent_of"
        }
    }
    struct SummaryPart: Decodable {
        var largestAmounts: [Largest]?
        enum CodingKeys: String, CodingKey { case largestAmounts = "largest_amounts" }
    }
    struct Source: Decodable { var path: String? }
    var error: String?
    var stats: Stats?
    var meta: Meta?
    var source: Source?
    var entities: [Entity]?
    var summary: SummaryPart?
}

/// `wenxi summarize`'s output.
package struct CorpusSummaryReport: Codable, Sendable, Equatable {
    package var schema = "wenxi.summary/2"
    package var top = 0
    package var documents = 0
    /// Stream-mode error records met in the input.
    package var errors = 0
    package var sentences = 0
    package var tokens = 0
    package var characters = 0
    /// `people`, `agencies`, `organizations`.
    package var entities: [String: EntityRanking] = [:]
    package var money = MoneySummary()
    package var pairs: [PairRank] = []
    /// Reports per day of `meta.date`.
    package var dates: [String: Int] = [:]
    package var undated = 0
    /// Tables that overflowed their capacity (their counts are lower bounds).
    package var approximate: [String] = []
    package init() {}
}

package struct EntityRanking: Codable, Sendable, Equatable {
    /// Distinct keys seen.
    package var distinct: Int
    package var byDocuments: [EntityRank]
    package var byMentions: [EntityRank]
    enum CodingKeys: String, CodingKey {
        case distinct
        case byDocuments = "by_documents"
        case byMentions = "by_mentions"
    }
}

package struct EntityRank: Codable, Sendable, Equatable {
    package var canonical: String
    package var documents: Int
    package var mentions: Int
}

package struct MoneySummary: Codable, Sendable, Equatable {
    /// Money entities with a value, conversions left out.
    package var amounts = 0
    /// Per currency.
    package var totals: [String: ExactNumber] = [:]
    /// Per currency, then per role: `.money.by_role.TWD.budget`.
    package var byRole: [String: [String: ExactNumber]] = [:]
    /// Holders by the number of their amounts, per role and currency.
    package var byHolder: [HolderMoneyRank] = []
    /// Per currency, the largest amounts, largest first, with their sentence and file.
    package var largest: [String: [LargestAmount]] = [:]
    enum CodingKeys: String, CodingKey {
        case amounts, totals, largest
        case byRole = "by_role"
        case byHolder = "by_holder"
    }
}

/// One holder's amounts of one role and currency, corpus-wide.
package struct HolderMoneyRank: Codable, Sendable, Equatable {
    package var holder: String
    package var role: String
    package var currency: String
    package var amounts: Int
    package var total: ExactNumber
}

/// One of the corpus' largest amounts.
package struct LargestAmount: Codable, Sendable, Equatable {
    /// The report's `source.path`.
    package var file: String
    package var text: String
    package var value: ExactNumber
    package var currency: String
    package var role: String?
    package var holder: String?
    package var sentence: Int
    package var sentenceText: String
    enum CodingKeys: String, CodingKey {
        case file, text, value, currency, role, holder, sentence
        case sentenceText = "sentence_text"
    }
}

package struct PairRank: Codable, Sendable, Equatable {
    package var person: String
    package var agency: String
    package var sentences: Int
    package var documents: Int
}
