/// CNA's dateline and credit lines of one text, found once after segmentation by `BylineFinder`.
/// The tagger, the amount stage and the report assembly read these spans instead of recognising
/// datelines and credit lines again. Offsets are scalar offsets into the text that was searched.
struct BylineSpans: Sendable, Equatable {
    /// The bracket that opens the body (the text's first line, or its second after a headline
    /// within 200 scalars), closing within 60 scalars: CNA's dateline or another agency's
    /// (（記者王小明／台北報導）). The tagger weighs the mentions inside it as the dateline's (places
    /// count three times, and their state is the dateline's jurisdiction). Its range stops
    /// before the closing bracket.
    var opening: Range<Int>?
    /// Every dateline, in text order; the last one is the report's `byline`.
    var datelines: [Dateline] = []
    /// Every credit line, in text order.
    var creditLines: [CreditLine] = []
    /// The last valid closing date code after a parenthesis holding a `role：` (（編輯：林恕暉）1120919):
    /// it dates the article when the front matter does not.
    var closingDate: CivilDate?

    /// （中央社記者葉臻桃園19日電）: where its parts are.
    struct Dateline: Sendable, Equatable {
        /// The whole dateline, brackets included.
        var span: Span
        /// The day's digits, 19 (without 日).
        var day: Span
        /// The day of the month as written (19).
        var dayValue: Int?
        /// Every reporter but the last, whose name runs into the place (`nameAndPlace`).
        var reporters: [Span] = []
        /// The last reporter's name and the place, written together (葉臻桃園): split with the
        /// tagger's entities (`byline(in:named:date:)`). Nil without 記者.
        var nameAndPlace: Span?
        /// The place when no reporter is named (（中央社台北19日電）).
        var place: Span?
    }

    /// （編輯：林恕暉）1120919, （譯者：A/核稿：B）: the line, what it credits and its date code.
    struct CreditLine: Sendable, Equatable {
        /// The credit line with its date code when there is one.
        var span: Span
        /// The names of this line by role, with its date code.
        var credits: Credits
        /// The 7-digit ROC date code after the line, when valid.
        var code: Span?
    }

    /// The credits of every credit line together: each name once per role, in order of first
    /// mention; the date code of the last line that has one. Nil without credit lines.
    var credits: Credits? {
        guard !creditLines.isEmpty else { return nil }
        var c = Credits()
        for line in creditLines {
            for n in line.credits.editors where !c.editors.contains(n) { c.editors.append(n) }
            for n in line.credits.translators where !c.translators.contains(n) { c.translators.append(n) }
            for n in line.credits.checkers where !c.checkers.contains(n) { c.checkers.append(n) }
            if line.credits.dateCode != nil {
                c.dateCode = line.credits.dateCode
                c.date = line.credits.date
            }
        }
        return c
    }

    /// Where the staff of the last dateline and of every credit line are (their names are never
    /// money holders), from offset `prefix` on, shifted back by it.
    func staffSpans(from prefix: Int) -> [Span] {
        var out: [Span] = []
        if let d = datelines.last, d.span.start >= prefix { out.append(Span(start: d.span.start - prefix, end: d.span.end - prefix)) }
        for c in creditLines where c.span.start >= prefix { out.append(Span(start: c.span.start - prefix, end: c.span.end - prefix)) }
        return out
    }
}

extension BylineSpans.Dateline {
    /// The report's byline: reporters and place (the last reporter's name split from the place
    /// by `named`, the tagger's entities sorted by start), `date` the resolved day.
    func byline(in s: [Unicode.Scalar], named: [Entity], date: String?) -> Byline {
        func text(_ a: Int, _ b: Int) -> String { String(scalars: s[a..<b]) }
        var reporters = self.reporters.map { text($0.start, $0.end) }
        var place = self.place.map { text($0.start, $0.end) }
        if let last = nameAndPlace {
            let split = BylineFinder.splitNamePlace(s, last.start, last.end, named: named)
            reporters.append(text(last.start, split))
            if split < last.end { place = text(split, last.end) }
        }
        return Byline(agency: "中央社", reporters: reporters, place: place, date: date,
                      text: text(span.start, span.end), start: span.start, end: span.end)
    }
}

/// The byline step: finds CNA's datelines and credit lines in one pass over the text's opening
/// brackets. See the README section "Byline and credits".
enum BylineFinder {
    static func find(_ s: [Unicode.Scalar]) -> BylineSpans {
        var out = BylineSpans()
        out.opening = openingBracket(s)
        out.closingDate = closingDateCode(s)
        let n = s.count
        s.withUnsafeBufferPointer { p in
            // Only opening parentheses start a dateline or a credit line: found a vector at a time.
            var i = UnitScan.first(p, from: 0, to: n, "（", "(")
            while i < n {
                if let d = dateline(s, at: i) {
                    out.datelines.append(d)
                    i = d.span.end
                } else if let c = creditLine(s, at: i) {
                    out.creditLines.append(c)
                    i = c.span.end
                } else {
                    i += 1
                }
                i = UnitScan.first(p, from: i, to: n, "（", "(")
            }
        }
        return out
    }

    /// The bracket that opens the body: see `BylineSpans.opening`.
    static func openingBracket(_ s: [Unicode.Scalar]) -> Range<Int>? {
        var start = 0
        if !s.isEmpty, s[0] != "（" && s[0] != "(" {
            guard let nl = s.prefix(200).firstIndex(of: "\n") else { return nil }
            start = nl + 1
        }
        guard s.count > start + 4, s[start] == "（" || s[start] == "(" else { return nil }
        var j = start + 1
        while j < min(s.count, start + 60) {
            if s[j] == "）" || s[j] == ")" { return start..<j }
            j += 1
        }
        return nil
    }

    /// （中央社記者葉臻桃園19日電）, （中央社記者A、B台北19日電）, （中央社台北19日綜合外電報導）,
    /// （中央社記者X華盛頓18日專電）.
    static func dateline(_ s: [Unicode.Scalar], at i: Int) -> BylineSpans.Dateline? {
        let n = s.count
        guard i + 1 < n, s[i + 1] == "中" else { return nil }
        guard s.has("中央社", at: i + 1) else { return nil }
        let close: Unicode.Scalar = s[i] == "（" ? "）" : ")"
        var e = i + 4
        while e < n && e - i < 60 && s[e] != close && s[e] != "\n" { e += 1 }
        guard e < n, s[e] == close else { return nil }
        // The day: the last digits followed by 日 before 電/報導.
        var dayStart = -1, dayEnd = -1
        var k = i + 4
        while k < e {
            if Numerals.asciiDigit(s[k]) != nil {
                var q = k
                while q < e && Numerals.asciiDigit(s[q]) != nil { q += 1 }
                if q < e && s[q] == "日" { dayStart = k; dayEnd = q }
                k = q
            } else { k += 1 }
        }
        guard dayStart > 0 else { return nil }
        guard wireWord(s, dayEnd + 1, e) else { return nil }
        var d = Dateline(span: Span(start: i, end: e + 1), day: Span(start: dayStart, end: dayEnd))
        var who = i + 4
        let hasReporter = s.has("記者", at: who) || s.has("记者", at: who)
        if hasReporter {
            who += 2
            // Names separated by 、 or ／; the last part is a name followed by the place.
            var parts: [Span] = []
            var a = who
            for q in who..<dayStart where s[q] == "、" || s[q] == "／" || s[q] == "/" || s[q] == " " {
                if q > a { parts.append(Span(start: a, end: q)) }
                a = q + 1
            }
            if dayStart > a { parts.append(Span(start: a, end: dayStart)) }
            guard let last = parts.last else { return nil }
            d.reporters = Array(parts.dropLast())
            d.nameAndPlace = last
        } else if dayStart > who {
            d.place = Span(start: who, end: dayStart)
        }
        // Nil when the digits overflow an Int (they are read as a day only when they fit).
        var value: Int? = 0
        for q in dayStart..<dayEnd {
            guard let v = value else { break }
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int(Numerals.asciiDigit(s[q])!))
            value = o1 || o2 ? nil : a
        }
        d.dayValue = value
        return d
    }
    typealias Dateline = BylineSpans.Dateline

    /// True when `s[a..<b]` holds 電, 电, 報導 or 报导 (what follows a dateline's day). On plain
    /// scalars (`isPlain`) the scalars are compared; otherwise as Strings (Foundation's search,
    /// whose canonical equivalence and grapheme clusters matter only for other scalars).
    static func wireWord(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard a < b else { return false }
        guard isPlain(s, a, b) else {
            let rest = String(scalars: s[a..<b])
            return rest.contains("電") || rest.contains("报导") || rest.contains("報導") || rest.contains("电")
        }
        for q in a..<b {
            switch s[q] {
            case "電", "电": return true
            case "導" where q > a && s[q - 1] == "報": return true
            case "导" where q > a && s[q - 1] == "报": return true
            default: continue
            }
        }
        return false
    }

    /// True when every scalar of `s[a..<b]` is one on which scalar comparison and String
    /// comparison agree: it is a grapheme cluster of its own (no combining, joining or Hangul
    /// jamo scalars, no CR) and has no canonical decomposition (no CJK compatibility
    /// ideographs). Printable ASCII, CJK punctuation without the tone marks, kana, the unified
    /// ideographs of the BMP, full-width ASCII and the middle dots names use.
    @inline(__always)
    static func isPlain(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        for q in a..<b {
            switch s[q].value {
            case 0x20...0x7E, 0xB7, 0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3041...0x3096,
                 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E:
                continue
            default:
                return false
            }
        }
        return true
    }

    /// Where the reporter's name ends and the place begins in `a..<b` (葉臻桃園 → 2): the entity
    /// tagger's place or person spans first (`named`, sorted by start), then known dateline
    /// places, then a 2-character place.
    static func splitNamePlace(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, named: [Entity]) -> Int {
        // Only entities starting in a..<b can match: found by binary search, not by reading
        // every entity for every dateline (quadratic on a text of datelines).
        var lo = 0, hi = named.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if named[mid].start < a { lo = mid + 1 } else { hi = mid }
        }
        let inside = named[lo...].prefix { $0.start < b }
        for e in inside where e.type == .place && e.end == b && e.start > a { return e.start }
        for e in inside where e.type == .person && e.start == a && e.end < b && e.end > a { return e.end }
        for p in AmountLexicon.datelinePlaces {
            let c = p.unicodeScalars.count
            if b - c > a, s.has(p, at: b - c) { return b - c }
        }
        return b - a >= 4 ? b - 2 : b
    }

    /// Credit roles and the list each fills (built when a bracket opens with a role's first
    /// character: key paths are not `Sendable`, so the table is not a stored static).
    static var creditRoles: [(String, WritableKeyPath<Credits, [String]>)] {
        [
            ("編輯", \.editors), ("编辑", \.editors), ("責任編輯", \.editors), ("譯者", \.translators),
            ("译者", \.translators), ("翻譯", \.translators), ("核稿", \.checkers),
        ]
    }

    /// The roles of `creditRoles` as scalars, in the same order.
    static let creditRoleScalars: [[Unicode.Scalar]] = ["編輯", "编辑", "責任編輯", "譯者", "译者", "翻譯", "核稿"]
        .map { Array($0.unicodeScalars) }

    /// （編輯：林恕暉）1120919, （譯者：A/核稿：B）1091001: roles, then CNA's ROC date code.
    static func creditLine(_ s: [Unicode.Scalar], at i: Int) -> BylineSpans.CreditLine? {
        let n = s.count
        guard i + 1 < n else { return nil }
        switch s[i + 1] {
        case "編", "编", "責", "譯", "译", "翻", "核": break
        default: return nil
        }
        // A role and its colon right after the bracket.
        guard creditRoleScalars.contains(where: { role in
            let c = i + 1 + role.count
            return c < n && s[(i + 1)..<c].elementsEqual(role) && (s[c] == "：" || s[c] == ":")
        }) else { return nil }
        let close: Unicode.Scalar = s[i] == "（" ? "）" : ")"
        var e = i + 1
        while e < n && e - i < 80 && s[e] != close && s[e] != "\n" { e += 1 }
        guard e < n, s[e] == close else { return nil }
        var c = isPlain(s, i + 1, e) ? plainCredits(s, i + 1, e) : credits(String(scalars: s[(i + 1)..<e]))
        var end = e + 1
        var code: Span? = nil
        var k = end
        while k < n && s[k] == " " { k += 1 }
        var q = k
        while q < n && Numerals.asciiDigit(s[q]) != nil { q += 1 }
        if q - k == 7, let date = CivilDate.rocDateCode(s[k..<q].map { Int(Numerals.asciiDigit($0)!) }) {
            c.dateCode = String(scalars: s[k..<q])
            c.date = date.iso
            code = Span(start: k, end: q)
            end = q
        }
        return BylineSpans.CreditLine(span: Span(start: i, end: end), credits: c, code: code)
    }

    /// The names of a credit line's inside (`譯者：A/核稿：B`) by role: parts split at / ／ ；,
    /// each a role and names split at 、 , ， and spaces after the first ： or :. Compared as
    /// Strings (grapheme clusters, canonical equivalence).
    static func credits(_ inside: String) -> Credits {
        let roles = creditRoles
        var c = Credits()
        for part in inside.split(whereSeparator: { $0 == "/" || $0 == "／" || $0 == "；" }) {
            let kv = part.split(maxSplits: 1, whereSeparator: { $0 == "：" || $0 == ":" })
            guard kv.count == 2 else { continue }
            // Trimmed once, not once per role compared.
            let name = kv[0].trimmingSpaces
            guard let role = roles.first(where: { $0.0 == name }) else { continue }
            let names = kv[1].split(whereSeparator: { $0 == "、" || $0 == "," || $0 == "，" || $0 == " " }).map(String.init)
            for name in names where !c[keyPath: role.1].contains(name) { c[keyPath: role.1].append(name) }
        }
        return c
    }

    /// `credits(String(scalars: s[a..<b]))` for plain scalars (`isPlain`: each scalar is a
    /// Character of its own, and equal Strings have equal scalars), split and compared as
    /// scalars with no String but the names.
    static func plainCredits(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Credits {
        var c = Credits()
        for part in s[a..<b].split(whereSeparator: { $0 == "/" || $0 == "／" || $0 == "；" }) {
            let kv = part.split(maxSplits: 1, whereSeparator: { $0 == "：" || $0 == ":" })
            guard kv.count == 2 else { continue }
            var key = kv[0]
            while key.first == " " { key = key.dropFirst() }
            while key.last == " " { key = key.dropLast() }
            guard let r = creditRoleScalars.firstIndex(where: { key.elementsEqual($0) }) else { continue }
            let list = creditRoles[r].1
            for name in kv[1].split(whereSeparator: { $0 == "、" || $0 == "," || $0 == "，" || $0 == " " }) {
                let name = String(scalars: name)
                if !c[keyPath: list].contains(name) { c[keyPath: list].append(name) }
            }
        }
        return c
    }

    /// Without a front-matter date, CNA's closing code after a credit line
    /// (（編輯：林恕暉）1120919) dates the article; the last valid one wins.
    static func closingDateCode(_ s: [Unicode.Scalar]) -> CivilDate? {
        // Walked from the end: the first valid code found is the last in the text (each
        // candidate is judged on its own), and credit lines close an article. Candidates are
        // closing parentheses with room for seven digits after them, found a vector at a time.
        s.withUnsafeBufferPointer { p -> CivilDate? in
            var end = s.count - 7
            while true {
                let k = UnitScan.last(p, before: end, "）", ")")
                guard k >= 0 else { return nil }
                if let date = closingDateCode(s, at: k) { return date }
                end = k
            }
        }
    }

    /// The date of the code after the closing parenthesis at `k`, when it is a valid 7-digit ROC
    /// code after a parenthesis holding a colon.
    static func closingDateCode(_ s: [Unicode.Scalar], at k: Int) -> CivilDate? {
        let n = s.count
        var q = k + 1
        while q < n && q - k <= 8 && Numerals.asciiDigit(s[q]) != nil { q += 1 }
        guard q - k - 1 == 7, q == n || Numerals.asciiDigit(s[q]) == nil else { return nil }
        // The parenthesis must hold a credit (編輯：, 譯者：, 核稿：).
        var b = k - 1
        var credit = false
        while b >= 0 && k - b < 40 && s[b] != "（" && s[b] != "(" {
            if s[b] == "：" || s[b] == ":" { credit = true }
            b -= 1
        }
        guard credit, b >= 0, s[b] == "（" || s[b] == "(" else { return nil }
        return CivilDate.rocDateCode(s[(k + 1)..<q].map { Int(Numerals.asciiDigit($0)!) })
    }
}

private extension Substring {
    /// Without leading and trailing spaces. Trimmed in place: rebuilding a String from a twice
    /// reversed Character sequence cost microseconds per credit.
    var trimmingSpaces: String {
        var t = self
        while t.first == " " { t = t.dropFirst() }
        while t.last == " " { t = t.dropLast() }
        return String(t)
    }
}
