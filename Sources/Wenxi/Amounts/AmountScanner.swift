/// One document's pass of the amounts stage. See `AmountTagger`.
struct AmountScanner {
    let s: [Unicode.Scalar]
    let n: Int
    let anchor: CivilDate?
    let named: [Entity]
    /// Simplified-Chinese text: bare 元 means CNY and 3-digit 年 is never an ROC year. Guessed on
    /// first need (`isSimplified()`): the guess reads the whole text, and many documents never ask.
    var simplifiedGuess: Bool? = nil

    var entities: [Entity] = []
    /// The datelines and credit lines of the text (the byline step's), and the next of each the
    /// scan has not passed.
    let bylines: BylineSpans
    var nextDateline = 0, nextCredit = 0
    /// The report's byline: the last dateline, set before currencies are settled (its place picks
    /// what 元 alone means).
    var byline: Byline?
    /// Money mentions whose currency is settled after the pass.
    var money: [MoneyNote] = []
    /// Starts of the amounts whose currency is the document's default for 元 alone (`defaultYuan`).
    var defaultCurrency: Set<Int> = []

    struct MoneyNote {
        var entity: Int
        /// ISO code when a currency word was written; nil for 元 alone or a bare number.
        var written: String?
        /// Written with a unit but no currency (元, 塊): needs the context or the default.
        var generic: Bool
        var inParentheses: Bool
        /// Written as CURRENCY…元 (港幣1萬8000元): later 元 alone continue that currency.
        var setsYuan = false
    }

    /// The shape of what follows a number.
    enum TailKind: Equatable { case money, percent, quantity, bare }
    struct Tail {
        var kind: TailKind
        var end: Int
        var currency: String? = nil
        var unit: String? = nil
        var qualifier: String? = nil
        /// Power of ten applied to the value (成 = 10 %: +1; 千分之: -1).
        var shift = 0
        /// Exact amount to add (元5角 subunits), already in currency units.
        var extra: ExactNumber = .zero
    }

    init(scalars: [Unicode.Scalar], anchor: CivilDate?, named: [Entity], bylines: BylineSpans) {
        s = scalars
        n = scalars.count
        self.bylines = bylines
        self.anchor = anchor ?? bylines.closingDate
        // Sorted by start, for `BylineFinder.splitNamePlace`'s binary search (entities never overlap).
        self.named = named.startsInOrder ? named : named.sorted { $0.start < $1.start }
    }

    /// Whether the text is Simplified Chinese (`ScriptGuess`), guessed once.
    mutating func isSimplified() -> Bool {
        if let g = simplifiedGuess { return g }
        let g = ScriptGuess.isSimplified(s)
        simplifiedGuess = g
        return g
    }

    let parser = NumberParser()

    let yearParser = NumberParser(digitSequences: true)

    /// Longer runs of number scalars (digits, numerals, separators) are not read as numbers.
    static let longestNumberRun = 128
    /// The run of number scalars the scan is in (start, end), found once per run.
    var numberRun = (start: 0, end: 0)

    /// End of the run of scalars a number can hold (`ScalarFlags.numeral | .numberInside`) from `i`.
    func numberRunEnd(from i: Int) -> Int {
        let flags = ScalarFlags.table
        let inNumber = ScalarFlags.numeral | ScalarFlags.numberInside
        var k = i
        while k < n, s[k].value < 0x10000, flags[Int(s[k].value)] & inNumber != 0 { k += 1 }
        return k
    }

    mutating func run(sentences: [Span]) -> AmountResult {
        let flags = ScalarFlags.table
        var i = 0
        // At most `DocumentLimits.maxEntities` (the analyzer reports reaching it). Read once: a
        // global of another module is read through its addressor, a call per scalar in the loop.
        let limit = DocumentLimits.maxEntities
        while i < n && entities.count < limit {
            let c = s[i]
            let f = c.value < 0x10000 ? flags[Int(c.value)] : 0
            if f & AmountScanner.startFlags == 0 { i = AmountScanner.nextStart(s, from: i + 1); continue }
            // A run of number scalars longer than any real number (萬萬萬…) is skipped whole:
            // trying a number at each of its positions, each try reading to the run's end,
            // was quadratic (1,000,000 × 萬: 230 s).
            if f & ScalarFlags.numeral != 0 {
                if i >= numberRun.end { numberRun = (i, numberRunEnd(from: i)) }
                if numberRun.end - numberRun.start > AmountScanner.longestNumberRun { i = numberRun.end; continue }
            }
            if f & ScalarFlags.opening != 0 {
                if c == "（" || c == "(", let e = bylineSpan(at: i) { i = e; continue }
                if c == "民" && (s.has("民國", at: i) || s.has("民国", at: i)) && i + 2 < n && Numerals.isTrigger(s[i + 2]),
                   let e = amount(at: i + 2, prefix: nil) { i = e; continue }
            }
            if f & ScalarFlags.prefixCurrency != 0, let (pe, cur, q) = prefixCurrency(at: i),
               let e = amount(at: pe, prefix: (i, cur, q)) {
                i = e; continue
            }
            if f & ScalarFlags.numeral != 0, let e = amount(at: i, prefix: nil) { i = e; continue }
            // Every relative date word has a second scalar: test it before trying the words.
            if f & ScalarFlags.relativeDate != 0, i + 1 < n, s[i + 1].value < 0x10000,
               flags[Int(s[i + 1].value)] & ScalarFlags.relativeDateSecond != 0,
               let e = relativeDate(at: i) { i = e; continue }
            i += 1
        }
        byline = bylines.datelines.last.map { d in
            d.byline(in: s, named: named, date: d.dayValue.flatMap { resolveDay($0) })
        }
        resolveCurrencies(sentences: sentences)
        // Entities are mostly emitted in order: sorting moves each (large) entity even then, so
        // the sort runs only when some pair is out of order (same order: the sort is stable).
        if !entities.inReportOrder {
            entities.sort { ($0.start, $0.end, $0.type.rawValue) < ($1.start, $1.end, $1.type.rawValue) }
        }
        var r = AmountResult()
        // Moved, not shared: the caller then sets each entity's text in place, which on a list
        // the scanner still held copied every entity first.
        swap(&r.entities, &entities)
        r.defaultCurrency = defaultCurrency
        r.byline = byline
        r.credits = bylines.credits
        return r
    }

    /// The flags of scalars the scan can do something at; the others (script and in-number
    /// flags only, or none) are passed over by `nextStart`.
    static let startFlags = ScalarFlags.numeral | ScalarFlags.relativeDate | ScalarFlags.prefixCurrency | ScalarFlags.opening

    /// The first position at or after `i` whose scalar has a `startFlags` flag (`s.count` if
    /// none): most of a text, read in a tight loop through buffer pointers.
    static func nextStart(_ s: [Unicode.Scalar], from i: Int) -> Int {
        s.withUnsafeBufferPointer { sp in
            ScalarFlags.table.withUnsafeBufferPointer { flags in
                var k = i
                let n = sp.count
                while k < n {
                    let v = Int(sp[k].value)
                    if v < 0x10000 && flags[v] & startFlags != 0 { break }
                    k &+= 1
                }
                return k
            }
        }
    }

    // MARK: - Emitting

    /// Appends an entity of `type` over `start..<end` (sentence 0: the analyzer assigns it) and
    /// returns its index. Built in the call that appends it: a local entity was copied into the
    /// array, then destroyed (a dozen retains and releases each). Its text is set when the scan
    /// is done, as a slice of the document's String (`Entity.sliceTexts`), not made here.
    mutating func emit(_ type: EntityType, _ start: Int, _ end: Int, _ source: String) -> Int {
        // Room for 16 at the first (a document has a handful to a few dozen): growing from one
        // moved the entities at 1, 2, 4 and 8.
        if entities.isEmpty { entities.reserveCapacity(16) }
        entities.append(Entity(type: type, text: "", start: start, end: end, source: source))
        return entities.count - 1
    }

    /// Start and end of entity `i`, read in place (`entities[i].start` copied the whole entity).
    @inline(__always)
    func bounds(ofEntity i: Int) -> (start: Int, end: Int) {
        entities.withUnsafeBufferPointer { p in ((p.baseAddress! + i).pointee.start, (p.baseAddress! + i).pointee.end) }
    }

    // MARK: - Amounts

    mutating func prefixCurrency(at i: Int) -> (Int, String, String?)? {
        let c = s[i]
        guard c.value >= 0x24 && (c == "新" || c == "台" || c == "臺" || c == "人" || c == "港" || c == "美" || c == "日"
            || c == "歐" || c == "欧" || c == "英" || c == "韓" || c == "澳" || c == "N" || c == "U" || c == "R" || c == "H"
            || c == "€" || c == "£" || c == "￥" || c == "¥") else { return nil }
        guard let m = AmountLexicon.prefixCurrencies.match(s, at: i) else { return nil }
        var k = m.end
        if k < n && s[k] == " " { k += 1 }
        // 新台幣約294億元: a qualifier between the currency and the number.
        var qualifier: String? = nil
        if k < n, !Numerals.isTrigger(s[k]), let q = AmountLexicon.leftQualifiers.match(s, at: k) {
            qualifier = q.value
            k = q.end
        }
        guard k < n, Numerals.isTrigger(s[k]) else { return nil }
        // 美元1元 is not a thing, but 新台幣 before a number is; ASCII-letter codes need a boundary.
        if isCodeLetter(s[i]) && i > 0 && isCodeLetter(s[i - 1]) { return nil }
        var cur = m.value
        if cur == "¥" { cur = isSimplified() ? "CNY" : "JPY" }
        return (k, cur, qualifier)
    }

    /// A number at `i` and whatever it makes: a date, money, percent, quantity (or nothing).
    /// Returns the position to go on from, or nil when nothing was made.
    mutating func amount(at i: Int, prefix: (start: Int, currency: String, qualifier: String?)?) -> Int? {
        // Codes and models: COVID-19, F-16, 5G, A2 are not amounts.
        if i > 0, prefix == nil, isCodeLetter(s[i - 1]) || (i > 1 && s[i - 1] == "-" && isCodeLetter(s[i - 2])) {
            var k = i
            while k < n && (Numerals.asciiDigit(s[k]) != nil || isCodeLetter(s[k])) { k += 1 }
            return k > i ? k : nil
        }
        if prefix == nil, Numerals.asciiDigit(s[i]) != nil, let e = slashDate(at: i) { return e }
        if prefix == nil, let e = date(at: i) { return e }
        if prefix == nil, let e = percentWords(at: i) { return e }
        if prefix == nil, let e = upperBound(at: i) { return e }

        guard var p = parser.parse(s, at: i) else { return nil }
        // 七、八百萬元, 3、4億元, 兩三千萬元, 一兩百萬元: two neighbouring digits share the units.
        var vagueLow: ExactNumber? = nil
        if let (low, q) = enumeratedRange(at: i, first: p) {
            vagueLow = low
            p = q
            p.start = i
        }
        if vagueLow == nil && p.end < n && isCodeLetter(s[p.end]) && !p.chineseOnly {
            var k = p.end
            while k < n && (Numerals.asciiDigit(s[k]) != nil || isCodeLetter(s[k])) { k += 1 }
            return k
        }
        // Ordinals (第3季) are not amounts.
        if prefix == nil && i > 0 && (s[i - 1] == "第") { return p.end }
        // Financial capitals alone are ordinary characters (陸地, 入伍, 收拾) unless money follows.
        var tail = self.tail(after: p)
        // US$3 million, NT$1.2 billion: an English magnitude word after a currency sign.
        if prefix != nil && tail.kind == .bare, let (shift, end) = englishMagnitude(at: p.end) {
            tail = Tail(kind: .money, end: end, shift: shift)
        }
        if p.capitalsOnly && p.single && tail.kind != .money { return nil }
        // 零 alone (零件, 零售) is not an amount.
        if p.single && p.chineseOnly && p.value.isZero && tail.kind != .money { return p.end }

        // Ranges: 3至5億元, 1200億至1300億元, 2萬到100萬元, 3%至5%.
        var rangeTo: ExactNumber? = nil
        var value = p.value
        if let low = vagueLow {
            value = low
            rangeTo = p.value.shifted(tail.shift) + tail.extra
        }
        // 數十億元, 幾千元, 數百萬元: from one to ten times the unit, qualifier "several".
        var several = false
        if vagueLow == nil && p.startsWithUnit && i > 0 && (s[i - 1] == "數" || s[i - 1] == "数" || s[i - 1] == "幾" || s[i - 1] == "几")
            && (tail.kind == .money || tail.kind == .quantity) {
            several = true
            rangeTo = p.value.shifted(1).shifted(tail.shift) + tail.extra
        }
        let afterFirst = tail.kind == .bare ? p.end : tail.end
        if vagueLow == nil && !several, afterFirst < n, AmountScanner.isRangeMark(s[afterFirst]),
           afterFirst + 1 < n, Numerals.isTrigger(s[afterFirst + 1]),
           let q = parser.parse(s, at: afterFirst + 1) {
            let qTail = self.tail(after: q)
            if qTail.kind != .bare && (tail.kind == .bare || tail.kind == qTail.kind) && !(tail.kind == .bare && prefix == nil && qTail.kind == .quantity && qTail.unit == "year") {
                if tail.kind == .bare && p.single && !p.startsWithUnit, let low = sharedUnits(digit: s[i], of: q) {
                    // 八到九百億元, 两到三仟澳元: the units after the second digit belong to both.
                    value = low
                } else if tail.kind == .bare && p.bigUnit == 0 && q.lastBigUnit > 0 && p.value <= q.value.shifted(-q.lastBigUnit) {
                    value = p.value.shifted(q.lastBigUnit)
                }
                if tail.kind == .bare || (tail.kind == qTail.kind) {
                    rangeTo = q.value
                    if tail.kind == .bare || tail.currency == AmountLexicon.genericYuan { tail.currency = qTail.currency }
                    if tail.kind == .bare { tail.unit = qTail.unit; tail.shift = qTail.shift }
                    let qualifier = qTail.qualifier
                    tail.kind = qTail.kind
                    tail.end = qTail.end
                    tail.qualifier = qualifier == "from" ? nil : qualifier
                    if let r = rangeTo { rangeTo = r.shifted(tail.shift) + qTail.extra }
                }
            }
        }

        // After a currency word only money makes sense: 新台幣500起 is "from", not 500 incidents.
        if prefix != nil && tail.kind != .money && tail.kind != .bare {
            tail = Tail(kind: .bare, end: p.end)
        }
        if prefix != nil && tail.kind == .bare, let r = AmountLexicon.rightQualifiers.match(s, at: p.end),
           r.value != "about" || !(r.end < n && isHan(s[r.end])) {
            tail = Tail(kind: .money, end: r.end, qualifier: r.value)
        }
        var start = prefix?.start ?? i
        if several { start = i - 1 }
        // A sign before an amount of money (-3億元, 負2.5億元), when it is not a dash after a number.
        if prefix == nil && tail.kind == .money && i > 0 && ["-", "－", "負", "负"].contains(s[i - 1])
            && !(i > 1 && (Numerals.asciiDigit(s[i - 2]) != nil || isCodeLetter(s[i - 2]) || s[i - 2] == "%" || s[i - 2] == "％"
                           || Numerals.kind(s[i - 2]) != nil || s[i - 2] == "元" || s[i - 2] == "年" || s[i - 2] == "月" || s[i - 2] == "日")) {
            value = value.negated()
            rangeTo = rangeTo?.negated()
            start = i - 1
        }
        // 「百元俱樂部」: an amount that begins a quoted name is not money.
        if tail.kind == .money && start > 0 && (s[start - 1] == "「" || s[start - 1] == "『" || s[start - 1] == "“")
            && tail.end < n && isHan(s[tail.end]) {
            return tail.end
        }
        // A sign before a percentage (-22.2%, 負3.9%), when it is not a dash after a number.
        if prefix == nil && tail.kind == .percent && i > 0 && ["-", "－", "負", "负"].contains(s[i - 1])
            && !(i > 1 && (Numerals.asciiDigit(s[i - 2]) != nil || isCodeLetter(s[i - 2]) || s[i - 2] == "%" || s[i - 2] == "％")) {
            value = value.negated()
            start = i - 1
        }
        var kind = tail.kind
        var currency = tail.currency
        if let prefix {
            kind = .money
            if currency == nil || currency == AmountLexicon.genericYuan { currency = prefix.currency }
        }
        if kind == .bare {
            // A 萬/億 number standing alone may be money the context names (resolved later).
            guard p.bigUnit > 0, !p.startsWithUnit, bareFollower(p.end) else { return p.end }
        }
        if kind == .quantity {
            // 一 is mostly an article (一名, 一家): only counts of two or more written in Chinese.
            if p.chineseOnly && p.single && (s[i] == "一" || p.capitalsOnly) { return p.end }
            // 十, 百, 千 alone start words (雙十國慶, 百度).
            if p.single && p.startsWithUnit { return p.end }
            // 兩度 is "twice"; temperatures are written in digits.
            if tail.unit == "degree" && p.chineseOnly { tail.unit = "times" }
            // 3點 at a time of day is not an index point.
            if tail.unit == "point" && isTimeOfDay(p, tail) { return p.end }
        }

        // Qualifiers: directly before (in the span), or 約 separated by a verb (not in the span).
        var qualifier = tail.qualifier
        if several && qualifier == nil { qualifier = "several" }
        if p.approximateOver && qualifier == nil { qualifier = "over" }
        if let q = prefix?.qualifier, qualifier == nil { qualifier = q }
        if let q = leftQualifier(endingAt: start) {
            if qualifier == nil || qualifier == "from" { qualifier = q.value }
            start = q.start
        } else if qualifier == nil, aboutWithVerb(before: start) {
            qualifier = "about"
        }
        if kind == .bare && !(qualifier == nil || qualifier == "over" || qualifier == "under" || qualifier == "about" || qualifier == "at-least" || qualifier == "up-to") {
            return p.end
        }

        // Literal sources: interpolating "rule:\(type)" built a string per entity.
        let type: EntityType, source: String
        switch kind {
        case .money, .bare: (type, source) = (.money, "rule:money")
        case .percent: (type, source) = (.percent, "rule:percent")
        case .quantity: (type, source) = (.quantity, "rule:quantity")
        }
        let end = tail.kind == .bare ? p.end : tail.end
        let idx = emit(type, start, end, source)
        entities[idx].value = value.shifted(tail.shift) + tail.extra
        entities[idx].rangeTo = rangeTo
        entities[idx].qualifier = qualifier
        if kind == .quantity || kind == .percent { entities[idx].unit = tail.unit }
        if type == .money {
            let written = (currency == AmountLexicon.genericYuan) ? nil : currency
            money.append(MoneyNote(entity: idx, written: written, generic: kind == .money && written == nil,
                                   inParentheses: inParentheses(start),
                                   setsYuan: prefix != nil && tail.currency == AmountLexicon.genericYuan))
        }
        return end
    }

    /// What joins the two ends of a range: 至 到 ~ ～ － - — – 〜. (A switch, not a `Set`: it is
    /// asked after most numbers, and each `Set` lookup hashed the scalar.)
    @inline(__always)
    static func isRangeMark(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "至", "到", "~", "～", "－", "-", "—", "–", "〜": true
        default: false
        }
    }

    /// 上萬元, 上千人: "over" the bare unit.
    mutating func upperBound(at i: Int) -> Int? {
        guard i > 0, s[i - 1] == "上" else { return nil }
        let p: ParsedNumber
        if case .big(let e)? = Numerals.kind(s[i]) {
            p = ParsedNumber(value: ExactNumber(1).shifted(e), start: i, end: i + 1, bigUnit: e, lastBigUnit: e,
                             chineseOnly: true, startsWithUnit: true, single: true, capitalsOnly: false,
                             approximateOver: false, plainDigits: false)
        } else if case .small? = Numerals.kind(s[i]), i + 1 < n, case .big? = Numerals.kind(s[i + 1]),
                  let q = parser.parse(s, at: i), q.end == i + 2 {
            // 上千萬, 上百億
            p = q
        } else {
            return nil
        }
        let t = tail(after: p)
        guard t.kind == .money || t.kind == .quantity else { return nil }
        let (type, source): (EntityType, String) = t.kind == .money ? (.money, "rule:money") : (.quantity, "rule:quantity")
        let idx = emit(type, i - 1, t.end, source)
        entities[idx].value = p.value
        entities[idx].qualifier = "over"
        if t.kind == .money {
            let written = t.currency == AmountLexicon.genericYuan ? nil : t.currency
            money.append(MoneyNote(entity: idx, written: written, generic: written == nil, inParentheses: inParentheses(i - 1)))
        } else {
            entities[idx].unit = t.unit
        }
        return t.end
    }

    /// 百分之五, 百分之4.75, 千分之三.
    mutating func percentWords(at i: Int) -> Int? {
        guard s[i] == "百" || s[i] == "千" else { return nil }
        let isPercent = s.has("百分之", at: i), isPermille = s.has("千分之", at: i)
        guard isPercent || isPermille, let p = NumberParser(allowSign: true).parse(s, at: i + 3) else { return nil }
        var start = i
        var qualifier: String? = nil
        if let q = leftQualifier(endingAt: i) { qualifier = q.value; start = q.start }
        let idx = emit(.percent, start, p.end, "rule:percent")
        entities[idx].value = isPermille ? p.value.shifted(-1) : p.value
        entities[idx].unit = "percent"
        entities[idx].qualifier = qualifier
        return p.end
    }

    /// What follows a number: a currency, %, 成, a unit, or nothing.
    func tail(after p: ParsedNumber) -> Tail {
        var k = p.end
        var over = false
        if k < n && (s[k] == "多" || s[k] == "餘" || s[k] == "余") && k + 1 < n
            && (AmountLexicon.suffixCurrencies.match(s, at: k + 1) != nil || unit(at: k + 1) != nil) {
            over = true
            k += 1
        }
        var t: Tail
        if let m = AmountLexicon.suffixCurrencies.match(s, at: k), !(m.value == AmountLexicon.genericYuan && blocksYuan(m.end)),
           !((s[k] == "塊" || s[k] == "块") && m.end == k + 1 && p.chineseOnly && !subunitFollows(m.end)) {
            t = Tail(kind: .money, end: m.end, currency: m.value)
            // 三万元欧元, 9000元日币: a currency word after 元 says which.
            if m.value == AmountLexicon.genericYuan, let c = AmountLexicon.suffixCurrencies.match(s, at: m.end), c.value != AmountLexicon.genericYuan {
                t = Tail(kind: .money, end: c.end, currency: c.value)
            }
            if t.currency == AmountLexicon.genericYuan { subunits(&t) }
        } else if k < n && (s[k] == "%" || s[k] == "％") {
            t = Tail(kind: .percent, end: k + 1, unit: "percent")
        } else if s.has("個百分點", at: k) || s.has("个百分点", at: k) {
            t = Tail(kind: .percent, end: k + 4, unit: "percentage-point")
        } else if k < n && s[k] == "成" && p.bigUnit == 0 && p.value <= ExactNumber(10) {
            if k + 1 < n && AmountScanner.notPercentAfterCheng.contains(s[k + 1]) { return Tail(kind: .bare, end: p.end) }
            t = Tail(kind: .percent, end: k + 1, unit: "percent", shift: 1)
        } else if let u = unit(at: k) {
            t = Tail(kind: .quantity, end: u.end, unit: u.value)
        } else {
            return Tail(kind: .bare, end: p.end)
        }
        if over { t.qualifier = "over" }
        if let r = AmountLexicon.rightQualifiers.match(s, at: t.end) {
            let ok: Bool
            switch r.value {
            case "from": ok = t.kind == .money
            case "about": ok = !(s.has("上下", at: t.end)) || !(t.end + 2 < n && isHan(s[t.end + 2]))
            default: ok = !(s[t.end] == "多" || s[t.end] == "餘" || s[t.end] == "余") || !(t.end + 1 < n && isHan(s[t.end + 1]) && !AmountScanner.afterApprox.contains(s[t.end + 1]))
            }
            if ok && (t.qualifier == nil) {
                t.qualifier = r.value
                t.end = r.end
            }
        }
        if t.kind == .money && t.end < n && (s[t.end] == "整" || s[t.end] == "正") && t.currency == AmountLexicon.genericYuan {
            t.end += 1
        }
        return t
    }

    static let afterApprox: Set<Unicode.Scalar> = ["的", "之", "而", "但", "卻", "却", "且", "並", "并"]
    static let notPercentAfterCheng: Set<Unicode.Scalar> = [
        "立", "為", "为", "功", "長", "长", "員", "员", "果", "本", "績", "绩", "交", "熟", "形", "效", "就", "真",
        "都", "年", "人", "型", "品", "分", "份", "像", "家", "婚", "名", "語", "语", "了", "全", "千", "萬", "万",
        "不", "群", "對", "对", "批", "套", "行", "事", "器", "材", "色",
    ]

    /// 元 that begins another word: 元旦, 元首, 元素, 元月, 元宵, 元老, 元氣.
    func blocksYuan(_ k: Int) -> Bool {
        guard k - 1 < n, s[k - 1] == "元" else { return false }
        guard k < n else { return false }
        // 三元乙丙橡胶, 二元醇, 一元化, 二元論: chemistry and other words with 元.
        return ["旦", "首", "素", "月", "宵", "老", "氣", "气", "帥", "帅", "凶", "件", "年", "乙", "醇", "酸", "化", "論", "论", "組", "组"].contains(s[k])
    }

    /// 十块三毛: a digit and 毛/角 after 塊 make it money even after Chinese numerals.
    func subunitFollows(_ k: Int) -> Bool {
        guard k + 1 < n, s[k + 1] == "毛" || s[k + 1] == "角" else { return false }
        if case .digit? = Numerals.kind(s[k]) { return true }
        return Numerals.asciiDigit(s[k]) != nil
    }

    /// 七、八百萬元 (digit, 、, next digit and units), 兩三千萬元, 一兩百萬元 (two neighbouring
    /// Chinese digits, then units): (the lower end, the upper number). `first` is what the parser
    /// read at `i`.
    func enumeratedRange(at i: Int, first: ParsedNumber) -> (ExactNumber, ParsedNumber)? {
        guard first.end == i + 1 else { return nil }
        let d1: Int
        if let a = Numerals.asciiDigit(s[i]) { d1 = Int(a) } else if case .digit(let d, _)? = Numerals.kind(s[i]), d > 0 { d1 = Int(d) } else { return nil }
        var j = i + 1
        if j < n && s[j] == "、" { j += 1 }
        guard j < n else { return nil }
        let d2: Int
        if let a = Numerals.asciiDigit(s[j]) { d2 = Int(a) } else if case .digit(let d, _)? = Numerals.kind(s[j]) { d2 = Int(d) } else { return nil }
        guard d2 == d1 + 1, (Numerals.asciiDigit(s[i]) != nil) == (Numerals.asciiDigit(s[j]) != nil) else { return nil }
        // Without 、 only Chinese digits run together (兩三千萬); 12萬 is a number.
        if j == i + 1 && Numerals.asciiDigit(s[i]) != nil { return nil }
        guard let q = parser.parse(s, at: j), q.end > j + 1, let low = sharedUnits(digit: s[i], of: q) else { return nil }
        let t = tail(after: q)
        guard t.kind == .money || t.kind == .quantity else { return nil }
        return (low, q)
    }

    /// `q` with its first digit replaced by `digit` (九百億 with 八: 八百億), when a unit follows that digit.
    func sharedUnits(digit: Unicode.Scalar, of q: ParsedNumber) -> ExactNumber? {
        guard q.end > q.start + 1 else { return nil }
        let next = s[q.start + 1]
        guard let k = Numerals.kind(next) else { return nil }
        switch k {
        case .small, .big: break
        default: return nil
        }
        var t = Array(s[q.start..<q.end])
        t[0] = digit
        guard let low = parser.parse(t, at: 0), low.end == t.count else { return nil }
        return low.value
    }

    /// ` million`, ` billion`, ` trillion`, ` thousand` (one space, any case) at `k`: (power of ten, end).
    func englishMagnitude(at k: Int) -> (Int, Int)? {
        guard k + 1 < n, s[k] == " " else { return nil }
        for (word, shift) in [("million", 6), ("billion", 9), ("trillion", 12), ("thousand", 3), ("mn", 6), ("bn", 9)] {
            let w = Array(word.unicodeScalars)
            guard k + 1 + w.count <= n else { continue }
            var ok = true
            for (o, c) in w.enumerated() where Unicode.Scalar(s[k + 1 + o].value | 0x20) != c { ok = false; break }
            if ok && (k + 1 + w.count == n || !isCodeLetter(s[k + 1 + w.count])) { return (shift, k + 1 + w.count) }
        }
        return nil
    }

    /// 5元3角, 壹拾壹元壹角壹分, 五元三毛.
    func subunits(_ t: inout Tail) {
        var k = t.end
        var extra = ExactNumber.zero
        for (marks, exp) in [(["角", "毛"] as [Unicode.Scalar], -1), (["分"], -2)] {
            guard k + 1 < n else { break }
            var d: UInt8? = nil
            if case .digit(let v, _)? = Numerals.kind(s[k]) { d = v } else { d = Numerals.asciiDigit(s[k]) }
            if let d, marks.contains(s[k + 1]) {
                extra = extra + ExactNumber(Int(d)).shifted(exp)
                k += 2
            } else if s[k] == "零" || s[k] == "〇" {
                k += 1
            }
        }
        if k > t.end && !extra.isZero {
            t.extra = extra
            t.end = k
        }
    }

    func unit(at k: Int) -> (end: Int, value: String)? {
        guard let u = AmountLexicon.units.match(s, at: k) else { return nil }
        // The unit must not be the first character of another word (3名單, 5人民). Each such
        // word is two or three scalars: when no word has the next scalar second, none starts
        // here (a bit test rather than hashing a key into the set).
        guard k + 1 < n, AmountScanner.unitBlockerSeconds.contains(s[k + 1].value) else { return u }
        var key: UInt64 = 0
        for len in 1...3 where k + len <= n {
            key = key << 21 | UInt64(s[k + len - 1].value)
            if len >= 2 && len > u.end - k && AmountScanner.unitBlockerKeys.contains(key) { return nil }
        }
        return u
    }

    /// The second scalar of each of `AmountLexicon.unitBlockers`.
    static let unitBlockerSeconds = ScalarSet(AmountLexicon.unitBlockers.compactMap { w in
        w.unicodeScalars.dropFirst().first?.value
    })

    /// `AmountLexicon.unitBlockers` packed as 21 bits per scalar, so a lookup allocates nothing.
    static let unitBlockerKeys: Set<UInt64> = Set(AmountLexicon.unitBlockers.map { w in
        w.unicodeScalars.reduce(UInt64(0)) { $0 << 21 | UInt64($1.value) }
    })

    func isTimeOfDay(_ p: ParsedNumber, _ t: Tail) -> Bool {
        let k = t.end
        if k < n, Numerals.isTrigger(s[k]) || s[k] == "半" || s[k] == "鐘" || s[k] == "钟" || s[k] == "整" { return true }
        for b in max(0, p.start - 3)..<p.start where ["午", "晚", "晨", "凌", "早", "夜"].contains(s[b]) { return true }
        return false
    }

    /// What may follow a bare 萬/億 amount: punctuation, the end, or a function word.
    func bareFollower(_ k: Int) -> Bool {
        guard k < n else { return true }
        let c = s[k]
        if !isHan(c) { return !isCodeLetter(c) }
        return AmountScanner.bareFollowers.contains(c)
    }

    static let bareFollowers: Set<Unicode.Scalar> = [
        "的", "之", "至", "到", "與", "与", "和", "及", "或", "而", "但", "卻", "却", "並", "并", "用", "於", "于",
        "給", "给", "來", "来", "以", "是", "為", "为", "多", "餘", "余", "左", "上", "元",
    ]

    func leftQualifier(endingAt st: Int) -> (start: Int, value: String)? {
        let floor = max(entities.isEmpty ? 0 : bounds(ofEntity: entities.count - 1).end, st - 3)
        guard let q = AmountLexicon.leftQualifiers.match(s, endingAt: st, floor: floor) else { return nil }
        // 最近 (recently) and 附近 are not "about".
        if s[q.start] == "近" && q.start > 0 && (s[q.start - 1] == "最" || s[q.start - 1] == "附" || s[q.start - 1] == "接" || s[q.start - 1] == "將") { return nil }
        return q
    }

    /// 約為86.64美元, 約合新台幣48億元, 約在每平方公尺人民幣2000元: 約 + a verb, within the clause.
    func aboutWithVerb(before st: Int) -> Bool {
        var k = st - 1
        let floor = max(0, st - 9)
        while k > floor {
            let c = s[k]
            if !isHan(c) || Numerals.asciiDigit(c) != nil { return false }
            if (s[k - 1] == "約" || s[k - 1] == "约") && AmountScanner.aboutVerbs.contains(c) { return true }
            k -= 1
        }
        return false
    }

    static let aboutVerbs: Set<Unicode.Scalar> = ["為", "为", "在", "合", "有", "達", "达", "是", "值", "佔", "占"]

    func inParentheses(_ st: Int) -> Bool {
        var k = st - 1
        var depth = 0
        while k >= 0 && st - k < 200 {
            let c = s[k]
            if c == "\n" { return false }
            if c == "）" || c == ")" { depth += 1 }
            if c == "（" || c == "(" { if depth == 0 { return true }; depth -= 1 }
            k -= 1
        }
        return false
    }

    @inline(__always)
    func isHan(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x4E00 && c.value <= 0x9FFF) || (c.value >= 0x3400 && c.value <= 0x4DBF) || (c.value >= 0x20000 && c.value <= 0x2FFFF)
    }

    @inline(__always)
    func isCodeLetter(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0xFF21 && c.value <= 0xFF3A) || (c.value >= 0xFF41 && c.value <= 0xFF5A)
    }

    // MARK: - Currency resolution

    /// Written currencies stay. 元 alone is the document default (TWD, or CNY in Simplified
    /// text) unless an earlier amount outside parentheses was written CURRENCY…元 (港幣1萬8000元):
    /// then 元 continues that currency, marked `inferred`. A bare 萬/億 amount (no unit) is money
    /// only in a sentence that speaks of money (another amount, or a word such as 預算 or 稅);
    /// it takes the currency of the nearest amount in its sentence, else as 元 does, and is
    /// always marked `inferred`. Conversion glosses in parentheses (（約新台幣6萬9120元）) never
    /// set the context.
    mutating func resolveCurrencies(sentences: [Span]) {
        var yuanContext: String? = nil
        var drop: Set<Int> = []
        let moneySentences = Set(money.filter { $0.written != nil || $0.generic }
            .map { sentenceIndex(bounds(ofEntity: $0.entity).start, sentences) })
        var resolved: [(sentence: Int, currency: String, inParentheses: Bool)] = []
        // What 元 alone means here: the same for the whole document once the byline is set,
        // asked at most once (it copied the byline and compared its place for each amount).
        var documentYuan: String? = nil
        for note in money {
            let idx = note.entity
            let (start, end) = bounds(ofEntity: idx)
            let si = sentenceIndex(start, sentences)
            var cur: String
            if let w = note.written {
                cur = w
            } else if note.generic, let declared = declaredCurrency(after: end) {
                // 100万元（新台币，下同）: this 元 and the later ones are that currency;
                // 四亿余元（新台币，约1900万新元）: this one.
                cur = declared.currency
                if declared.sameBelow { yuanContext = declared.currency }
            } else if note.generic, !note.inParentheses, let prev = resolved.last, prev.sentence == si, !prev.inParentheses,
                      AmountScanner.yuanFamily.contains(prev.currency) {
                // 出口達180億美元，…超過200億元: 元 after a foreign 元-currency of its sentence.
                cur = prev.currency
                entities[idx].inferred = true
            } else if note.generic {
                if documentYuan == nil { documentYuan = defaultYuan() }
                let fallback = documentYuan!
                cur = yuanContext ?? fallback
                if cur != fallback { entities[idx].inferred = true }
                if yuanContext == nil { defaultCurrency.insert(start) }
            } else {
                guard moneySentences.contains(si) || sentenceHasMoneyWord(si, sentences) else {
                    drop.insert(idx); continue
                }
                if documentYuan == nil { documentYuan = defaultYuan() }
                let fallback = documentYuan!
                cur = resolved.last(where: { $0.sentence == si })?.currency
                    ?? nextCurrency(after: note, sentence: si, sentences: sentences, yuan: yuanContext ?? fallback)
                    ?? yuanContext ?? fallback
                entities[idx].inferred = true
            }
            entities[idx].currency = cur
            resolved.append((si, cur, note.inParentheses))
            if note.setsYuan && !note.inParentheses { yuanContext = cur }
        }
        if !drop.isEmpty {
            entities = entities.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }
    }

    /// A bracket right after an amount that opens with a currency word and a comma or closes
    /// after it: （新台币，下同）, （人民幣，以下同） declare the currency of this and the later 元
    /// (`sameBelow`); （新台币，约1900万新元）, （新台幣） that of this amount only.
    func declaredCurrency(after k: Int) -> (currency: String, sameBelow: Bool)? {
        guard k + 1 < n, s[k] == "（" || s[k] == "(", let m = AmountLexicon.suffixCurrencies.match(s, at: k + 1),
              m.value != AmountLexicon.genericYuan, m.end < n else { return nil }
        if s[m.end] == "）" || s[m.end] == ")" { return (m.value, false) }
        guard m.end + 2 < n, s[m.end] == "，" || s[m.end] == "," || s[m.end] == "、" else { return nil }
        let q = m.end + 1
        return (m.value, s.has("下同", at: q) || s.has("以下同", at: q))
    }

    /// Currencies whose name ends in 元 (美元, 港元, 日元, 歐元 …): a later bare 元 in the same
    /// sentence abbreviates them.
    static let yuanFamily: Set<String> = ["USD", "HKD", "JPY", "EUR", "AUD", "CAD", "NZD", "SGD", "MOP", "KRW"]

    /// What 元 alone means: CNY in Simplified text; in a story datelined Hong Kong (Macau) HKD
    /// (MOP); else TWD.
    mutating func defaultYuan() -> String {
        if isSimplified() { return "CNY" }
        if let place = byline?.place {
            if place.hasPrefix("香港") { return "HKD" }
            if place.hasPrefix("澳門") || place.hasPrefix("澳门") { return "MOP" }
        }
        return "TWD"
    }

    /// The currency of the next amount with a unit in the same sentence.
    func nextCurrency(after note: MoneyNote, sentence si: Int, sentences: [Span], yuan: String) -> String? {
        for m in money where m.entity > note.entity && sentenceIndex(bounds(ofEntity: m.entity).start, sentences) == si {
            if let w = m.written { return w }
            if m.generic { return yuan }
        }
        return nil
    }

    func sentenceIndex(_ pos: Int, _ sentences: [Span]) -> Int {
        var lo = 0, hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= pos { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    func sentenceHasMoneyWord(_ si: Int, _ sentences: [Span]) -> Bool {
        let span = si < sentences.count ? sentences[si] : Span(start: 0, end: n)
        return AmountScanner.moneyWordTable.occurs(in: s, span.start..<span.end)
    }

    /// One pass over the sentence with a first-scalar test, not one pass per money word.
    static let moneyWordTable = WordTable(AmountLexicon.moneyWords.map { ($0, $0) })
}

extension [Entity] {
    /// Whether the entities are sorted by start, read in place (pairs of copies cost a dozen
    /// retains and releases each).
    var startsInOrder: Bool {
        withUnsafeBufferPointer { p in
            for i in p.indices.dropFirst() where (p.baseAddress! + i - 1).pointee.start > (p.baseAddress! + i).pointee.start {
                return false
            }
            return true
        }
    }

    /// Whether the entities are sorted by (start, end, type name), as `AmountScanner.run` orders
    /// them, read in place.
    var inReportOrder: Bool {
        withUnsafeBufferPointer { p in
            for i in p.indices.dropFirst() {
                let a = p.baseAddress! + i - 1, b = p.baseAddress! + i
                if (b.pointee.start, b.pointee.end, b.pointee.type.rawValue) < (a.pointee.start, a.pointee.end, a.pointee.type.rawValue) {
                    return false
                }
            }
            return true
        }
    }
}
