/// Renders JSON that the view has no special layout for (keys added to reports later), so that
/// whatever a report holds shows on its page.
enum Generic {
    /// One line of text for a value: scalars as written (numbers grouped), arrays joined with
    /// `, `, a named object (`canonical` or `text`) as its name with its id, an amount
    /// (`value`) as value and currency, other objects as `key: value; …`.
    static func inline(_ v: JSON, depth: Int = 0) -> String {
        if depth > 4 { return "…" }
        switch v {
        case .null: return "—"
        case .bool(let b): return b ? "yes" : "no"
        case .number(let n): return groupedDigits(n)
        case .string(let s): return s
        case .array(let a): return a.map { inline($0, depth: depth + 1) }.joined(separator: ", ")
        case .object:
            if let name = v["canonical"]?.string ?? v["text"]?.string {
                var out = name
                if let t = v["text"]?.string, t != name { out += " (\(t))" }
                if let id = v["id"]?.string { out += " · \(id)" }
                return out
            }
            if let value = v["value"]?.scalarText {
                var out = groupedDigits(value)
                if let unit = v["currency"]?.string ?? v["unit"]?.string { out += " \(unit)" }
                return out
            }
            return v.members.map { "\($0.key): \(inline($0.value, depth: depth + 1))" }.joined(separator: "; ")
        }
    }

    /// A block for a value: an object as a definition list, an array of flat objects as a
    /// table, an array of scalars as one line, anything else nested.
    static func block(_ v: JSON, into h: inout HTML, depth: Int = 0) {
        if depth > 5 {
            h.text(inline(v))
            return
        }
        switch v {
        case .object(let members):
            if members.isEmpty { h.raw("<span class=\"muted\">—</span>"); return }
            h.raw("<dl class=\"meta\">")
            for m in members {
                h.raw("<dt>"); h.text(m.key); h.raw("</dt><dd>")
                block(m.value, into: &h, depth: depth + 1)
                h.raw("</dd>")
            }
            h.raw("</dl>")
        case .array(let items):
            if items.isEmpty { h.raw("<span class=\"muted\">—</span>"); return }
            let flat = items.allSatisfy { item in
                if case .object(let ms) = item { return ms.allSatisfy { isFlat($0.value) } }
                return false
            }
            if flat {
                var keys: [String] = []
                for item in items {
                    for m in item.members where !keys.contains(m.key) { keys.append(m.key) }
                }
                table(keys: keys, rows: items, into: &h)
            } else if items.allSatisfy({ $0.scalarText != nil || $0.isNull }) {
                h.text(inline(v))
            } else {
                h.raw("<ol>")
                for item in items {
                    h.raw("<li>")
                    block(item, into: &h, depth: depth + 1)
                    h.raw("</li>")
                }
                h.raw("</ol>")
            }
        default:
            h.text(inline(v))
        }
    }

    /// Scalars, and arrays or objects of scalars (shown inline in a table cell).
    static func isFlat(_ v: JSON) -> Bool {
        switch v {
        case .array(let a): return a.allSatisfy { $0.scalarText != nil || $0.isNull }
        case .object(let m): return m.allSatisfy { $0.value.scalarText != nil || $0.value.isNull }
        default: return true
        }
    }

    static func table(keys: [String], rows: [JSON], into h: inout HTML) {
        h.raw("<table><thead><tr>")
        for k in keys { h.raw("<th>"); h.text(k); h.raw("</th>") }
        h.raw("</tr></thead><tbody>")
        for row in rows {
            h.raw("<tr>")
            for k in keys {
                let cell = row[k]
                if case .number = cell { h.raw("<td class=\"num\">") } else { h.raw("<td>") }
                if let cell { h.text(inline(cell)) }
                h.raw("</td>")
            }
            h.raw("</tr>")
        }
        h.raw("</tbody></table>")
    }
}
