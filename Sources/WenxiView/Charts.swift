/// Bar charts drawn as inline SVG (no library, no script): every label is escaped text, every
/// bar has a `<title>` for its exact figure.
package enum Charts {
    package struct Bar {
        package var label: String
        package var value: Double
        /// The figure printed after the bar.
        package var note: String
        /// A link for the label and bar (e.g. `#q=NAME` to search the document list).
        package var href: String?
        /// The bar's tooltip, when longer than `note`.
        package var detail: String?
        package init(label: String, value: Double, note: String, href: String? = nil, detail: String? = nil) {
            self.label = label
            self.value = value
            self.note = note
            self.href = href
            self.detail = detail
        }
    }

    /// Horizontal bars, one row each, longest first as given.
    package static func horizontal(_ bars: [Bar], id: String, title: String, barClass: String = "bar") -> String {
        let rowH = 22, labelW = 176, barMax = 190
        // Notes are mostly ASCII digits: about 7 px a character at 12 px.
        let noteW = max(60, min(320, 10 + 7 * (bars.map { $0.note.count }.max() ?? 0)))
        let width = labelW + barMax + noteW
        let height = max(1, bars.count) * rowH + 4
        let top = bars.map(\.value).max() ?? 0
        var h = HTML(capacity: 4096)
        h.raw("<svg class=\"chart-svg\" id=\"\(id)\" role=\"img\" style=\"width:100%;max-width:\(width)px;height:auto\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
        h.text(title)
        h.raw("</title>")
        if bars.isEmpty { h.raw("<text x=\"0\" y=\"16\">none</text>") }
        for (k, b) in bars.enumerated() {
            let y = k * rowH + 2
            let w = top > 0 ? max(1, Int((b.value / top * Double(barMax)).rounded())) : 1
            if let href = b.href { h.raw("<a href=\""); h.text(href); h.raw("\">") }
            h.raw("<text x=\"\(labelW - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">")
            h.text(clip(b.label, 14))
            h.raw("</text><rect class=\"\(barClass)\" x=\"\(labelW)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowH - 6)\"><title>")
            h.text("\(b.label): \(b.detail ?? b.note)")
            h.raw("</title></rect>")
            if b.href != nil { h.raw("</a>") }
            h.raw("<text x=\"\(labelW + w + 6)\" y=\"\(y + 15)\">")
            h.text(b.note)
            h.raw("</text>")
        }
        h.raw("</svg>")
        return String(decoding: h.bytes, as: UTF8.self)
    }

    /// A label cut to `n` characters, with `…` when cut.
    static func clip(_ s: String, _ n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }

    /// Documents per day as columns, days without documents included. Over a span longer than
    /// `maxColumns` days the columns are months (and years beyond `maxColumns` months); the
    /// returned unit says which.
    package static func timeline(_ perDay: [String: Int], id: String, maxColumns: Int = 400) -> (svg: String, unit: String) {
        let days = perDay.keys.compactMap { key in CivilDay(key).map { ($0, perDay[key]!) } }
        guard let first = days.map(\.0.number).min(), let last = days.map(\.0.number).max() else {
            return ("<p class=\"muted\">No dated documents.</p>", "day")
        }
        var unit = "day"
        var columns: [(label: String, count: Int)] = []
        if last - first + 1 <= maxColumns {
            var byNumber: [Int: Int] = [:]
            for (d, n) in days { byNumber[d.number, default: 0] += n }
            for n in first...last { columns.append((CivilDay(number: n).text, byNumber[n] ?? 0)) }
        } else {
            var byMonth: [Int: Int] = [:]
            for (d, n) in days { byMonth[d.year * 12 + d.month - 1, default: 0] += n }
            let (m0, m1) = (byMonth.keys.min()!, byMonth.keys.max()!)
            if m1 - m0 + 1 <= maxColumns {
                unit = "month"
                for m in m0...m1 { columns.append((String(format4(m / 12)) + "-" + pad2(m % 12 + 1), byMonth[m] ?? 0)) }
            } else {
                unit = "year"
                var byYear: [Int: Int] = [:]
                for (d, n) in days { byYear[d.year, default: 0] += n }
                for y in byYear.keys.min()!...byYear.keys.max()! { columns.append((format4(y), byYear[y] ?? 0)) }
            }
        }
        let top = max(1, columns.map(\.count).max() ?? 1)
        let colW = max(2, min(24, 900 / max(1, columns.count)))
        let left = 44, plotH = 160, bottom = 22
        let width = max(240, left + columns.count * colW + 50) // room for the last label
        let height = plotH + bottom + 8
        var h = HTML(capacity: 64 << 10)
        h.raw("<svg class=\"chart-svg\" id=\"\(id)\" role=\"img\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\"><title>Documents per \(unit)</title>")
        h.raw("<line class=\"axis\" x1=\"\(left)\" y1=\"\(plotH + 4)\" x2=\"\(width - 6)\" y2=\"\(plotH + 4)\"/>")
        h.raw("<text x=\"\(left - 6)\" y=\"14\" text-anchor=\"end\">\(top)</text><text x=\"\(left - 6)\" y=\"\(plotH + 4)\" text-anchor=\"end\">0</text>")
        for (k, c) in columns.enumerated() where c.count > 0 {
            let bh = max(1, Int((Double(c.count) / Double(top) * Double(plotH - 8)).rounded()))
            let x = left + k * colW
            h.raw("<rect class=\"bar\" x=\"\(x)\" y=\"\(plotH + 4 - bh)\" width=\"\(max(1, colW - 1))\" height=\"\(bh)\"><title>")
            h.text("\(c.label): \(c.count)")
            h.raw("</title></rect>")
        }
        // Labels under the axis: the first column and then about every 110 px.
        let every = max(1, 110 / colW)
        for k in stride(from: 0, to: columns.count, by: every) {
            h.raw("<text x=\"\(left + k * colW)\" y=\"\(plotH + 20)\">")
            h.text(columns[k].label)
            h.raw("</text>")
        }
        h.raw("</svg>")
        return (String(decoding: h.bytes, as: UTF8.self), unit)
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func format4(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }
}

/// A proleptic Gregorian day, numbered (days since 1970-01-01) for stepping through a range.
struct CivilDay {
    var year: Int, month: Int, day: Int

    /// From `YYYY-MM-DD`; nil when it is not a real date.
    init?(_ s: String) {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == 0x2D, u[7] == 0x2D,
              let y = Int(String(decoding: u[0..<4], as: UTF8.self)),
              let m = Int(String(decoding: u[5..<7], as: UTF8.self)),
              let d = Int(String(decoding: u[8..<10], as: UTF8.self)),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        (year, month, day) = (y, m, d)
        guard CivilDay(number: number).day == d else { return nil } // 2023-02-30
    }

    /// Howard Hinnant's `civil_from_days`.
    init(number z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Howard Hinnant's `days_from_civil`.
    var number: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    var text: String { Charts.format4(year) + "-" + Charts.pad2(month) + "-" + Charts.pad2(day) }
}
