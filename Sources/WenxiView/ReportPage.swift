import Foundation

/// One report's page: the title and metadata, the body text with every entity highlighted, the
/// captions, related links and findings, and a side panel with the report's summary.
///
/// Each highlight is a `<mark class="e">` with `data-type` (the entity type), `data-i` (its index
/// in the report's list: `entities`, `title_entities` or a related link's `entities`, told apart
/// by `data-part`), an `id` (`b12` for `entities[12]`, `t0` for a title entity) and `data-tip`, the tooltip shown on hover and on keyboard focus: type,
/// canonical name, id, jurisdiction, parent, role, holder, value and currency, every other key
/// the entity has, and its source. Offsets are Unicode scalar offsets into the text.
package enum ReportPage {
    package struct Rendered {
        package var html: [UInt8]
        /// Body entities highlighted.
        package var highlighted: Int
        /// Body entities that could not be (offsets outside the text, or overlapping another).
        package var skipped: Int
    }

    /// Renders `report` (one parsed report line). `indexHref` links back to the corpus page.
    package static func render(_ report: JSON, indexHref: String = "../index.html") -> Rendered {
        var h = HTML(capacity: 64 << 10)
        let meta = report["meta"] ?? .null
        let source = report["source"] ?? .null
        let path = source["path"]?.string ?? report["id"]?.string ?? "report"
        let title = meta["title"]?.string
        let text = report["text"]?.string ?? ""
        let entities = report["entities"]?.array ?? []
        let titleEntities = report["title_entities"]?.array ?? []
        let related = report["related"]?.array ?? []

        var types = Set(entities.compactMap { $0["type"]?.string })
        types.formUnion(titleEntities.compactMap { $0["type"]?.string })
        for link in related { types.formUnion((link["entities"]?.array ?? []).compactMap { $0["type"]?.string }) }
        for m in report["summary"]?["entities"]?.members ?? [] { types.insert(m.key) }
        let typeList = types.sorted(by: TypeColors.order)

        h.raw("<!doctype html>\n<html lang=\"zh-Hant\"><head><meta charset=\"utf-8\">")
        h.raw("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
        h.text(title ?? path)
        h.raw(" · Wenxi</title><style>")
        h.raw(Style.css)
        h.raw(TypeColors.css(for: typeList))
        h.raw("</style></head><body>\n<header><nav><a href=\"")
        h.text(indexHref)
        h.raw("\">← all documents</a></nav><h1 id=\"title\">")
        if let title {
            _ = highlight(text: title, entities: titleEntities, part: "title", into: &h)
        } else {
            h.text(path)
        }
        h.raw("</h1>\n")
        metadata(report, into: &h)
        h.raw("</header>\n<div class=\"layout\"><main>\n")

        // Legend: the types on this page with their number of body mentions.
        var counts: [String: Int] = [:]
        for e in entities { counts[e["type"]?.string ?? "?", default: 0] += 1 }
        h.raw("<h2 id=\"legend-h\">Entities</h2><ul class=\"legend\" id=\"legend\" aria-labelledby=\"legend-h\">")
        for t in typeList {
            h.raw("<li data-legend=\"")
            h.text(t)
            h.raw("\"><span class=\"sw sw-")
            h.text(TypeColors.isPlainName(t) ? t : "other")
            h.raw("\" aria-hidden=\"true\"></span>")
            h.text(t)
            h.raw(" <small>\(counts[t] ?? 0)</small></li>")
        }
        h.raw("</ul><p class=\"muted\" style=\"font-size:.85rem\">Hover over or tab to a highlight for its canonical name, id and source.</p>\n")

        h.raw("<div id=\"text\" class=\"text\" lang=\"zh\">")
        let body = highlight(text: text, entities: entities, part: "body", into: &h)
        h.raw("</div>\n")

        if !body.skipped.isEmpty {
            h.raw("<section id=\"not-highlighted\"><h2>Not highlighted</h2><ul>")
            for (i, why) in body.skipped {
                h.raw("<li>entity \(i) (")
                h.text(entities[i]["text"]?.string ?? "")
                h.raw("): ")
                h.text(why)
                h.raw("</li>")
            }
            h.raw("</ul></section>\n")
        }

        let captions = report["captions"]?.array ?? []
        if !captions.isEmpty {
            h.raw("<section id=\"captions\"><h2>Captions</h2><ul>")
            for c in captions {
                h.raw("<li>")
                h.text(Generic.inline(c))
                h.raw("</li>")
            }
            h.raw("</ul></section>\n")
        }

        if !related.isEmpty {
            h.raw("<section id=\"related\"><h2>Related links</h2><ul>")
            for link in related {
                h.raw("<li>")
                let t = link["title"]?.string ?? ""
                if let url = link["url"]?.string, let safe = HTML.safeURL(url) {
                    h.raw("<a href=\"")
                    h.text(safe)
                    h.raw("\" rel=\"noreferrer\">")
                    _ = highlight(text: t, entities: link["entities"]?.array ?? [], part: "related", into: &h)
                    h.raw("</a>")
                } else {
                    _ = highlight(text: t, entities: link["entities"]?.array ?? [], part: "related", into: &h)
                    if let url = link["url"]?.string {
                        h.raw(" <small>")
                        h.text(url)
                        h.raw("</small>")
                    }
                }
                h.raw("</li>")
            }
            h.raw("</ul></section>\n")
        }

        let findings = report["findings"]?.array ?? []
        h.raw("<section id=\"findings\"><h2>Findings</h2>")
        if findings.isEmpty {
            h.raw("<p class=\"muted\">None: the document was read without problems.</p>")
        } else {
            for f in findings {
                h.raw("<p class=\"finding\"><b>")
                h.text(f["code"]?.string ?? "finding")
                h.raw("</b> ")
                h.text(f["message"]?.string ?? Generic.inline(f))
                if let line = f["line"]?.scalarText { h.text(" (line \(line))") }
                if let off = f["offset"]?.scalarText { h.text(" (byte \(off))") }
                h.raw("</p>")
            }
        }
        h.raw("</section>\n")

        // Keys of the report this page has no place for yet, shown as they are.
        let shown: Set<String> = ["schema", "id", "source", "meta", "text", "paragraphs", "sentences", "tokens",
                                  "stats", "entities", "title_entities", "captions", "related", "byline",
                                  "credits", "summary", "findings"]
        let others = report.members.filter { !shown.contains($0.key) }
        if !others.isEmpty {
            h.raw("<section id=\"other\"><h2>Other fields</h2>")
            Generic.block(.object(others), into: &h)
            h.raw("</section>\n")
        }
        h.raw("</main>\n<aside id=\"summary\"><h2>Summary</h2>")
        SummaryPanel.render(report, into: &h)
        h.raw("</aside></div>\n<footer>Written by <code>wenxi view</code> from ")
        h.text(report["schema"]?.string ?? "a report")
        h.raw(". Offsets are Unicode scalar offsets into the text.</footer>\n</body></html>\n")
        return Rendered(html: h.bytes, highlighted: body.marked, skipped: body.skipped.count)
    }

    static func metadata(_ report: JSON, into h: inout HTML) {
        let meta = report["meta"] ?? .null
        let source = report["source"] ?? .null
        h.raw("<dl class=\"meta\" id=\"meta\">")
        func row(_ k: String, _ write: (inout HTML) -> Void) {
            h.raw("<dt>"); h.text(k); h.raw("</dt><dd>")
            write(&h)
            h.raw("</dd>")
        }
        for m in meta.members where m.key != "title" {
            if case .array(let a) = m.value, a.isEmpty { continue }
            if m.value.isNull { continue }
            row(m.key) { h in
                if m.key == "url", let u = m.value.string, let safe = HTML.safeURL(u) {
                    h.raw("<a href=\"")
                    h.text(safe)
                    h.raw("\" rel=\"noreferrer\">")
                    h.text(u)
                    h.raw("</a>")
                } else {
                    h.text(Generic.inline(m.value))
                }
            }
        }
        if let id = report["id"]?.scalarText { row("id") { $0.text(id) } }
        if let p = source["path"]?.string { row("source") { h in h.raw("<code>"); h.text(p); h.raw("</code>") } }
        let facts = ["format", "encoding", "bytes"].compactMap { k in source[k]?.scalarText.map { "\(k) \($0)" } }
        if !facts.isEmpty { row("read as") { $0.text(facts.joined(separator: " · ")) } }
        if let sha = source["sha256"]?.string { row("sha256") { h in h.raw("<code>"); h.text(sha); h.raw("</code>") } }
        if let stats = report["stats"], !stats.members.isEmpty {
            row("stats") { $0.text(stats.members.map { "\($0.key) \(Generic.inline($0.value))" }.joined(separator: " · ")) }
        }
        if let b = report["byline"], !b.isNull {
            row("byline") { h in
                h.text(b["text"]?.string ?? "")
                let rest = b.members.filter { !["text", "start", "end"].contains($0.key) && !$0.value.isNull }
                if !rest.isEmpty { h.raw(" <small>"); h.text(rest.map { "\($0.key): \(Generic.inline($0.value))" }.joined(separator: "; ")); h.raw("</small>") }
            }
        }
        if let c = report["credits"], !c.isNull {
            let parts = c.members.filter { m in
                if case .array(let a) = m.value { return !a.isEmpty }
                return !m.value.isNull
            }
            if !parts.isEmpty { row("credits") { $0.text(parts.map { "\($0.key): \(Generic.inline($0.value))" }.joined(separator: "; ")) } }
        }
        h.raw("</dl>")
    }

    /// Writes `text` escaped, with each entity wrapped in a highlight. Entities are taken in
    /// order of `start`; one whose offsets fall outside the text or overlap the previous one is
    /// left out (and returned with the reason) rather than drawn wrongly.
    package static func highlight(text: String, entities: [JSON], part: String, into h: inout HTML)
        -> (marked: Int, skipped: [(index: Int, reason: String)]) {
        let bytes = Array(text.utf8)
        // Byte offset of each scalar, plus the end.
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count + 1)
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { starts.append(i) }
        let scalars = starts.count
        starts.append(bytes.count)

        var order: [(start: Int, end: Int, index: Int)] = []
        var skipped: [(index: Int, reason: String)] = []
        for (i, e) in entities.enumerated() {
            guard let s = e["start"]?.int, let t = e["end"]?.int else {
                skipped.append((i, "no start/end offsets"))
                continue
            }
            guard s >= 0, s < t, t <= scalars else {
                skipped.append((i, "offsets \(s)..<\(t) outside the text (\(scalars) characters)"))
                continue
            }
            order.append((s, t, i))
        }
        order.sort { ($0.start, $0.end, $0.index) < ($1.start, $1.end, $1.index) }
        var at = 0 // scalar offset written so far
        var marked = 0
        for (s, t, i) in order {
            if s < at {
                skipped.append((i, "overlaps the entity before it"))
                continue
            }
            h.text(bytes: bytes[starts[at]..<starts[s]])
            let e = entities[i]
            let type = e["type"]?.string ?? "entity"
            h.raw("<mark class=\"e\" tabindex=\"0\" ")
            if let prefix = anchorPrefix[part] { h.raw("id=\"\(prefix)\(i)\" ") }
            h.raw("data-part=\"\(part)\" data-i=\"\(i)\" data-type=\"")
            h.text(type)
            h.raw("\" data-tip=\"")
            h.text(tip(e))
            h.raw("\">")
            h.text(bytes: bytes[starts[s]..<starts[t]])
            h.raw("</mark>")
            at = t
            marked += 1
        }
        h.text(bytes: bytes[starts[at]..<bytes.count])
        skipped.sort { $0.index < $1.index }
        return (marked, skipped)
    }

    /// Highlights of the body and title have ids (`b12`: `entities[12]`, `t0`: `title_entities[0]`),
    /// so a link can point at one and show its tooltip (`page.html#b12`).
    static let anchorPrefix = ["body": "b", "title": "t"]

    /// The keys shown first in a tooltip, in this order; the rest follow by name, `source` last.
    static let tipOrder = ["canonical", "id", "jurisdiction", "jurisdiction_source", "parent", "level", "role",
                           "holder", "value", "range_to", "qualifier", "equivalent_of", "date", "inferred",
                           "ambiguous", "candidates"]
    static let tipHidden: Set<String> = ["type", "text", "start", "end", "sentence", "source", "currency", "unit"]

    /// A highlight's tooltip: one `key: value` line per key the entity has.
    package static func tip(_ e: JSON) -> String {
        var lines = [e["type"]?.string ?? "entity"]
        func line(_ k: String, _ v: JSON) {
            if v.isNull { return }
            if k == "value" {
                var s = "value: " + Generic.inline(v)
                if let c = e["currency"]?.string ?? e["unit"]?.string { s += " " + c }
                lines.append(s)
            } else {
                lines.append("\(k): \(Generic.inline(v))")
            }
        }
        for k in tipOrder { if let v = e[k] { line(k, v) } }
        if e["value"] == nil {
            if let c = e["currency"] { line("currency", c) }
            if let u = e["unit"] { line("unit", u) }
        }
        let known = Set(tipOrder).union(tipHidden)
        for m in e.members.filter({ !known.contains($0.key) }).sorted(by: { $0.key < $1.key }) { line(m.key, m.value) }
        if let s = e["source"] { line("source", s) }
        return lines.joined(separator: "\n")
    }
}
