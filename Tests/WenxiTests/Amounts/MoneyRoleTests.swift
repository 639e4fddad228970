import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// One named row: in `text`, the money entity `span` has `role` and a holder whose canonical
/// name (else text) is `holder` (nil: no holder).
struct RoleCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let span: String
    let role: EntityRole
    let holder: String?
    var testDescription: String { "\(name): \(span)" }
}

@Suite("Money roles and holders")
struct MoneyRoleTests {
    static func analyze(_ text: String) throws -> Report {
        let analyzer = try Analyzer(resources: Fixtures.resources)
        return try analyzer.analyze(InputDocument(path: "t.txt", bytes: Array(text.utf8)))
    }

    static let rows: [RoleCase] = [
        RoleCase(name: "the seed's city budget: the subject before 編列, not the speaker",
                 text: "桃園市審計處日前指出市府編列新台幣4500萬資安相關預算，資科局的資安預算低於1000萬。",
                 span: "新台幣4500萬", role: .budget, holder: "桃園市政府"),
        RoleCase(name: "的-possessive", text: "桃園市審計處日前指出市府編列新台幣4500萬資安相關預算，資科局的資安預算低於1000萬。",
                 span: "低於1000萬", role: .budget, holder: "桃園市政府資訊科技局"),
        RoleCase(name: "profit of the subject", text: "長榮第2季稅後淨利31.9億元。", span: "31.9億元", role: .profit, holder: "長榮海運"),
        RoleCase(name: "a change takes the role of what changes", text: "長榮第2季稅後淨利31.9億元，相較去年同期增加10億元。",
                 span: "10億元", role: .profit, holder: "長榮海運"),
        RoleCase(name: "cue after the amount", text: "台電需支付新台幣2500元違約金。", span: "新台幣2500元", role: .compensation, holder: "台灣電力公司"),
        RoleCase(name: "tax revenue belongs to no named body", text: "財政部今天公布7月全國賦稅收入新台幣4725億元。",
                 span: "新台幣4725億元", role: .revenue, holder: nil),
        RoleCase(name: "a fine belongs to the one fined, not the agency", text: "衛生局重罰新台幣100萬元。", span: "新台幣100萬元", role: .fine, holder: nil),
        RoleCase(name: "the speaker is the topic when nobody else is named", text: "台電表示，2017至2025年投入約新台幣700億元。",
                 span: "約新台幣700億元", role: .budget, holder: "台灣電力公司"),
        RoleCase(name: "a compared quantity is not the amount's", text: "實際稅收可能比全年預算少了1200億元。", span: "1200億元", role: .revenue, holder: nil),
        RoleCase(name: "market value", text: "台積電市值達新台幣15兆元。", span: "新台幣15兆元", role: .marketValue, holder: "台灣積體電路製造"),
        RoleCase(name: "weak cue when nothing else", text: "平均每月只需55元。", span: "55元", role: .price, holder: nil),
        RoleCase(name: "no cue at all", text: "他說有80億美元。", span: "80億美元", role: .other, holder: nil),
        RoleCase(name: "an amount joined to the next shares its role", text: "最重可處10萬元以上、50萬元以下罰鍰。",
                 span: "10萬元以上", role: .fine, holder: nil),
        RoleCase(name: "a news agency reports an amount, it does not hold it", text: "路透社報導，這筆交易約80億美元。",
                 span: "約80億美元", role: .other, holder: nil),
        // An agency that only speaks of an amount in another state's currency reports it.
        RoleCase(name: "a Taiwan body speaking of a Danish market", text: "國發會強調，丹麥出口信貸機構提供融資保證服務，2019年為丹麥廠商創造20億歐元商機。",
                 span: "20億歐元", role: .investment, holder: nil),
        RoleCase(name: "the central bank reports the banks' yuan deposits", text: "央行今天公布8月全體國銀人民幣存款餘額為人民幣2358.8億元。",
                 span: "人民幣2358.8億元", role: .assets, holder: nil),
        RoleCase(name: "an agency that is the clause's subject holds foreign money", text: "國發會投入20億歐元興建風場。",
                 span: "20億歐元", role: .cost, holder: "國家發展委員會"),
        RoleCase(name: "an agency speaking of its own currency holds it", text: "財政部表示，明年將投入新台幣500億元。",
                 span: "新台幣500億元", role: .budget, holder: "財政部"),
    ]

    @Test(arguments: [
        // (text, amount, currency, inferred): 元 alone follows its holder's state in a Simplified story.
        ("台湾国防部空军司令部日前公布东引新建统包工程以4亿218万2000元决标。", "4亿218万2000元", "TWD", true),
        ("香港政府今天宣布拨款50亿元。", "50亿元", "HKD", true),
        ("中国财政部将发行国债5000亿元。", "5000亿元", "CNY", false),
        // A written currency, or a conversion into the holder's currency, wins.
        ("台湾行政院今天通过拨款人民币50亿元。", "人民币50亿元", "CNY", false),
        ("台湾行政院今天通过拨款100元（约合新台币450元）。", "100元", "CNY", false),
        // （新台币，…） right after 元 declares this amount's currency.
        ("台湾空军司令部日前发布决标公告，耗资四亿余元（新台币，约1900万新元）。", "四亿余元", "TWD", false),
    ])
    func yuanFollowsTheHolder(_ text: String, _ span: String, _ currency: String, _ inferred: Bool) throws {
        let r = try Self.analyze(text)
        let e = try #require(r.entities.first { $0.type == .money && $0.text == span }, "\(r.entities.map(\.text))")
        #expect(e.currency == currency, "\(span) in \(text)")
        #expect((e.inferred ?? false) == inferred, "\(span) in \(text)")
    }

    @Test(arguments: rows)
    func roleAndHolder(_ c: RoleCase) throws {
        let r = try Self.analyze(c.text)
        let e = try #require(r.entities.first { $0.type == .money && $0.text == c.span }, "\(r.entities.map(\.text))")
        #expect(e.role == c.role)
        #expect(e.holder?.key == c.holder)
        if let h = e.holder {
            // The holder is one of the report's mentions, offsets included.
            #expect(r.entities.contains { $0.start == h.start && $0.end == h.end && $0.type == h.type && $0.text == h.text })
        }
    }

    @Test(arguments: [
        ("bracketed conversion", "阿里巴巴今天宣布斥資36億美元（約新台幣1035億元），增購股權。", "36億美元", "約新台幣1035億元"),
        ("約合", "藥華藥應支付約1.42億歐元，約合新台幣48億元。", "約1.42億歐元", "新台幣48億元"),
    ])
    func conversionsPointAtWhatTheyConvertAndAreNotAddedAgain(_ name: String, _ text: String, _ source: String, _ converted: String) throws {
        let r = try Self.analyze(text)
        let a = try #require(r.entities.first { $0.text == source }, "\(name): \(r.entities.map(\.text))")
        let b = try #require(r.entities.first { $0.text == converted }, "\(name): \(r.entities.map(\.text))")
        #expect(b.equivalentOf == Span(start: a.start, end: a.end))
        #expect(a.equivalentOf == nil)
        #expect(b.role == a.role)
        #expect(b.holder == a.holder)
        #expect(r.summary.moneyTotals["TWD"] == nil, "\(name): the conversion is not added")
    }

    @Test func summaryGivesMoneyPerCurrencyRoleAndHolder() throws {
        let r = try Self.analyze("市府編列新台幣4500萬資安相關預算，資科局的資安預算低於1000萬。長榮第2季稅後淨利31.9億元，股價來到13.55元。")
        #expect(r.summary.moneyByRole["TWD"] == ["budget": ExactNumber(55_000_000), "profit": ExactNumber(3_190_000_000),
                                                   "price": ExactNumber(decimal: "13.55")!])
        #expect(r.summary.moneyByHolder.map { "\($0.holder) \($0.role) \($0.currency) \($0.total)" } == [
            "桃園市政府 budget TWD 45000000", "桃園市政府資訊科技局 budget TWD 10000000",
            "長榮海運 profit TWD 3190000000", "長榮海運 price TWD 13.55",
        ])
        #expect(r.summary.largestAmounts.first?.role == "profit")
        #expect(r.summary.largestAmounts.first?.holder == "長榮海運")
    }

    @Test func noCuesNoRoles() throws {
        // A money cue table without entries leaves every amount `other` and the holders to the subject.
        let t = MoneyCueTable(entries: [])
        var ents = [Entity(type: .money, text: "5元", start: 0, end: 2, source: "t")]
        ents[0].currency = "TWD"
        MoneyRoles.assign(&ents, scalars: Array("5元".unicodeScalars), prefix: 0, sentences: [Span(start: 0, end: 2)], skip: [], cues: t)
        #expect(ents[0].role == .other)
        #expect(ents[0].holder == nil)
    }
}

/// Amount and date fixes of issue 11, one named row each (see AmountTaggerTests for the format).
@Suite("Amount tagger: vague amounts and fixes")
struct AmountFixTests {
    static let rows: [AmountCase] = [
        AmountCase(name: "space before the unit", text: "提供总计 3000 亿元低成本资金。", span: "3000 亿元", value: "300000000000", currency: "CNY"),
        AmountCase(name: "enumerated digits share the units", text: "預算七、八百萬元。", span: "七、八百萬元", value: "7000000", currency: "TWD", rangeTo: "8000000"),
        AmountCase(name: "enumerated Arabic digits", text: "約需3、4億元。", span: "3、4億元", value: "300000000", currency: "TWD", rangeTo: "400000000"),
        AmountCase(name: "neighbouring Chinese digits", text: "花費新台幣兩三千萬元。", span: "新台幣兩三千萬元", value: "20000000", currency: "TWD", rangeTo: "30000000"),
        AmountCase(name: "一兩百萬", text: "只要一兩百萬元。", span: "一兩百萬元", value: "1000000", currency: "TWD", rangeTo: "2000000"),
        AmountCase(name: "the 百億 unit belongs to both ends", text: "約八到九百億元", span: "約八到九百億元", value: "80000000000", currency: "TWD",
                   qualifier: "about", rangeTo: "90000000000"),
        AmountCase(name: "仟 belongs to both ends", text: "两到三仟澳元", span: "两到三仟澳元", value: "2000", currency: "AUD", rangeTo: "3000"),
        AmountCase(name: "數十億", text: "損失數十億元。", span: "數十億元", value: "1000000000", currency: "TWD", qualifier: "several", rangeTo: "10000000000"),
        AmountCase(name: "幾千", text: "只賺幾千元。", span: "幾千元", value: "1000", currency: "TWD", qualifier: "several", rangeTo: "10000"),
        AmountCase(name: "數百萬", text: "捐出數百萬元。", span: "數百萬元", value: "1000000", currency: "TWD", qualifier: "several", rangeTo: "10000000"),
        AmountCase(name: "上千萬 keeps over", text: "花費上千萬元。", span: "上千萬元", value: "10000000", currency: "TWD", qualifier: "over"),
        AmountCase(name: "逾百億 keeps over", text: "投資逾百億元。", span: "逾百億元", value: "10000000000", currency: "TWD", qualifier: "over"),
        AmountCase(name: "US$ million", text: "raised US$3 million", span: "US$3 million", value: "3000000", currency: "USD"),
        AmountCase(name: "NT$ billion", text: "cost NT$1.2 billion.", span: "NT$1.2 billion", value: "1200000000", currency: "TWD"),
        AmountCase(name: "currency after 元", text: "罚款三万元欧元。", span: "三万元欧元", value: "30000", currency: "EUR"),
        AmountCase(name: "日币 after 元", text: "花了9000元日币。", span: "9000元日币", value: "9000", currency: "JPY"),
        AmountCase(name: "十块三毛", text: "这个卖十块三毛。", span: "十块三毛", value: "10.3", currency: "CNY"),
        AmountCase(name: "两个亿", text: "投资两个亿卢布。", span: "两个亿卢布", value: "200000000", currency: "RUB"),
        AmountCase(name: "negative amount", text: "本期淨利-3億元。", span: "-3億元", value: "-300000000", currency: "TWD"),
        AmountCase(name: "元 after US dollars in the sentence", text: "出口達180億美元，超過200億元。", span: "超過200億元", value: "20000000000",
                   currency: "USD", qualifier: "over", inferred: true),
        AmountCase(name: "ROC years are not quantities", text: "八十四年十一月十九日", span: "八十四年十一月十九日", type: .date),
    ]

    @Test(arguments: rows)
    func tags(_ c: AmountCase) throws {
        let found = AmountTagger.tag(text: c.text).entities
        let e = try #require(found.first { $0.text == c.span }, "found: \(found.map(\.text))")
        #expect(e.type == c.type)
        #expect(e.value?.decimal == c.value)
        #expect(e.currency == c.currency)
        #expect(e.qualifier == c.qualifier)
        #expect(e.rangeTo?.decimal == c.rangeTo)
        #expect(e.inferred == c.inferred)
        #expect(!found.contains { $0.type == .quantity && c.type == .date })
    }

    @Test(arguments: [
        ("Chinese-numeral ROC date", "八十四年十一月十九日", ["1995-11-19"]),
        ("ROC year 一百零九", "一百零九年3月1日", ["2020-03-01"]),
        ("day range", "9月19至21日舉行", ["2023-09-19", "2023-09-21"]),
        ("slash date with a year", "2020/11/3公布", ["2020-11-03"]),
        ("slash date where a date is expected", "自11/3起實施", ["2023-11-03"]),
    ])
    func dates(_ name: String, _ text: String, _ want: [String]) {
        let found = AmountTagger.tag(text: text, articleDate: seedDate).entities
        #expect(found.filter { $0.type == .date }.compactMap(\.date) == want, "\(name): \(found.map(\.text))")
        #expect(!found.contains { $0.type == .quantity }, "\(name)")
    }

    @Test(arguments: [
        ("a rubber, not CNY 3", "三元乙丙橡胶"),
        ("a quoted name", "加入「百元俱樂部」"),
        ("a fraction is not a date", "占1/3的比例"),
        ("a list of ranks is not a range", "第1、2名"),
    ])
    func notMoneyNorDates(_ name: String, _ text: String) {
        let found = AmountTagger.tag(text: text, articleDate: seedDate).entities
        #expect(!found.contains { $0.type == .money || $0.type == .date || $0.rangeTo != nil }, "\(name): \(found.map(\.text))")
    }

    @Test func hongKongStoriesMeanHongKongDollars() {
        let r = AmountTagger.tag(text: "（中央社香港19日電）這筆錢約600多萬元。", articleDate: seedDate)
        #expect(r.byline?.place == "香港")
        #expect(r.entities.first { $0.type == .money }?.currency == "HKD")
    }
}
