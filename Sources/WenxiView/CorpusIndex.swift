import Foundation
import WenxiCore

/// The corpus page (`index.html`), accumulated one report at a time: documents per day, the top
/// people, agencies and organizations, money by currency, role and holder, the largest amounts
/// with links to their pages, and a searchable, paged list of every document.
///
/// Definitions follow `wenxi summarize`: an entity's key is its `canonical` name (its text when
/// it has none); a name's `documents` counts the reports naming it, `mentions` every mention;
/// days are `meta.date`'s `YYYY-MM-DD`. Memory grows with the number of documents (one short
/// row each for the list), not with their text; each table of names holds at most
/// `nameCapacity` keys (past that its least named half is dropped and the page says so).
package struct CorpusIndex {
    /// The entity types ranked on the page, with their heading.
    package static let rankedTypes: [(EntityType, String)] = [(.person, "People"), (.agency, "Agencies"), (.organization, "Organizations")]
    /// Rows per page of the document list.
    package static let pageSize = 100

    struct Doc {
        var href: String
        var title: String
        var date: String
        var path: String
        var entities: Int
        var money: Int
        var names: String
    }

    struct NameCount { var documents = 0; var mentions = 0 }
    struct MoneyCount { var amounts = 0; var totals: [String: Decimal] = [:]; var counts: [String: Int] = [:] }
    struct Largest { var value: Decimal; var text: String; var doc: Int; var entity: Int; var sentence: String }

    private var docs: [Doc] = []
    private var errors: [(String, String)] = []
    private var errorCount = 0
    private var perDay: [String: Int] = [:]
    private var undated = 0
    private var characters = 0
    private var typeCounts: [String: Int] = [:]
    private var names: [String: [String: NameCount]] = [:]
    private var jurisdictions: [String: Int] = [:]
    private var byCurrency: [String: MoneyCount] = [:]
    private var byRole: [String: MoneyCount] = [:]
    private var byHolder: [String: MoneyCount] = [:]
    private var largest: [String: [Largest]] = [:]
    static let largestPerCurrency = 10
    /// Distinct names (or money holders) kept per table: memory stays bounded however many
    /// documents there are; past this the least named half is dropped (see `approximate`).
    package let nameCapacity: Int
    /// Tables that dropped names: their counts are lower bounds.
    private var approximate: Set<String> = []
    /// Days drawn one column each under a coarser overview.
    static let recentDays = 366

    package init(nameCapacity: Int = 200_000) { self.nameCapacity = max(2, nameCapacity) }

    package var documentCount: Int { docs.count }

    /// Adds a stream-mode error record (`{"error": …}`), listed on the page.
    package mutating func addError(_ record: JSON) {
        errorCount += 1
        if errors.count < 200 {
            let input = record["input"]?.string ?? record["id"]?.scalarText ?? "?"
            let line = record["line"]?.scalarText.map { ":\($0)" } ?? ""
            errors.append((input + line, record["error"]?.string ?? Generic.inline(record)))
        }
    }

    /// Adds one report, whose page is the file `page` (a name from `PageNamer`).
    package mutating func add(_ report: JSON, page: String) {
        let meta = report["meta"] ?? .null
        let path = report["source"]?["path"]?.string ?? report["id"]?.scalarText ?? ""
        let date = meta["date"]?.string ?? ""
        let day = CorpusIndex.day(date)
        if let day { perDay[day, default: 0] += 1 } else { undated += 1 }
        characters += report["stats"]?["characters"]?.int ?? 0

        let entities = report["entities"]?.array ?? []
        var seen: [String: Set<String>] = [:]
        var docNames: [String] = []
        var moneyCount = 0
        let sentences = report["sentences"]?.array ?? []
        for (k, e) in entities.enumerated() {
            // Counted by the name as written (a type this build does not know still counts);
            // compared as the typed kind.
            let typeName = e["type"]?.string ?? "?"
            let type = EntityType(rawValue: typeName)
            typeCounts[typeName, default: 0] += 1
            let key = e["canonical"]?.string ?? e["text"]?.string ?? ""
            if CorpusIndex.rankedTypes.contains(where: { $0.0 == type }) || type == .place {
                let first = seen[typeName, default: []].insert(key).inserted
                names[typeName, default: [:]][key, default: NameCount()].mentions += 1
                if first {
                    names[typeName]![key]!.documents += 1
                    if type != .place { docNames.append(key) }
                    if type == .agency { jurisdictions[e["jurisdiction"]?.scalarText ?? "unknown", default: 0] += 1 }
                }
            }
            guard type == .money else { continue }
            moneyCount += 1
            guard let d = Decimals.parse(e["value"]) else { continue }
            let cur = e["currency"]?.string ?? "unknown"
            byCurrency[cur, default: MoneyCount()].add(d, cur)
            byRole[e["role"]?.scalarText ?? "(no role)", default: MoneyCount()].add(d, cur)
            let holder = e["holder"].map { $0["canonical"]?.string ?? $0["text"]?.string ?? Generic.inline($0) } ?? "(no holder)"
            byHolder[holder, default: MoneyCount()].add(d, cur)
            let sentence = e["sentence"]?.int.flatMap { sentences.indices.contains($0) ? sentences[$0]["text"]?.string : nil } ?? ""
            var top = largest[cur, default: []]
            if top.count < CorpusIndex.largestPerCurrency || d > top.last!.value {
                let item = Largest(value: d, text: e["text"]?.string ?? "", doc: docs.count, entity: k, sentence: sentence)
                let at = top.firstIndex { d > $0.value } ?? top.count
                top.insert(item, at: at)
                if top.count > CorpusIndex.largestPerCurrency { top.removeLast() }
                largest[cur] = top
            }
        }
        for type in names.keys where names[type]!.count > nameCapacity { prune(type) }
        if byHolder.count > nameCapacity {
            byHolder = Dictionary(uniqueKeysWithValues: byHolder.sorted { ($1.value.amounts, $0.key) < ($0.value.amounts, $1.key) }
                .prefix(nameCapacity / 2).map { ($0.key, $0.value) })
            approximate.insert("money holders")
        }
        docs.append(Doc(href: HTML.percentEncoded(page), title: meta["title"]?.string ?? "", date: day ?? date,
                        path: path, entities: entities.count, money: moneyCount,
                        names: docNames.joined(separator: " ")))
    }

    /// Keeps the half of a type's names named in the most documents (their counts are then
    /// lower bounds, and the page says so).
    private mutating func prune(_ type: String) {
        let keep = names[type]!.sorted { ($1.value.documents, $1.value.mentions, $0.key) < ($0.value.documents, $0.value.mentions, $1.key) }
            .prefix(nameCapacity / 2)
        names[type] = Dictionary(uniqueKeysWithValues: keep.map { ($0.key, $0.value) })
        approximate.insert(type)
    }

    static func day(_ date: String) -> String? {
        let d = String(date.prefix(10))
        return CivilDay(d) != nil ? d : nil
    }

    /// The page.
    package func render() -> [UInt8] {
        var h = HTML(capacity: 1 << 20)
        h.raw("<!doctype html>\n<html lang=\"zh-Hant\"><head><meta charset=\"utf-8\">")
        h.raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Wenxi: \(docs.count) documents</title><style>")
        h.raw(Style.css)
        h.raw(TypeColors.css(for: typeCounts.keys.sorted(by: TypeColors.order)))
        h.raw("</style></head><body>\n<header><h1>Corpus: \(groupedDigits(String(docs.count))) documents</h1><p class=\"muted\">")
        var facts = ["\(groupedDigits(String(characters))) characters"]
        for t in typeCounts.keys.sorted(by: TypeColors.order) { facts.append("\(groupedDigits(String(typeCounts[t]!))) \(t)") }
        if errorCount > 0 { facts.append("\(errorCount) inputs failed") }
        if !approximate.isEmpty {
            facts.append("too many distinct names: the counts of \(approximate.sorted().joined(separator: ", ")) are lower bounds")
        }
        h.text(facts.joined(separator: " · "))
        h.raw("</p></header>\n<main>\n")

        let (svg, unit) = Charts.timeline(perDay, id: "chart-days")
        h.raw("<section id=\"per-day\"><h2>Documents per \(unit)</h2>")
        if unit != "day" { h.raw("<p class=\"muted\">The dates span too many days for one column each: one column per \(unit).</p>") }
        h.raw("<div class=\"chart\">\(svg)</div>")
        if unit != "day", let last = perDay.keys.compactMap(CivilDay.init).map(\.number).max() {
            // The overview is coarse; the last stretch of days is drawn day by day too.
            let from = CivilDay(number: last - CorpusIndex.recentDays + 1).text
            let recent = perDay.filter { $0.key >= from }
            let (days, _) = Charts.timeline(recent, id: "chart-recent-days", maxColumns: CorpusIndex.recentDays)
            h.raw("<h3>Per day, the last \(CorpusIndex.recentDays) days <small>\(from) to \(CivilDay(number: last).text): \(recent.values.reduce(0, +)) documents</small></h3>")
            h.raw("<div class=\"chart\">\(days)</div>")
        }
        if undated > 0 { h.raw("<p class=\"muted\">\(undated) without a date.</p>") }
        h.raw("</section>\n")

        h.raw("<div class=\"charts\">")
        for (kind, heading) in CorpusIndex.rankedTypes {
            let type = kind.rawValue
            let table = names[type] ?? [:]
            let top = table.sorted { ($1.value.documents, $1.value.mentions, $0.key) < ($0.value.documents, $0.value.mentions, $1.key) }
                .prefix(15)
            h.raw("<section id=\"top-\(type)\"><h2>\(heading) <small>\(table.count) distinct</small></h2><div class=\"chart\">")
            h.raw(Charts.horizontal(top.map { Charts.Bar(label: $0.key, value: Double($0.value.documents),
                                                         note: "\($0.value.documents) docs, \($0.value.mentions)×",
                                                         href: "#q=" + HTML.percentEncoded($0.key)) },
                                    id: "chart-\(type)", title: "Top \(heading.lowercased()) by documents", barClass: "bar bar-\(type)"))
            h.raw("</div></section>")
        }
        if jurisdictions.keys.contains(where: { $0 != "unknown" }) {
            h.raw("<section id=\"jurisdictions\"><h2>Agencies by jurisdiction <small>distinct per document</small></h2><div class=\"chart\">")
            let rows = jurisdictions.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(15)
            h.raw(Charts.horizontal(rows.map { Charts.Bar(label: $0.key, value: Double($0.value), note: "\($0.value)") },
                                    id: "chart-jurisdiction", title: "Agencies by jurisdiction", barClass: "bar bar-agency"))
            h.raw("</div></section>")
        }
        h.raw("</div>\n")

        money(into: &h)
        documentList(into: &h)

        if errorCount > 0 {
            h.raw("<section id=\"errors\"><h2>Inputs that failed <small>\(errorCount)</small></h2><ul>")
            for (where_, why) in errors {
                h.raw("<li><code>"); h.text(where_); h.raw("</code>: "); h.text(why); h.raw("</li>")
            }
            if errorCount > errors.count { h.raw("<li>… and \(errorCount - errors.count) more</li>") }
            h.raw("</ul></section>\n")
        }
        h.raw("</main><footer>Written by <code>wenxi view</code>. Money totals add exact values per currency; a chart's bars count amounts.</footer>\n")
        h.raw("<script>")
        h.raw(Style.listScript(pageSize: CorpusIndex.pageSize))
        h.raw("</script>\n</body></html>\n")
        return h.bytes
    }

    private func money(into h: inout HTML) {
        h.raw("<section id=\"money\"><h2>Money</h2>")
        if byCurrency.isEmpty {
            h.raw("<p class=\"muted\">No money amounts with a value.</p></section>\n")
            return
        }
        func bars(_ t: [String: MoneyCount], limit: Int) -> [Charts.Bar] {
            t.sorted { ($1.value.amounts, $0.key) < ($0.value.amounts, $1.key) }.prefix(limit).map { row in
                // The note names the total of the currency with the most amounts; the tooltip all.
                let m = row.value
                let main = m.counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first!.key
                var note = "\(m.amounts) · \(Decimals.text(m.totals[main]!)) \(main)"
                if m.totals.count > 1 { note += " + \(m.totals.count - 1) more" }
                return Charts.Bar(label: row.key, value: Double(m.amounts), note: note,
                                  detail: "\(m.amounts) amounts · " + Decimals.totals(m.totals))
            }
        }
        h.raw("<div class=\"charts\">")
        for (id, heading, table) in [("currency", "By currency", byCurrency), ("role", "By role", byRole), ("holder", "By holder", byHolder)] {
            h.raw("<section id=\"money-\(id)\"><h3>\(heading) <small>amounts · total</small></h3><div class=\"chart\">")
            h.raw(Charts.horizontal(bars(table, limit: 15), id: "chart-money-\(id)", title: "Money amounts \(heading.lowercased())", barClass: "bar bar-money"))
            h.raw("</div></section>")
        }
        h.raw("</div>")

        // The largest amounts of the currencies with the most amounts.
        let currencies = byCurrency.sorted { ($1.value.amounts, $0.key) < ($0.value.amounts, $1.key) }.prefix(4).map(\.key)
        h.raw("<section id=\"largest\"><h3>Largest amounts</h3><div class=\"charts\">")
        for cur in currencies {
            h.raw("<section><h3>")
            h.text(cur)
            h.raw("</h3><table><thead><tr><th class=\"num\">value</th><th>as written</th><th>document</th></tr></thead><tbody>")
            for a in largest[cur] ?? [] {
                let d = docs[a.doc]
                h.raw("<tr><td class=\"num\">"); h.text(Decimals.text(a.value))
                h.raw("</td><td title=\""); h.text(a.sentence); h.raw("\"><a href=\"reports/"); h.text(d.href)
                h.raw("#b\(a.entity)\">"); h.text(a.text)
                h.raw("</a></td><td><a href=\"reports/"); h.text(d.href); h.raw("\">")
                h.text(Charts.clip(d.title.isEmpty ? d.path : d.title, 40))
                h.raw("</a></td></tr>")
            }
            h.raw("</tbody></table></section>")
        }
        h.raw("</div></section></section>\n")
    }

    private func documentList(into h: inout HTML) {
        h.raw("<section id=\"documents\"><h2>Documents</h2>")
        h.raw("<p><label for=\"q\">Search titles, paths, dates and names: </label><input id=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"e.g. 行政院\"></p>")
        h.raw("<div class=\"pager\"><button id=\"prev\" type=\"button\">← previous</button><span id=\"docs-info\"></span><button id=\"next\" type=\"button\">next →</button></div>")
        h.raw("<table id=\"docs\"><thead><tr><th>date</th><th>title</th><th>source</th><th class=\"num\">entities</th><th class=\"num\">money</th></tr></thead><tbody>")
        // The first page is written out, so the page shows documents even without script.
        for d in docs.prefix(CorpusIndex.pageSize) {
            h.raw("<tr><td>"); h.text(d.date)
            h.raw("</td><td><a href=\"reports/"); h.text(d.href); h.raw("\">"); h.text(d.title.isEmpty ? d.path : d.title)
            h.raw("</a></td><td class=\"muted\">"); h.text(d.path)
            h.raw("</td><td class=\"num\">\(d.entities)</td><td class=\"num\">\(d.money)</td></tr>")
        }
        h.raw("</tbody></table>")
        if docs.count > CorpusIndex.pageSize {
            h.raw("<noscript><p>Without JavaScript only the first \(CorpusIndex.pageSize) of \(docs.count) documents are listed here; every page is in the <code>reports/</code> folder.</p></noscript>")
        }
        h.raw("</section>\n<script type=\"application/json\" id=\"docs-data\">[")
        for (k, d) in docs.enumerated() {
            if k > 0 { h.raw(",\n") }
            h.raw("[")
            h.raw([d.href, d.title, d.date, d.path].map(HTML.jsonString).joined(separator: ","))
            h.raw(",\(d.entities),\(d.money),")
            h.raw(HTML.jsonString(d.names))
            h.raw("]")
        }
        h.raw("]</script>\n")
    }
}

extension CorpusIndex.MoneyCount {
    mutating func add(_ d: Decimal, _ currency: String) {
        amounts += 1
        totals[currency, default: 0] += d
        counts[currency, default: 0] += 1
    }
}
