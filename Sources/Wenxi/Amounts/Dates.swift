extension AmountScanner {
    // MARK: - Dates

    /// Y年[度][M月[D日]], M月[D日], D日 at `i` (ASCII, full-width or Chinese digits). ROC years:
    /// after 民國, or 3 digits from 100 to 199 in Traditional text, or 2 digits followed by a month.
    mutating func date(at i: Int) -> Int? {
        guard mayEndInDateUnit(i) else { return nil }
        guard let y = yearParser.parse(s, at: i), y.value.isWhole, y.bigUnit == 0, y.end < n else { return nil }
        guard let v = y.value.int, v >= 0 else { return nil }
        let digits = y.end - i
        let afterROC = i >= 2 && (s.has("民國", at: i - 2) || s.has("民国", at: i - 2))
        let start = afterROC ? i - 2 : i
        let c = s[y.end]
        let sequence = y.chineseOnly && digits >= 2 && !hasUnitScalar(i, y.end)
        if c == "年" {
            var k = y.end + 1
            // 2020年代 is a decade, 3年級 a school grade.
            if k < n && (s[k] == "代" || s[k] == "級" || s[k] == "级") { return nil }
            let month = monthDay(at: k)
            var year: Int? = nil
            if afterROC { year = CivilDate.gregorianYear(roc: v) }
            else if digits == 4 && v >= 1000 && v <= 2999 && (y.plainDigits || sequence) { year = v }
            else if digits == 3 && v >= 100 && v <= 199 && y.plainDigits && !isSimplified() { year = CivilDate.gregorianYear(roc: v) }
            else if digits == 2 && y.plainDigits && month != nil && v >= 1 && !isSimplified() { year = CivilDate.gregorianYear(roc: v) }
            // 八十四年十一月十九日, 一百零九年3月: an ROC year in Chinese numerals, with its month.
            else if y.chineseOnly && hasUnitScalar(i, y.end) && month != nil && v >= 1 && v <= 150 && !isSimplified() { year = CivilDate.gregorianYear(roc: v) }
            guard let year else { return nil }
            k += (k < n && s[k] == "度") ? 1 : 0
            var iso = CivilDate.iso(year)
            var dayMonth: Int? = nil
            if let (m, d, e) = monthDay(at: k) {
                if let d, CivilDate.isValid(year, m, d) { iso = CivilDate.iso(year, m, d) } else { iso = CivilDate.iso(year, m) }
                if d != nil { dayMonth = m }
                k = e
            }
            let idx = emit(.date, start, k, "rule:date")
            entities[idx].date = iso
            if let m = dayMonth { return dayRangeEnd(after: k, year: year, month: m) ?? k }
            return k
        }
        if c == "月" && !(i > 0 && (s[i - 1] == "個" || s[i - 1] == "个")) {
            guard let (m, d, e) = monthDay(at: i) else { return nil }
            var iso: String? = nil
            if let a = anchor {
                let year = nearestYear(month: m, to: a)
                iso = d.map { CivilDate.iso(year, m, $0) } ?? CivilDate.iso(year, m)
            } else {
                iso = "--" + CivilDate.pad(m, 2) + (d.map { "-" + CivilDate.pad($0, 2) } ?? "")
            }
            let idx = emit(.date, start, e, "rule:date")
            entities[idx].date = iso
            if d != nil {
                return dayRangeEnd(after: e, year: anchor.map { nearestYear(month: m, to: $0) }, month: m) ?? e
            }
            return e
        }
        if c == "日" && !y.chineseOnly && y.plainDigits && v >= 1 && v <= 31 && !notDayAfterRi(y.end + 1) {
            let idx = emit(.date, start, y.end + 1, "rule:date")
            entities[idx].date = resolveDay(v)
            return y.end + 1
        }
        return nil
    }

    /// A date needs its number to end right before 年, 月 or 日, and a number never reaches past
    /// the run of scalars a number can hold: so 年/月/日 must follow that run. Most numerals in
    /// running text (一般, 統一, 大陸) fail this at once, without parsing a number.
    func mayEndInDateUnit(_ i: Int) -> Bool {
        let flags = ScalarFlags.table
        let inNumber = ScalarFlags.numeral | ScalarFlags.numberInside
        var k = i
        while k < n, s[k].value < 0x10000, flags[Int(s[k].value)] & inNumber != 0 { k += 1 }
        return k < n && (s[k] == "年" || s[k] == "月" || s[k] == "日")
    }

    /// Whether any of 十百千 is used (二十三 is a value, 二三 a digit run).
    func hasUnitScalar(_ a: Int, _ b: Int) -> Bool {
        for k in a..<b { if case .small? = Numerals.kind(s[k]) { return true }; if case .tens? = Numerals.kind(s[k]) { return true } }
        return false
    }

    /// M月[D日|號] at k: (month, day?, end). In a day range (9月19至21日) the first day has no 日:
    /// it ends before the range mark, and `dayRangeEnd` reads the second.
    func monthDay(at k: Int) -> (Int, Int?, Int)? {
        guard k < n, Numerals.isTrigger(s[k]), let m = parser.parse(s, at: k), m.value.isWhole, m.end < n, s[m.end] == "月",
              let mv = m.value.int, mv >= 1 && mv <= 12 else { return nil }
        var e = m.end + 1
        var day: Int? = nil
        if e < n, Numerals.isTrigger(s[e]), let d = parser.parse(s, at: e), d.value.isWhole, d.end < n,
           let dv = d.value.int, dv >= 1 && dv <= 31 {
            if s[d.end] == "日" || s[d.end] == "號" || s[d.end] == "号" {
                day = dv
                e = d.end + 1
            } else if secondDay(at: d.end) != nil {
                day = dv
                e = d.end
            }
        }
        return (mv, day, e)
    }

    /// At a range mark: the second day of 9月19至21日 (`至21日`): (day, start of its number, end).
    func secondDay(at k: Int) -> (Int, Int, Int)? {
        guard k + 1 < n, s[k] == "至" || s[k] == "到" || s[k] == "-" || s[k] == "－" || s[k] == "~" || s[k] == "～" || s[k] == "–",
              Numerals.isTrigger(s[k + 1]), let d = parser.parse(s, at: k + 1), d.value.isWhole, d.end < n,
              s[d.end] == "日" || s[d.end] == "號" || s[d.end] == "号", let dv = d.value.int, dv >= 1 && dv <= 31 else { return nil }
        return (dv, k + 1, d.end + 1)
    }

    /// After the first date of a day range, the second day as a date entity of the same month.
    mutating func dayRangeEnd(after k: Int, year: Int?, month m: Int) -> Int? {
        guard let (d, st, e) = secondDay(at: k) else { return nil }
        let idx = emit(.date, st, e, "rule:date")
        if let year, CivilDate.isValid(year, m, d) {
            entities[idx].date = CivilDate.iso(year, m, d)
        } else if year == nil {
            entities[idx].date = "--" + CivilDate.pad(m, 2) + "-" + CivilDate.pad(d, 2)
        }
        return e
    }

    /// 2020/11/3 (a year of four digits), or 11/3 where a date is expected (before （, 起, 至 …;
    /// after 於, 自, 至 …): a date. Fractions and scores (1/3, 3/4 in other places) are left alone.
    mutating func slashDate(at i: Int) -> Int? {
        if i > 0, Numerals.asciiDigit(s[i - 1]) != nil || s[i - 1] == "/" || s[i - 1] == "." || isCodeLetter(s[i - 1]) { return nil }
        func digits(_ k: Int, max: Int) -> (Int, Int)? {
            var q = k, v = 0
            while q < n, q - k < max, let d = Numerals.asciiDigit(s[q]) { v = v * 10 + Int(d); q += 1 }
            if q == k || (q < n && Numerals.asciiDigit(s[q]) != nil) { return nil }
            return (v, q)
        }
        guard let (a, ea) = digits(i, max: 4), ea < n, s[ea] == "/", let (b, eb) = digits(ea + 1, max: 2) else { return nil }
        var year: Int? = nil, month = a, day = b, end = eb
        if ea - i == 4 {
            guard eb < n, s[eb] == "/", let (c, ec) = digits(eb + 1, max: 2), a >= 1900 && a <= 2099 else { return nil }
            (year, month, day, end) = (a, b, c, ec)
        } else {
            guard ea - i <= 2 else { return nil }
            let before: Set<Unicode.Scalar> = ["於", "于", "在", "自", "從", "从", "至", "到", "迄", "、", "即", "由"]
            let after: Set<Unicode.Scalar> = ["（", "(", "起", "至", "到", "前", "後", "后", "止", "為", "为", "、", "~", "～", "-", "－", "當", "当"]
            guard (end < n && after.contains(s[end])) || (i > 0 && before.contains(s[i - 1])) else { return nil }
        }
        if end < n, s[end] == "/" || s[end] == "%" || s[end] == "％" || Numerals.asciiDigit(s[end]) != nil { return nil }
        guard month >= 1 && month <= 12 && day >= 1 && day <= 31 else { return nil }
        let y = year ?? anchor.map { nearestYear(month: month, to: $0) }
        let idx = emit(.date, i, end, "rule:date")
        if let y, CivilDate.isValid(y, month, day) {
            entities[idx].date = CivilDate.iso(y, month, day)
        } else if y == nil {
            entities[idx].date = "--" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2)
        }
        return end
    }

    /// 日 that starts a Japan word (5日圓 is money; 日本, 日方…): not a day.
    func notDayAfterRi(_ k: Int) -> Bool {
        guard k < n else { return false }
        return ["圓", "元", "幣", "币", "本", "籍", "方", "商", "軍", "军", "語", "语", "文", "式", "系", "股", "經", "经",
                "韓", "韩", "產", "产", "劇", "剧", "媒", "僑", "侨", "企", "相", "皇", "銀", "银"].contains(s[k])
    }

    /// The year closest to the anchor for a month given without one.
    func nearestYear(month m: Int, to a: CivilDate) -> Int {
        var best = a.year
        var bestDistance = Int.max
        for y in [a.year - 1, a.year, a.year + 1] {
            let dist = abs((y * 12 + m) - (a.year * 12 + a.month))
            if dist < bestDistance { best = y; bestDistance = dist }
        }
        return best
    }

    /// D日 alone: the anchor's month, or the month before when D is more than a week after the
    /// anchor's day (an article of the 2nd that mentions the 30th).
    func resolveDay(_ d: Int) -> String? {
        guard let a = anchor else { return nil }
        var (y, m) = (a.year, a.month)
        if d > a.day + 7 { (y, m) = a.addingMonths(-1) }
        guard CivilDate.isValid(y, m, d) else { return nil }
        return CivilDate.iso(y, m, d)
    }

    /// 今天, 昨天, 明年, 去年, 上週… resolved against the anchor (nil without one). 今年/明年
    /// followed by a month (明年3月) give that month.
    mutating func relativeDate(at i: Int) -> Int? {
        for (word, kind, offset) in AmountScanner.relativeWords
        where word[0] == s[i] && i + word.count <= n && s[i..<(i + word.count)].elementsEqual(word) {
            let wl = word.count
            var end = i + wl
            var iso: String? = nil
            // 昨天 inside 今昨天? no such word; but 今年度 is fine and 明年初 stays a year.
            if let a = anchor {
                switch kind {
                case .day: iso = a.adding(days: offset).iso
                case .month: let (y, m) = a.addingMonths(offset); iso = CivilDate.iso(y, m)
                case .year: iso = CivilDate.iso(a.year + offset)
                case .week:
                    let (wy, w) = a.adding(days: 7 * offset).isoWeek
                    iso = CivilDate.pad(wy, 4) + "-W" + CivilDate.pad(w, 2)
                }
            }
            if kind == .year, let (m, d, e) = monthDay(at: end) {
                if let a = anchor {
                    let y = a.year + offset
                    iso = d.flatMap { CivilDate.isValid(y, m, $0) ? CivilDate.iso(y, m, $0) : nil } ?? CivilDate.iso(y, m)
                }
                end = e
            } else if kind == .month, end < n, Numerals.asciiDigit(s[end]) != nil, let d = parser.parse(s, at: end),
                      d.value.isWhole, d.end < n, s[d.end] == "日" || s[d.end] == "號",
                      let dv = d.value.int {
                // 本月15日, 上月9日
                if let a = anchor {
                    let (y, m) = a.addingMonths(offset)
                    iso = CivilDate.isValid(y, m, dv) ? CivilDate.iso(y, m, dv) : nil
                }
                end = d.end + 1
            } else if kind == .year && end < n && s[end] == "度" {
                end += 1
            }
            let idx = emit(.date, i, end, "rule:date")
            entities[idx].date = iso
            return end
        }
        return nil
    }

    static let relativeWords: [([Unicode.Scalar], RelativeUnit, Int)] =
        AmountLexicon.relativeDates.map { (Array($0.0.unicodeScalars), $0.1, $0.2) }.sorted { $0.0.count > $1.0.count }

    // MARK: - Dateline and credits

    /// The dateline or credit line `bylines` found at `i`, if any: its date entity (the day of a
    /// dateline, the date code of a credit line) and where the scan goes on.
    mutating func bylineSpan(at i: Int) -> Int? {
        let datelines = bylines.datelines, creditLines = bylines.creditLines
        while nextDateline < datelines.count && datelines[nextDateline].span.start < i { nextDateline += 1 }
        if nextDateline < datelines.count && datelines[nextDateline].span.start == i {
            let d = datelines[nextDateline]
            let idx = emit(.date, d.day.start, d.day.end + 1, "rule:dateline")
            entities[idx].date = d.dayValue.flatMap { resolveDay($0) }
            return d.span.end
        }
        while nextCredit < creditLines.count && creditLines[nextCredit].span.start < i { nextCredit += 1 }
        if nextCredit < creditLines.count && creditLines[nextCredit].span.start == i {
            let c = creditLines[nextCredit]
            if let code = c.code {
                let idx = emit(.date, code.start, code.end, "rule:date-code")
                entities[idx].date = c.credits.date
            }
            return c.span.end
        }
        return nil
    }
}

/// Guesses whether a text is Simplified Chinese by counting characters that exist only in one
/// script (个/個, 这/這, 为/為…). Ties and texts without such characters count as Traditional.
enum ScriptGuess {
    static func isSimplified(_ s: [Unicode.Scalar]) -> Bool {
        var simp = 0, trad = 0
        let flags = ScalarFlags.table
        for c in s where c.value >= 0x4E00 && c.value <= 0x9FFF {
            let f = flags[Int(c.value)]
            if f & ScalarFlags.simplifiedOnly != 0 { simp += 1 } else if f & ScalarFlags.traditionalOnly != 0 { trad += 1 }
        }
        return simp > trad
    }

    static let simplifiedOnly: Set<Unicode.Scalar> = Set("这个们为说发会国时来对经过还进种样总实现点电务报门关间问开长员东车见觉让认论应该无书买卖钱亿万币与体区价产单压历变处复头并当济际劳动热将级结给统网诉证语贸营确联总华银队阶亚欧乐奖币业务临场厅县讯导传资战选举党军术条维罗纳风险让岁厂".unicodeScalars)
    static let traditionalOnly: Set<Unicode.Scalar> = Set("這個們為說發會國時來對經過還進種樣總實現點電務報門關間問開長員東車見覺讓認論應該無書買賣錢億萬幣與體區價產單壓歷變處復頭並當濟際勞動熱將級結給統網訴證語貿營確聯華銀隊階亞歐樂獎業臨場廳縣訊導傳資戰選舉黨軍術條維羅納風險歲廠臺灣".unicodeScalars)
}
