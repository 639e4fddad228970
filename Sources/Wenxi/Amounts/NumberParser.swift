/// What a scalar means inside a number.
enum NumeralKind: Equatable {
    /// 零〇一二…九, 兩/两/倆, 壹貳參…玖, 幺. `capital` marks the financial forms.
    case digit(UInt8, capital: Bool)
    /// 十/拾 (1), 百/佰 (2), 千/仟 (3): a power of ten inside a 萬 section.
    case small(Int)
    /// 萬/万 (4), 億/亿 (8), 兆 (12).
    case big(Int)
    /// 廿 (20), 卅 (30), 卌 (40): a digit with its 十.
    case tens(UInt8)
}

enum Numerals {
    @inline(__always)
    static func asciiDigit(_ s: Unicode.Scalar) -> UInt8? {
        let v = s.value
        if v >= 0x30 && v <= 0x39 { return UInt8(v - 0x30) }
        if v >= 0xFF10 && v <= 0xFF19 { return UInt8(v - 0xFF10) }
        return nil
    }

    static func kind(_ s: Unicode.Scalar) -> NumeralKind? {
        switch s {
        case "零", "〇": return .digit(0, capital: false)
        case "一", "幺": return .digit(1, capital: false)
        case "二", "兩", "两", "倆", "俩": return .digit(2, capital: false)
        case "三": return .digit(3, capital: false)
        case "四": return .digit(4, capital: false)
        case "五": return .digit(5, capital: false)
        case "六": return .digit(6, capital: false)
        case "七": return .digit(7, capital: false)
        case "八": return .digit(8, capital: false)
        case "九": return .digit(9, capital: false)
        case "壹": return .digit(1, capital: true)
        case "貳", "贰", "弍", "貮": return .digit(2, capital: true)
        case "參", "叁", "参": return .digit(3, capital: true)
        case "肆": return .digit(4, capital: true)
        case "伍": return .digit(5, capital: true)
        case "陸", "陆": return .digit(6, capital: true)
        case "柒": return .digit(7, capital: true)
        case "捌": return .digit(8, capital: true)
        case "玖": return .digit(9, capital: true)
        case "十": return .small(1)
        case "拾": return .small(1)
        case "百", "佰": return .small(2)
        case "千", "仟": return .small(3)
        case "萬", "万": return .big(4)
        case "億", "亿": return .big(8)
        case "兆": return .big(12)
        case "廿": return .tens(2)
        case "卅": return .tens(3)
        case "卌": return .tens(4)
        default: return nil
        }
    }

    /// Every scalar `kind` knows, for tables built once (`ScalarFlags.table`: asking `kind` of
    /// each of the 65,536 BMP scalars was 3.1 M instructions per process, most of the amounts
    /// stage's set-up). A test checks it against `kind` over the whole BMP.
    static let chineseScalars: [Unicode.Scalar] = [
        "零", "〇", "一", "幺", "二", "兩", "两", "倆", "俩", "三", "四", "五", "六", "七", "八", "九",
        "壹", "貳", "贰", "弍", "貮", "參", "叁", "参", "肆", "伍", "陸", "陆", "柒", "捌", "玖",
        "十", "拾", "百", "佰", "千", "仟", "萬", "万", "億", "亿", "兆", "廿", "卅", "卌",
    ]

    /// True for scalars that can start a number: digits, Chinese digits and units.
    @inline(__always)
    static func isTrigger(_ s: Unicode.Scalar) -> Bool {
        asciiDigit(s) != nil || (s.value >= 0x3007 && kind(s) != nil)
    }
}

/// A number read from the text.
struct ParsedNumber: Equatable {
    var value: ExactNumber
    /// Scalar offsets, half-open.
    var start: Int
    var end: Int
    /// Exponent of the largest 萬/億/兆 unit used (0 when none).
    var bigUnit: Int
    /// Exponent of the last multiplier applied to the final part (for 3至5億: the 5 is ×10^8).
    var lastBigUnit: Int
    /// Written with Chinese numerals only (no ASCII/full-width digit).
    var chineseOnly: Bool
    /// Starts with a unit character (十, 百, 千) rather than a digit.
    var startsWithUnit: Bool
    /// Consists of one scalar.
    var single: Bool
    /// Uses financial capitals (壹貳…) only, with no plain numeral.
    var capitalsOnly: Bool
    /// An approximate marker (多/餘/余/幾) sat between the number and its unit: "over".
    var approximateOver: Bool
    /// Plain ASCII/full-width digits only, no separators, point or unit (for year and date codes).
    var plainDigits: Bool
}

/// Hand-written parser for the numbers of Chinese text: ASCII and full-width digits with
/// thousands separators and decimals, Chinese numerals (一千兩百萬, 三億五千萬, 廿, 〇),
/// financial capitals (壹貳參…仟), and mixtures (1萬5000, 9億1777萬, 1兆5674億, 28億6843萬1449).
///
/// The algorithm: a *section* accumulates digit × 十/百/千; a big unit (萬/億/兆) closes it and
/// multiplies it, together with every earlier chunk of a smaller big unit (so 一千萬億 and 四萬萬
/// work); a lone trailing digit after a unit is the abbreviated next place (一萬三 = 13000,
/// 兩千六 = 2600) unless a 零 came before it.
struct NumberParser {
    /// Accept runs of Chinese digits read one by one (二〇二三, 一七二零): years, codes.
    var digitSequences = false
    /// Accept single ASCII spaces between parts (7 萬5 千4 百), as in some test corpora.
    var allowSpaces = false
    /// Accept 負/负/-/－ before the number.
    var allowSign = false

    func parse(_ s: [Unicode.Scalar], at i: Int, limit: Int? = nil) -> ParsedNumber? {
        let n = limit ?? s.count
        // Digits that nothing after them continues (2024年, 15%, 3.5公里: most numbers of the
        // text) are read without the scan's state: what `NumberScan` gives for them, field by
        // field (its set-up, `finish` and destroy cost ~500 instructions a number; README
        // Benchmark, "assemble, encode and amounts, fourth pass"). A test compares the two.
        if i < n, Numerals.asciiDigit(s[i]) != nil, let (v, e, plain) = parseArabic(s, i, n), e == n || NumberParser.endsDigits(s[e]) {
            return ParsedNumber(value: v, start: i, end: e, bigUnit: 0, lastBigUnit: 0, chineseOnly: false, startsWithUnit: false,
                                single: e - i == 1, capitalsOnly: false, approximateOver: false, plainDigits: plain)
        }
        return parseScanning(s, at: i, n: n)
    }

    /// True when a number of digits ends before `c`: `NumberScan.step` reads nothing of it after
    /// the digits (no numeral or unit, no 個/个 before a unit, no 多/餘/余/幾/几, no space before a
    /// unit; 點 is read only after Chinese numerals).
    @inline(__always)
    static func endsDigits(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case " ", "个", "個", "多", "餘", "余", "幾", "几": return false
        default: return Numerals.asciiDigit(c) == nil && (c.value < 0x3007 || Numerals.kind(c) == nil)
        }
    }

    /// `parse` by the general scan (`NumberScan`), with no fast path.
    func parseScanning(_ s: [Unicode.Scalar], at i: Int, n: Int) -> ParsedNumber? {
        var scan = NumberScan(parser: self, s: s, n: n, start: i)
        scan.readSign()
        if let leading = scan.readLeadingPoint() { return leading }
        while scan.j < scan.n, scan.step() {}
        return scan.finish()
    }

    /// ASCII or full-width digits with optional thousands separators (, ，) in groups of three
    /// and a decimal point (. ．). Returns the value, the end, and whether it was plain digits.
    func parseArabic(_ s: [Unicode.Scalar], _ i: Int, _ n: Int) -> (ExactNumber, Int, Bool)? {
        var j = i
        var plain = true
        while j < n, Numerals.asciiDigit(s[j]) != nil { j += 1 }
        if j == i { return nil }
        var intDigitCount = j - i
        // Thousands groups: only when the first group has 1-3 digits and each group has exactly 3.
        if intDigitCount <= 3 {
            var k = j
            var groups = 0
            while k + 3 < n + 0, k < n, s[k] == "," || s[k] == "，" {
                var q = k + 1
                while q < n, q - k - 1 < 4, Numerals.asciiDigit(s[q]) != nil { q += 1 }
                if q - k - 1 != 3 { break }
                groups += 1
                k = q
            }
            if groups > 0 { intDigitCount += 3 * groups; j = k; plain = false }
        }
        // The integer part is i..<intEnd (digits and separators), the fraction fracStart..<j.
        let intEnd = j
        var fracStart = j
        if j + 1 < n, s[j] == "." || s[j] == "．", Numerals.asciiDigit(s[j + 1]) != nil {
            var q = j + 1
            while q < n, Numerals.asciiDigit(s[q]) != nil { q += 1 }
            fracStart = j + 1
            j = q
            plain = false
        }
        let fracCount = j - fracStart
        // Up to 18 digits (nearly every number of the text): one machine integer, no digit arrays.
        if intDigitCount + fracCount <= 18 {
            var v = 0
            for q in i..<intEnd { if let d = Numerals.asciiDigit(s[q]) { v = v * 10 + Int(d) } }
            for q in fracStart..<j { v = v * 10 + Int(Numerals.asciiDigit(s[q])!) }
            return (ExactNumber(significand: v, scale: fracCount), j, plain)
        }
        var intDigits: [UInt8] = []
        intDigits.reserveCapacity(intDigitCount)
        for q in i..<intEnd { if let d = Numerals.asciiDigit(s[q]) { intDigits.append(d) } }
        let frac = (fracStart..<j).map { Numerals.asciiDigit(s[$0])! }
        return (ExactNumber(integer: intDigits, fraction: frac), j, plain)
    }
}

/// The state of one `NumberParser.parse`, read in phases: the sign and a leading point, then
/// one step per scalar (each `read…` returns false where the number ends), then `finish`.
///
/// A *section* accumulates digit × 十/百/千; `pending` is the digit or ASCII number not yet
/// multiplied; `chunks` are the sections closed by a big unit, with their exponent.
private struct NumberScan {
    let parser: NumberParser
    let s: [Unicode.Scalar]
    let n: Int
    let start: Int
    var j: Int
    var bodyStart: Int
    var negative = false

    var chunks: [(ExactNumber, Int)] = []
    var section = ExactNumber.zero
    var pending: ExactNumber? = nil
    var pendingSingleChinese = false
    var lastUnit = 0          // exponent of the last unit applied (small or big)
    var lastSmall = 99        // last small unit within the current section
    var sawZero = false
    var zeroOnly = false
    var end: Int
    var chineseOnly = true
    var anyUnit = false
    var anyPlain = false
    var anyCapital = false
    var approximateOver = false
    var seqDigits: [UInt8] = []   // Chinese digits read one by one, while no unit was seen
    var inSequence = false
    var lastBig = 0
    var plainDigits = true
    var fractionTaken = false

    init(parser: NumberParser, s: [Unicode.Scalar], n: Int, start: Int) {
        self.parser = parser
        self.s = s
        self.n = n
        self.start = start
        self.j = start
        self.bodyStart = start
        self.end = start
    }

    @inline(__always)
    func skipSpace(_ k: Int) -> Int {
        guard parser.allowSpaces else { return k }
        var k = k
        while k < n && s[k] == " " { k += 1 }
        return k
    }

    /// True when nothing has been read that has a value.
    var isEmpty: Bool { pending == nil && section.isZero && chunks.isEmpty && !zeroOnly }

    // MARK: Phase 1: sign and leading point

    /// 負/负/-/－ before the number, where signs are allowed.
    mutating func readSign() {
        if parser.allowSign && j < n && (s[j] == "負" || s[j] == "负" || s[j] == "-" || s[j] == "－") {
            negative = true
            j += 1
        }
        bodyStart = j
        end = j
    }

    /// .5 and -.5 (only where signs are allowed: whole-string parsing): the whole number.
    func readLeadingPoint() -> ParsedNumber? {
        guard parser.allowSign && j + 1 < n && (s[j] == "." || s[j] == "．"), Numerals.asciiDigit(s[j + 1]) != nil,
              let (v, e, _) = parser.parseArabic(["0"] + s[(j)..<n], 0, n - j + 1) else { return nil }
        let total = negative ? v.negated() : v
        return ParsedNumber(value: total, start: start, end: j + e - 1, bigUnit: 0, lastBigUnit: 0, chineseOnly: false,
                            startsWithUnit: false, single: false, capitalsOnly: false, approximateOver: false, plainDigits: false)
    }

    // MARK: Phase 2: one scalar (or run) at a time

    /// Reads what starts at `j`; false where the number ends.
    mutating func step() -> Bool {
        let c = s[j]
        if Numerals.asciiDigit(c) != nil { return readArabic() }
        guard let k = Numerals.kind(c) else {
            // Only after Chinese numerals: 3點30分 is a time of day.
            if (c == "點" || c == "点") && !fractionTaken && chineseOnly { return readChinesePoint() }
            if c == "个" || c == "個" { return skipCounter() }
            if c == "多" || c == "餘" || c == "余" || c == "幾" || c == "几" { return readApproximate() }
            return false
        }
        plainDigits = false
        switch k {
        case .digit(let d, let capital): return readDigit(c, d, capital: capital)
        case .tens(let d): return readTens(d)
        case .small(let e): return readSmall(c, e)
        case .big(let e): return readBig(e)
        }
    }

    /// ASCII or full-width digits (with separators and decimals).
    mutating func readArabic() -> Bool {
        if pending != nil || inSequence { return false }
        guard let (v, e, plain) = parser.parseArabic(s, j, n) else { return false }
        if !plain { plainDigits = false }
        pending = v
        pendingSingleChinese = false
        chineseOnly = false
        if !plain { fractionTaken = true }
        j = e
        end = j
        j = skipSpace(j)
        // 3000 亿元: one space between digits and a big unit.
        if j + 1 < n && s[j] == " ", case .big? = Numerals.kind(s[j + 1]) { j += 1 }
        return true
    }

    /// Chinese decimal point, then Chinese (or ASCII) fractional digits.
    mutating func readChinesePoint() -> Bool {
        var q = skipSpace(j + 1)
        var frac: [UInt8] = []
        while q < n {
            if case .digit(let d, _)? = Numerals.kind(s[q]), !(s[q] == "兩" || s[q] == "两") { frac.append(d); q += 1 }
            else if parser.allowSpaces, let d = Numerals.asciiDigit(s[q]) { frac.append(d); q += 1 }
            else if parser.allowSpaces && s[q] == " " && q + 1 < n && Numerals.kind(s[q + 1]) != nil { q += 1 }
            else { break }
        }
        if frac.isEmpty { return false }
        if isEmpty && !inSequence { return false }
        if inSequence {
            pending = ExactNumber(integer: seqDigits, fraction: frac)
            inSequence = false
            seqDigits = []
        } else {
            shiftAbbreviatedDigit()
            pending = (pending ?? .zero) + ExactNumber(integer: [], fraction: frac)
        }
        pendingSingleChinese = false
        plainDigits = false
        fractionTaken = true
        j = q
        end = j
        return true
    }

    /// 两个亿: 个 between a number and a big unit.
    mutating func skipCounter() -> Bool {
        guard pending != nil || !section.isZero, j + 1 < n, case .big? = Numerals.kind(s[j + 1]) else { return false }
        j += 1
        return true
    }

    /// 多/餘/余/幾/几 between a number and a unit: approximate, "over".
    mutating func readApproximate() -> Bool {
        guard pending != nil || !section.isZero || !chunks.isEmpty,
              j + 1 < n, let next = Numerals.kind(s[skipSpace(j + 1)]) else { return false }
        switch next {
        case .small, .big:
            approximateOver = true
            j = skipSpace(j + 1)
            return true
        default:
            return false
        }
    }

    /// 零〇一…九, 兩, 壹…玖: a digit, a digit of a sequence, or a zero.
    mutating func readDigit(_ c: Unicode.Scalar, _ d: UInt8, capital: Bool) -> Bool {
        if capital { anyCapital = true } else { anyPlain = true }
        let isLiang = c == "兩" || c == "两" || c == "倆" || c == "俩"
        if inSequence {
            if isLiang { return false }
            seqDigits.append(d)
            j += 1; end = j
            j = skipSpace(j)
            return true
        }
        if pending != nil {
            // Two digits in a row: read one by one, only before any unit.
            guard parser.digitSequences, !anyUnit, !isLiang, pendingSingleChinese || (pending?.isZero ?? false) || zeroOnly,
                  let p = pending else { return false }
            seqDigits = [UInt8(p.description)!, d]
            inSequence = true
            pending = nil
            j += 1; end = j
            return true
        }
        if d == 0 { return readZero() }
        pending = ExactNumber(Int(d))
        pendingSingleChinese = true
        j += 1; end = j
        j = skipSpace(j)
        return true
    }

    /// 零 inside a number (一千零十), alone, or starting a digit run (〇〇二).
    mutating func readZero() -> Bool {
        if anyUnit || !chunks.isEmpty || !section.isZero {
            sawZero = true
            j += 1; end = j
            j = skipSpace(j)
            return true
        }
        // A leading zero: 零 alone, 零點五, or the start of a digit run (〇〇二).
        if parser.digitSequences && j + 1 < n, case .digit(let d2, _)? = Numerals.kind(s[j + 1]), !(s[j + 1] == "兩" || s[j + 1] == "两") {
            seqDigits = [0, d2]
            inSequence = true
            j += 2; end = j
            return true
        }
        zeroOnly = true
        pending = .zero
        pendingSingleChinese = false
        j += 1; end = j
        // 零十 (Recognizers) = 10: let a following unit take over.
        j = skipSpace(j)
        return true
    }

    /// 廿 (20), 卅 (30), 卌 (40).
    mutating func readTens(_ d: UInt8) -> Bool {
        if pending != nil && !(zeroOnly && pending!.isZero) { return false }
        anyPlain = true
        if lastSmall <= 1 { return false }
        section = section + ExactNumber(Int(d) * 10)
        pending = nil
        pendingSingleChinese = false
        lastUnit = 1; lastSmall = 1
        anyUnit = true
        j += 1; end = j
        j = skipSpace(j)
        return true
    }

    /// 十/百/千 (and 拾佰仟): multiplies the pending digit into the section.
    mutating func readSmall(_ c: Unicode.Scalar, _ e: Int) -> Bool {
        if inSequence { return false }
        if c == "拾" || c == "佰" || c == "仟" { anyCapital = true } else { anyPlain = true }
        if e >= lastSmall { return false }     // 十七十八: the second 十 starts another number
        var p = pending
        if p == nil || (zeroOnly && p!.isZero && chunks.isEmpty && section.isZero) {
            // 十 = 10, 百三 = 130, 一千零十 = 1010, 一百十一 = 111; not 萬千.
            let atStart = chunks.isEmpty && section.isZero
            guard atStart || sawZero || (lastUnit > e && lastUnit < 4) else { return false }
            p = ExactNumber(1)
        }
        section = section + p!.shifted(e)
        pending = nil
        pendingSingleChinese = false
        lastUnit = e; lastSmall = e
        anyUnit = true
        zeroOnly = false
        j += 1; end = j
        j = skipSpace(j)
        return true
    }

    /// 萬/億/兆: closes the section into a chunk.
    mutating func readBig(_ e: Int) -> Bool {
        if inSequence { return false }
        anyPlain = true
        guard closeSection(e) else { return false }
        pending = nil
        pendingSingleChinese = false
        lastSmall = 99
        sawZero = false
        zeroOnly = false
        anyUnit = true
        j += 1; end = j
        j = skipSpace(j)
        return true
    }

    /// Multiplies the section (with the pending digit) by 10^e and appends it to `chunks`,
    /// together with every earlier chunk of a smaller big unit; false when there is nothing to
    /// multiply.
    mutating func closeSection(_ e: Int) -> Bool {
        var v = section + (pending ?? .zero)
        var unitExp = e
        if v.isZero && !zeroOnly {
            // 四萬萬, 1萬億: the unit multiplies the chunk just closed.
            guard let last = chunks.last, last.1 <= e, lastUnit == last.1 else { return false }
            chunks.removeLast()
            v = last.0.shifted(-last.1)
            unitExp = last.1 + e
        }
        // Every earlier chunk of a smaller big unit joins this one (一千一百萬億).
        while let last = chunks.last, last.1 < unitExp {
            v = v + last.0
            chunks.removeLast()
        }
        chunks.append((v.shifted(unitExp), unitExp))
        section = .zero
        lastUnit = unitExp
        lastBig = unitExp
        return true
    }

    // MARK: Phase 3: the value

    /// 一萬三 = 13000: a lone trailing digit after a unit is the next place down.
    mutating func shiftAbbreviatedDigit() {
        if pendingSingleChinese && !sawZero && lastUnit >= 2, let p = pending {
            pending = p.shifted(lastUnit - 1)
        }
    }

    /// The number read, or nil when nothing with a value was.
    mutating func finish() -> ParsedNumber? {
        if inSequence && !fractionTaken {
            pending = ExactNumber(integer: seqDigits)
        }
        guard end > bodyStart else { return nil }
        if isEmpty { return nil }
        shiftAbbreviatedDigit()
        var total = section + (pending ?? .zero)
        for (v, _) in chunks { total = total + v }
        if negative { total = total.negated() }
        let trailingBig = (pending == nil && section.isZero && !chunks.isEmpty) ? lastBig : 0
        var bigUnit = 0  // the largest chunk exponent (a loop: `map` then `max` allocated per number)
        for (_, e) in chunks where e > bigUnit { bigUnit = e }
        return ParsedNumber(
            value: total, start: start, end: end, bigUnit: bigUnit,
            lastBigUnit: trailingBig, chineseOnly: chineseOnly,
            startsWithUnit: { if case .small? = Numerals.kind(s[bodyStart]) { return true }; return false }(),
            single: end - bodyStart == 1, capitalsOnly: anyCapital && !anyPlain,
            approximateOver: approximateOver, plainDigits: plainDigits && chineseOnly == false)
    }
}
