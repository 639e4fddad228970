import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// One named row: in `text`, the entity whose span is `span` must have these fields.
struct AmountCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let span: String
    var type: EntityType = .money
    var value: String? = nil
    var currency: String? = nil
    var unit: String? = nil
    var qualifier: String? = nil
    var rangeTo: String? = nil
    var inferred: Bool? = nil
    var testDescription: String { "\(name): \(span)" }
}

/// The article date used by the date rows: CNA's 2023-09-19 18:48 Taiwan time, as front matter writes it.
let seedDate = "2023-09-19T10:48:00.000Z"

@Suite("Amount tagger")
struct AmountTaggerTests {
    static let money: [AmountCase] = [
        AmountCase(name: "prefix currency with 萬", text: "市府編列新台幣4500萬資安相關預算", span: "新台幣4500萬", value: "45000000", currency: "TWD"),
        AmountCase(name: "bare amount inherits currency", text: "市府編列新台幣4500萬資安相關預算，資科局的資安預算低於1000萬，卻需承擔",
                   span: "低於1000萬", value: "10000000", currency: "TWD", qualifier: "under", inferred: true),
        AmountCase(name: "qualifier before currency", text: "營收逾新台幣1.4億元。", span: "逾新台幣1.4億元", value: "140000000", currency: "TWD", qualifier: "over"),
        AmountCase(name: "about with a verb stays outside", text: "股價約為86.64美元。", span: "86.64美元", value: "86.64", currency: "USD", qualifier: "about"),
        AmountCase(name: "兆 and 億", text: "總預算新台幣1兆5674億元。", span: "新台幣1兆5674億元", value: "1567400000000", currency: "TWD"),
        AmountCase(name: "mixed 億萬 and digits", text: "共28億6843萬1449元。", span: "28億6843萬1449元", value: "2868431449", currency: "TWD"),
        AmountCase(name: "9億1777萬元", text: "支出9億1777萬元。", span: "9億1777萬元", value: "917770000", currency: "TWD"),
        AmountCase(name: "1萬5000元", text: "罰款1萬5000元。", span: "1萬5000元", value: "15000", currency: "TWD"),
        AmountCase(name: "Chinese numerals", text: "捐款一千兩百萬元。", span: "一千兩百萬元", value: "12000000", currency: "TWD"),
        AmountCase(name: "financial capitals", text: "金額壹仟貳佰元整。", span: "壹仟貳佰元整", value: "1200", currency: "TWD"),
        AmountCase(name: "range shares the unit", text: "投資3至5億元。", span: "3至5億元", value: "300000000", currency: "TWD", rangeTo: "500000000"),
        AmountCase(name: "range with both units", text: "約需1200億至1300億元。", span: "1200億至1300億元", value: "120000000000", currency: "TWD", rangeTo: "130000000000"),
        AmountCase(name: "lower bound", text: "罰6000元以上2萬4000元以下罰鍰", span: "6000元以上", value: "6000", currency: "TWD", qualifier: "over"),
        AmountCase(name: "upper bound", text: "罰6000元以上2萬4000元以下罰鍰", span: "2萬4000元以下", value: "24000", currency: "TWD", qualifier: "under"),
        AmountCase(name: "餘 after 億", text: "達4.81億餘歐元。", span: "4.81億餘歐元", value: "481000000", currency: "EUR", qualifier: "over"),
        AmountCase(name: "上萬元", text: "要價上萬元。", span: "上萬元", value: "10000", currency: "TWD", qualifier: "over"),
        AmountCase(name: "NT$", text: "票價NT$500起", span: "NT$500起", value: "500", currency: "TWD", qualifier: "from"),
        AmountCase(name: "US$", text: "售價US$10。", span: "US$10", value: "10", currency: "USD"),
        AmountCase(name: "元人民幣", text: "投資8億元人民幣。", span: "8億元人民幣", value: "800000000", currency: "CNY"),
        AmountCase(name: "Japanese yen", text: "花了50萬日圓。", span: "50萬日圓", value: "500000", currency: "JPY"),
        AmountCase(name: "currency then qualifier", text: "10億美元（新台幣約294億元）的貸款", span: "新台幣約294億元", value: "29400000000", currency: "TWD", qualifier: "about"),
        AmountCase(name: "元 continues a 港幣…元 amount", text: "上限為每月港幣1萬8000元（約新台幣6萬9120元），最高補貼額為每月9000元。",
                   span: "9000元", value: "9000", currency: "HKD", inferred: true),
        AmountCase(name: "gloss in parentheses", text: "上限為每月港幣1萬8000元（約新台幣6萬9120元），", span: "約新台幣6萬9120元",
                   value: "69120", currency: "TWD", qualifier: "about"),
        AmountCase(name: "Simplified 元 is CNY", text: "这个国家的奖池金额攀升至36.57亿元。", span: "36.57亿元", value: "3657000000", currency: "CNY"),
        AmountCase(name: "decimal price", text: "每股純益0.66元。", span: "0.66元", value: "0.66", currency: "TWD"),
        AmountCase(name: "元 subunits", text: "找零五元三角", span: "五元三角", value: "5.3", currency: "TWD"),
    ]

    static let others: [AmountCase] = [
        AmountCase(name: "area is not money (the seed's related link)", text: "泰豐輪胎自辦市地重劃 桃市府獲逾3公頃公設用地", span: "逾3公頃",
                   type: .quantity, value: "3", unit: "hectare", qualifier: "over"),
        AmountCase(name: "people", text: "共735人參加", span: "735人", type: .quantity, value: "735", unit: "person"),
        AmountCase(name: "index points", text: "台股收14200點", span: "14200點", type: .quantity, value: "14200", unit: "point"),
        AmountCase(name: "Chinese count", text: "兩千三百名員工", span: "兩千三百名", type: .quantity, value: "2300", unit: "person"),
        AmountCase(name: "percent sign", text: "利率4.75%。", span: "4.75%", type: .percent, value: "4.75", unit: "percent"),
        AmountCase(name: "百分之", text: "成長百分之五", span: "百分之五", type: .percent, value: "5", unit: "percent"),
        AmountCase(name: "成 is tenths", text: "逾3成民眾", span: "逾3成", type: .percent, value: "30", unit: "percent", qualifier: "over"),
        AmountCase(name: "percentage points", text: "下滑2個百分點", span: "2個百分點", type: .percent, value: "2", unit: "percentage-point"),
        AmountCase(name: "age", text: "年滿18歲", span: "18歲", type: .quantity, value: "18", unit: "year-of-age"),
        AmountCase(name: "兩度 is twice", text: "已兩度暫停", span: "兩度", type: .quantity, value: "2", unit: "times"),
        AmountCase(name: "temperature range", text: "高溫約33至35度", span: "約33至35度", type: .quantity, value: "33", unit: "degree",
                   qualifier: "about", rangeTo: "35"),
    ]

    @Test(arguments: money + others)
    func tags(_ c: AmountCase) throws {
        let found = AmountTagger.tag(text: c.text).entities
        let e = try #require(found.first { $0.text == c.span }, "found: \(found.map(\.text))")
        #expect(e.type == c.type)
        #expect(e.value?.decimal == c.value)
        #expect(e.currency == c.currency)
        #expect(e.unit == c.unit)
        #expect(e.qualifier == c.qualifier)
        #expect(e.rangeTo?.decimal == c.rangeTo)
        #expect(e.inferred == c.inferred)
        #expect(e.source == "rule:\(c.type)")
        // Offsets are scalar offsets into the text.
        #expect(String(String.UnicodeScalarView(Array(c.text.unicodeScalars)[e.start..<e.end])) == c.span)
    }

    @Test(arguments: [
        ("零 alone", "零件供應"),
        ("time of day", "下午3點開會"),
        ("ordinal", "第3季財報"),
        ("code", "COVID-19疫情"),
        ("bare 萬 without money words", "人口2300萬，"),
        ("一 as an article", "一名男子"),
        ("capital in a word", "入伍服役"),
        ("元 starting a word", "3元旦"),
        ("十 starting a word", "慶祝雙十國慶"),
        ("百 starting a name", "加入百度"),
        ("unit starting another word", "公布5名單"),
    ])
    func findsNothing(_ name: String, _ text: String) {
        #expect(AmountTagger.tag(text: text).entities.filter { $0.type != .date }.isEmpty, "\(name)")
    }

    static let dates: [(String, String, String, String?)] = [
        ("ROC year (the seed's title)", "桃市府拚數位治理 113年成立智慧城鄉發展委員會", "113年", "2024"),
        ("ROC full date", "民國113年9月19日起", "民國113年9月19日", "2024-09-19"),
        ("ROC fiscal year", "112年度預算", "112年度", "2023"),
        ("Gregorian", "2023年9月19日宣布", "2023年9月19日", "2023-09-19"),
        ("Chinese-numeral year", "二〇二三年", "二〇二三年", "2023"),
        ("month and day", "9月19日宣布", "9月19日", "2023-09-19"),
        ("day of the dateline month", "19日宣布", "19日", "2023-09-19"),
        ("day in the month before", "30日宣布", "30日", "2023-08-30"),
        ("today", "今天說", "今天", "2023-09-19"),
        ("yesterday", "昨天說", "昨天", "2023-09-18"),
        ("tomorrow", "明天說", "明天", "2023-09-20"),
        ("next year", "在明年成立", "明年", "2024"),
        ("last year", "去年成長", "去年", "2022"),
        ("this year", "今年成長", "今年", "2023"),
        ("last week", "上週宣布", "上週", "2023-W37"),
        ("next week", "下週宣布", "下週", "2023-W39"),
        ("last month", "上月營收", "上月", "2023-08"),
        ("next year's month", "明年3月完工", "明年3月", "2024-03"),
        ("last month's day", "上月9日宣布", "上月9日", "2023-08-09"),
    ]

    @Test(arguments: dates)
    func resolvesDates(_ row: (String, String, String, String?)) throws {
        let (name, text, span, date) = row
        let found = AmountTagger.tag(text: text, articleDate: seedDate).entities
        let e = try #require(found.first { $0.text == span }, "\(name): \(found.map(\.text))")
        #expect(e.type == .date)
        #expect(e.date == date, "\(name)")
    }

    @Test func relativeDatesNeedAnArticleDate() throws {
        let e = try #require(AmountTagger.tag(text: "今天說").entities.first)
        #expect(e.text == "今天")
        #expect(e.date == nil)
    }

    @Test(arguments: [
        ("2023-09-18T20:00:00.000Z", "2023-09-19"),   // 04:00 next day in Taiwan
        ("2023-09-19T10:48:00.000Z", "2023-09-19"),
        ("2023-12-31T16:00:00Z", "2024-01-01"),
        ("2023-09-19 23:30:00 +0800", "2023-09-19"),
        ("2023-09-19", "2023-09-19"),
    ])
    func articleDateIsTaiwanDate(_ raw: String, _ iso: String) {
        #expect(CivilDate.articleDate(raw)?.iso == iso)
    }

    @Test func closingCodeDatesTheArticleWithoutFrontMatter() throws {
        let r = AmountTagger.tag(text: "預計明年完工。（編輯：林恕暉）1120919")
        #expect(r.entities.first { $0.text == "明年" }?.date == "2024")
        #expect(r.credits?.date == "2023-09-19")
        #expect(r.credits?.dateCode == "1120919")
        #expect(r.credits?.editors == ["林恕暉"])
    }
}
