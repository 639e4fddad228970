import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// One named row of the number parser's table.
struct NumberCase: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    /// Canonical decimal of the whole input, or nil when it must not parse in full.
    let expected: String?
    var testDescription: String { "\(name): \(input)" }
}

@Suite("Number parser")
struct AmountNumberTests {
    static let cases: [NumberCase] = [
        NumberCase(name: "ASCII digits", input: "4500", expected: "4500"),
        NumberCase(name: "full-width digits", input: "１２３４", expected: "1234"),
        NumberCase(name: "thousands separators", input: "1,050,000,000", expected: "1050000000"),
        NumberCase(name: "full-width separators", input: "４，５６５", expected: "4565"),
        NumberCase(name: "decimal", input: "13.55", expected: "13.55"),
        // 18 digits in all are read as one machine integer, more as digit arrays: both exact.
        NumberCase(name: "18 digits with a fraction", input: "123,456,789,012,345.678", expected: "123456789012345.678"),
        NumberCase(name: "19 digits with a fraction", input: "1,234,567,890,123,456.780", expected: "1234567890123456.78"),
        NumberCase(name: "25 digits", input: "1234567890123456789012345", expected: "1234567890123456789012345"),
        NumberCase(name: "trailing fractional zeros", input: "0012.500", expected: "12.5"),
        NumberCase(name: "decimal with 萬", input: "3.09萬", expected: "30900"),
        NumberCase(name: "decimal with 億", input: "1.2億", expected: "120000000"),
        NumberCase(name: "一千兩百萬", input: "一千兩百萬", expected: "12000000"),
        NumberCase(name: "三億五千萬", input: "三億五千萬", expected: "350000000"),
        NumberCase(name: "兩 alone", input: "兩", expected: "2"),
        NumberCase(name: "零 inside", input: "一千零一", expected: "1001"),
        NumberCase(name: "零 before 十", input: "一千零十", expected: "1010"),
        NumberCase(name: "廿", input: "廿二", expected: "22"),
        NumberCase(name: "卅", input: "卅", expected: "30"),
        NumberCase(name: "〇 digit run", input: "二〇二三", expected: "2023"),
        NumberCase(name: "financial capitals", input: "壹仟貳佰參拾肆", expected: "1234"),
        NumberCase(name: "capitals with 萬", input: "拾萬零五十六", expected: "100056"),
        NumberCase(name: "1萬5000", input: "1萬5000", expected: "15000"),
        NumberCase(name: "9億1777萬", input: "9億1777萬", expected: "917770000"),
        NumberCase(name: "1兆5674億", input: "1兆5674億", expected: "1567400000000"),
        NumberCase(name: "28億6843萬1449", input: "28億6843萬1449", expected: "2868431449"),
        NumberCase(name: "abbreviated last place", input: "一萬三", expected: "13000"),
        NumberCase(name: "abbreviated after 千", input: "兩千六", expected: "2600"),
        NumberCase(name: "萬萬", input: "四萬萬", expected: "400000000"),
        NumberCase(name: "萬億", input: "4.78萬億", expected: "4780000000000"),
        NumberCase(name: "nested 萬 before 億", input: "一千一百一十一萬一千一百一十一億", expected: "1111111100000000"),
        NumberCase(name: "Chinese decimal point", input: "十五點七", expected: "15.7"),
        NumberCase(name: "Chinese decimal then 億", input: "一點二億", expected: "120000000"),
        NumberCase(name: "approximate 多 before unit", input: "一千多萬", expected: "10000000"),
        NumberCase(name: "sign", input: "負三十二", expected: "-32"),
        NumberCase(name: "beyond Int64", input: "九千八百七十六萬五千四百三十二億九千八百七十六萬五千四百三十二兆", expected: "9876543298765432000000000000"),
        NumberCase(name: "零 blocks the abbreviated place", input: "一萬零三", expected: "10003"),
        NumberCase(name: "spaces between parts", input: "7 萬5 千4 百", expected: "75400"),
        NumberCase(name: "leading point", input: ".5", expected: "0.5"),
        NumberCase(name: "signed leading point", input: "-.5", expected: "-0.5"),
        NumberCase(name: "个 before a big unit", input: "两个亿", expected: "200000000"),
        NumberCase(name: "digit run then point", input: "二〇點五", expected: "20.5"),
        NumberCase(name: "十七十八 is two numbers", input: "十七十八", expected: nil),
        NumberCase(name: "萬 alone", input: "萬", expected: nil),
        NumberCase(name: "兩兩 is no digit run", input: "兩兩", expected: nil),
    ]

    @Test(arguments: cases)
    func parses(_ c: NumberCase) {
        #expect(AmountTagger.parseNumber(c.input)?.decimal == c.expected)
    }

    @Test func stopsBeforeTheSecondNumber() throws {
        let s = Array("十七十八".unicodeScalars)
        let p = try #require(NumberParser().parse(s, at: 0))
        #expect(p.value.description == "17")
        #expect(p.end == 2)
    }

    /// `parse` reads digits that nothing continues without the general scan: it must give what
    /// the scan gives, every field, at every start of texts where digits end before each kind of
    /// scalar the scan reads on (units, numerals, 個, 多, spaces, points, separators) and before
    /// others, with each of the parsers the amounts stage and `wenxi numbers` use.
    @Test func digitsReadWithoutTheScanAsTheScanReadsThem() {
        let texts = [
            "2024年3月5日，15%與3.5公里", "1,000萬元、3 億、3个亿、5多萬、12一、3〇、20廿、5兆、9千",
            "１２３４元，０.5點，7 萬5 千4 百", "12345678901234567890元，3,00，3.，1.2億，4萬萬", "42",
            "第3點5，3點，8餘人，6幾，2几，7個月，7个，1,234,567.89美元，１，２３４", "5-6月，10~20，3/4，2x，9\n8",
        ]
        let parsers = [NumberParser(), NumberParser(digitSequences: true),
                       NumberParser(digitSequences: true, allowSpaces: true, allowSign: true), NumberParser(allowSign: true)]
        var fast = 0
        for text in texts {
            let s = Array(text.unicodeScalars)
            for parser in parsers {
                for i in s.indices {
                    let general = parser.parseScanning(s, at: i, n: s.count)
                    #expect(parser.parse(s, at: i) == general, "\(text) at \(i)")
                    let limit = min(s.count, i + 2)  // a limit that cuts the digits
                    #expect(parser.parse(s, at: i, limit: limit) == parser.parseScanning(s, at: i, n: limit), "\(text) at \(i) to \(limit)")
                    if Numerals.asciiDigit(s[i]) != nil && general != nil { fast += 1 }
                }
            }
        }
        #expect(fast > 100)
    }

    /// The flags the amount scanner reads, each set by a different phase of the parse.
    @Test(arguments: [
        // (input, bigUnit, lastBigUnit, plainDigits, capitalsOnly, startsWithUnit, approximateOver)
        ("5億", 8, 8, false, false, false, false),
        ("1兆5674億", 12, 8, false, false, false, false),
        ("一萬三", 4, 0, false, false, false, false),
        ("2023", 0, 0, true, false, false, false),
        ("3,000", 0, 0, false, false, false, false),
        ("壹仟", 0, 0, false, true, false, false),
        ("十五", 0, 0, false, false, true, false),
        ("一千多萬", 4, 4, false, false, false, true),
    ])
    func setsFlags(_ input: String, _ big: Int, _ lastBig: Int, _ plain: Bool, _ capitals: Bool,
                   _ startsWithUnit: Bool, _ over: Bool) throws {
        let s = Array(input.unicodeScalars)
        let p = try #require(NumberParser().parse(s, at: 0))
        #expect(p.end == s.count)
        #expect(p.bigUnit == big)
        #expect(p.lastBigUnit == lastBig)
        #expect(p.plainDigits == plain)
        #expect(p.capitalsOnly == capitals)
        #expect(p.startsWithUnit == startsWithUnit)
        #expect(p.approximateOver == over)
    }

    @Test(arguments: [
        ("0.1", "0.2", "0.3"),
        ("99999999999999999999", "1", "100000000000000000000"),
        ("1.5", "-2.25", "-0.75"),
        ("-3", "3", "0"),
    ])
    func addsExactly(_ a: String, _ b: String, _ sum: String) {
        let x = ExactNumber(decimal: a)!, y = ExactNumber(decimal: b)!
        #expect((x + y).description == sum)
    }

    /// `int` and `int64` take shortcuts for values that fit a machine integer; they must say
    /// what the printed value says, at the edges too.
    @Test(arguments: ["0", "7", "-7", "10", "123456789012345678", "-123456789012345678",
                      "1234567890123456789", "-9223372036854775808", "99999999999999999999", "1.5", "-0.25"])
    func intAndExactAgreeWithTheDigits(_ decimal: String) {
        let v = ExactNumber(decimal: decimal)!
        #expect(v.description == decimal)
        #expect(v.int == Int(decimal))
        #expect(v.int64 == Int64(decimal))
        #expect(v.decimal == decimal)
    }

    @Test func smallIntegersAreExact() {
        for k in -12...12 {
            #expect(ExactNumber(k).description == String(k))
            #expect(ExactNumber(k).isZero == (k == 0))
        }
    }

    @Test(arguments: [
        (2024, 9, 19, "2024-09-19"), (2024, nil, nil, "2024"), (2023, 11, nil, "2023-11"),
        (5, 3, 1, "0005-03-01"), (12345, 1, 2, "12345-01-02"), (2024, nil, 5, "2024-05"),
        (2024, 100, 1, "2024-100-01"),
    ] as [(Int, Int?, Int?, String)])
    func writesISODates(_ y: Int, _ m: Int?, _ d: Int?, _ iso: String) {
        #expect(CivilDate.iso(y, m, d) == iso)
    }

    @Test func wordTableFilterOnlyNarrowsTheLookup() {
        let table = WordTable([("預算", "budget"), ("稅", "tax")])
        let text = Array("明年預算增加".unicodeScalars)
        #expect(table.match(text, at: 2)?.value == "budget")
        #expect(table.match(text, at: 1) == nil)
        #expect(table.occurs(in: text, 0..<text.count))
        #expect(!table.occurs(in: text, 0..<3))          // 預 without 算
        // Same low 12 bits as 預 (U+9810): passes the filter, still no word.
        let lookalike = [Unicode.Scalar(0x8810)!, "算"]
        #expect(table.match(lookalike, at: 0) == nil)
        #expect(table.match(text, endingAt: 4)?.value == "budget")
    }

    /// The scan's table marks exactly the scalars the parser reads as numerals (it is built from
    /// a list, `Numerals.chineseScalars`, which must name every scalar `kind` knows).
    @Test func numeralFlagsAgreeWithTheParser() {
        var disagree: [UInt32] = []
        for v in UInt32(0)..<0x10000 {
            guard let s = Unicode.Scalar(v) else { continue }
            let numeral = Numerals.asciiDigit(s) != nil || Numerals.kind(s) != nil
            if numeral != (ScalarFlags.table[Int(v)] & ScalarFlags.numeral != 0) { disagree.append(v) }
        }
        #expect(disagree.isEmpty)
    }

    @Test func shiftsAndCompares() {
        let v = ExactNumber(decimal: "1.2")!
        #expect(v.shifted(8).description == "120000000")
        #expect(v.shifted(-3).description == "0.0012")
        #expect(ExactNumber(decimal: "0.66")! < ExactNumber(1))
        #expect(ExactNumber(-5) < ExactNumber(decimal: "-4.5")!)
    }
}
