import Foundation
import WenxiCore

/// The side panel of a report page: the report's `summary` (people, agencies with their
/// jurisdiction, organizations, places, …), money by role and holder, the largest amounts and
/// the dates; summary keys it has no layout for are shown as they are.
enum SummaryPanel {
    static let typeTitles = ["person": "People", "agency": "Agencies", "organization": "Organizations",
                             "place": "Places", "money": "Money", "date": "Dates"]

    static func render(_ report: JSON, into h: inout HTML) {
        let summary = report["summary"] ?? .null
        let entities = report["entities"]?.array ?? []

        // What the body's mentions add to a summary entry: jurisdiction, role (e.g. staff).
        var extra: [String: [(String, String)]] = [:]
        for e in entities {
            guard let type = e["type"]?.string, let name = e["canonical"]?.string ?? e["text"]?.string else { continue }
            for k in ["jurisdiction", "role"] {
                guard let v = e[k]?.scalarText else { continue }
                let key = type + "\u{0}" + name
                if !(extra[key] ?? []).contains(where: { $0 == (k, v) }) { extra[key, default: []].append((k, v)) }
            }
        }

        let groups = (summary["entities"]?.members ?? []).sorted { TypeColors.order($0.key, $1.key) }
        if groups.isEmpty { h.raw("<p class=\"muted\">No named entities.</p>") }
        for g in groups {
            let items = g.value.array
            h.raw("<section class=\"sum-type\" data-summary=\"")
            h.text(g.key)
            h.raw("\"><h3>")
            h.text(typeTitles[g.key] ?? g.key)
            h.raw(" <small>\(items.count)</small></h3><ol>")
            for item in items {
                let name = item["canonical"]?.string ?? item["text"]?.string ?? Generic.inline(item)
                h.raw("<li><span class=\"sw sw-")
                h.text(TypeColors.isPlainName(g.key) ? g.key : "other")
                h.raw("\" aria-hidden=\"true\"></span><b>")
                h.text(name)
                h.raw("</b>")
                if let n = item["mentions"]?.scalarText { h.raw(" <small>×"); h.text(n); h.raw("</small>") }
                var badges: [(String, String)] = []
                let standard: Set<String> = ["canonical", "text", "id", "mentions", "forms", "first_sentence", "in_title"]
                for m in item.members where !standard.contains(m.key) && !m.value.isNull {
                    badges.append((m.key, Generic.inline(m.value)))
                }
                for (k, v) in extra[g.key + "\u{0}" + name] ?? [] where !badges.contains(where: { $0.0 == k }) {
                    badges.append((k, v))
                }
                if item["in_title"] == .bool(true) { badges.append(("", "in headline")) }
                for (k, v) in badges {
                    h.raw("<span class=\"badge\"")
                    if !k.isEmpty { h.raw(" data-key=\""); h.text(k); h.raw("\"") }
                    h.raw(">")
                    h.text(k.isEmpty ? v : "\(k): \(v)")
                    h.raw("</span>")
                }
                let forms = item["forms"]?.array.compactMap(\.string).filter { $0 != name } ?? []
                let id = item["id"]?.string
                if !forms.isEmpty || id != nil {
                    h.raw("<div class=\"forms\">")
                    if !forms.isEmpty { h.text("as " + forms.joined(separator: ", ")) }
                    if let id { h.raw(forms.isEmpty ? "" : " · "); h.raw("<code>"); h.text(id); h.raw("</code>") }
                    h.raw("</div>")
                }
                h.raw("</li>")
            }
            h.raw("</ol></section>")
        }

        money(report, into: &h)

        if let dates = summary["dates"]?.array, !dates.isEmpty {
            h.raw("<section id=\"sum-dates\"><h3>Dates <small>\(dates.count)</small></h3><p>")
            h.text(dates.map { Generic.inline($0) }.joined(separator: " · "))
            h.raw("</p></section>")
        }

        let known: Set<String> = ["entities", "money_totals", "largest_amounts", "dates"]
        for m in summary.members where !known.contains(m.key) {
            h.raw("<section class=\"sum-other\" data-summary=\"")
            h.text(m.key)
            h.raw("\"><h3>")
            h.text(m.key.replacingOccurrences(of: "_", with: " "))
            h.raw("</h3>")
            Generic.block(m.value, into: &h)
            h.raw("</section>")
        }
    }

    /// Money: totals per currency, amounts by role and holder (from the body's money entities),
    /// and the largest amounts with their sentence.
    static func money(_ report: JSON, into h: inout HTML) {
        let summary = report["summary"] ?? .null
        let amounts = (report["entities"]?.array ?? []).filter { $0["type"]?.string.flatMap(EntityType.init(rawValue:)) == .money }
        let totals = summary["money_totals"]?.members ?? []
        if amounts.isEmpty && totals.isEmpty { return }
        h.raw("<section id=\"sum-money\"><h3>Money <small>\(amounts.count)</small></h3>")
        if !totals.isEmpty {
            h.raw("<p>Total: ")
            h.text(totals.map { "\(Generic.inline($0.value)) \($0.key)" }.joined(separator: " + "))
            h.raw("</p>")
        }
        if !amounts.isEmpty {
            // Rows by role, then holder, in order of first mention.
            struct Row { var role: String; var holder: String; var texts: [String]; var totals: [String: Decimal] }
            var rows: [Row] = []
            for e in amounts {
                let role = e["role"]?.scalarText ?? "—"
                let holder = e["holder"].map { $0["canonical"]?.string ?? $0["text"]?.string ?? Generic.inline($0) } ?? "—"
                let i = rows.firstIndex { $0.role == role && $0.holder == holder } ?? {
                    rows.append(Row(role: role, holder: holder, texts: [], totals: [:]))
                    return rows.count - 1
                }()
                rows[i].texts.append(e["text"]?.string ?? "")
                if let d = Decimals.parse(e["value"]) { rows[i].totals[e["currency"]?.string ?? "unknown", default: 0] += d }
            }
            h.raw("<table id=\"money-by-role\"><thead><tr><th>role</th><th>holder</th><th>amounts</th><th class=\"num\">total</th></tr></thead><tbody>")
            for r in rows {
                h.raw("<tr><td>"); h.text(r.role)
                h.raw("</td><td>"); h.text(r.holder)
                h.raw("</td><td>"); h.text(r.texts.joined(separator: "、"))
                h.raw("</td><td class=\"num\">"); h.text(Decimals.totals(r.totals))
                h.raw("</td></tr>")
            }
            h.raw("</tbody></table>")
        }
        if let largest = summary["largest_amounts"]?.array, !largest.isEmpty {
            h.raw("<h3>Largest amounts</h3><ol>")
            for a in largest {
                h.raw("<li><b>")
                h.text(a["text"]?.string ?? "")
                h.raw("</b> = ")
                h.text(Generic.inline(a["value"] ?? .null) + " " + (a["currency"]?.string ?? ""))
                let rest = a.members.filter { !["text", "value", "currency", "sentence", "sentence_text"].contains($0.key) }
                for m in rest { h.raw(" <span class=\"badge\">"); h.text("\(m.key): \(Generic.inline(m.value))"); h.raw("</span>") }
                if let s = a["sentence_text"]?.string { h.raw("<div class=\"forms\">"); h.text(s); h.raw("</div>") }
                h.raw("</li>")
            }
            h.raw("</ol>")
        }
        h.raw("</section>")
    }
}
