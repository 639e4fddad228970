import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Jurisdiction of agencies, parent + unit compounds and word edges, with the package's own
/// dictionaries (the generic names, state words and foreign bodies come from them).
@Suite("Tag: jurisdiction, unit compounds, word edges")
struct TagJurisdictionTests {
    static let tagger = EntityTagger(lexicon: try! Lexicon(directory: TagFixtures.packageDictionaries))

    /// Tags `text` as the pipeline does: real sentence spans and ICU tokens.
    static func tag(_ text: String) throws -> [Entity] {
        let buffer = TextBuffer(text)
        let segmenter = try Segmenter()
        return tagger.tag(TaggingContext(text: buffer, sentences: try segmenter.sentenceSpans(buffer),
                                         tokens: try segmenter.tokenSpans(buffer), meta: Meta()))
    }

    static func agency(_ text: String, _ mention: String) throws -> Entity? {
        try tag(text).first { $0.type == .agency && $0.text == mention }
    }

    @Test(arguments: [
        // (text, mention, jurisdiction, source, canonical or "-" for none)
        ("港府今天宣布成立「内地核酸检测支援队」。", "内地核酸检测支援队", "HK", "context", "内地核酸检测支援队"),
        ("中国人民银行今天宣布降息。央行表示，财政部将发行国债5000亿元。", "中国人民银行", "CN", "name", "中國人民銀行"),
        ("中国人民银行今天宣布降息。央行表示，财政部将发行国债5000亿元。", "央行", "CN", "context", "中國人民銀行"),
        ("中国人民银行今天宣布降息。央行表示，财政部将发行国债5000亿元。", "财政部", "CN", "context", "中華人民共和國財政部"),
        ("（中央社華盛頓3日綜合外電報導）美國總統拜登今天說，財政部將發放紓困金。", "財政部", "US", "context", "美國財政部"),
        ("（中央社記者陳韻聿台北31日電）美國媒體指稱，外交部今天說，台灣對美國一向採取兩黨平衡交往原則。", "外交部", "TW", "dateline", "外交部"),
        ("（中央社華盛頓3日專電）國會今天通過法案。", "國會", "US", "context", "美國國會"),
        ("法國央行今天宣布維持利率不變。", "法國央行", "FR", "prefix", "-"),
        ("美國的國會今天開議。", "國會", "US", "prefix", "美國國會"),
        ("中國駐柬埔寨大使館今天發表聲明。", "中國駐柬埔寨大使館", "CN", "prefix", "-"),
        ("香港警方今天拘捕3人。", "香港警方", "HK", "prefix", "-"),
        ("德國總理梅克爾今天說，經濟將復甦。該國央行預估成長率下滑。", "央行", "DE", "back-reference", "德國聯邦銀行"),
        ("财政部今天发布数据。", "财政部", "CN", "script", "中華人民共和國財政部"),
        ("財政部今天發布數據。", "財政部", "TW", "script", "財政部"),
        ("美國總統拜登今天說，衛生部將發放疫苗。", "衛生部", "US", "context", "美國衛生及公共服務部"),
        ("世界衛生組織今天說，疫情趨緩。", "世界衛生組織", "intl", "name", "世界衛生組織"),
    ])
    func jurisdictionByEvidence(_ text: String, _ mention: String, _ jurisdiction: String, _ source: String, _ canonical: String) throws {
        let e = try #require(try Self.agency(text, mention), "\(mention) in \(text)")
        #expect(e.jurisdiction == jurisdiction, "\(mention) in \(text)")
        #expect(e.jurisdictionSource?.rawValue == source, "\(mention) in \(text)")
        #expect(e.canonical == (canonical == "-" ? nil : canonical), "\(mention) in \(text)")
    }

    /// Never a Taiwan body when the evidence names another state.
    @Test(arguments: ["美國總統拜登今天說，國會將表決。", "法國央行今天宣布降息。", "中国外交部发言人赵立坚说，外交部将回应。"])
    func noTaiwanBodyForForeignEvidence(_ text: String) throws {
        for e in try Self.tag(text) where e.type == .agency {
            #expect(e.jurisdiction != "TW", "\(e.text) in \(text)")
            #expect(!(e.id ?? "").hasPrefix("agency:tw."), "\(e.text) in \(text)")
        }
    }

    @Test(arguments: [
        "行政院環保署與國健署菸害防制組今天到各縣市政府說明，美國國務院與聯合國也表示關切。",
        // A rule-found body whose name gives no state takes it from the evidence.
        "港府今天宣布成立「内地核酸检测支援队」。",
    ])
    func everyAgencyHasAJurisdiction(_ text: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }
        #expect(agencies.count >= 2)
        for e in agencies {
            #expect(e.jurisdiction != nil, "\(e.text)")
        }
    }

    @Test(arguments: [
        // (text, compound, canonical, parent)
        ("行政院環保署今天說明。", "行政院環保署", "行政院環境保護署", "行政院"),
        ("國健署菸害防制組今天說明。", "國健署菸害防制組", "衛生福利部國民健康署菸害防制組", "衛生福利部國民健康署"),
        ("衛福部疾管署今天公布。", "衛福部疾管署", "衛生福利部疾病管制署", "衛生福利部"),
    ])
    func parentAndUnitAreOneEntity(_ text: String, _ compound: String, _ canonical: String, _ parent: String) throws {
        let agencies = try Self.tag(text).filter { $0.type == .agency }
        let e = try #require(agencies.first, "\(text)")
        #expect(agencies.count == 1 && e.text == compound, "\(agencies.map(\.text))")
        #expect(e.canonical == canonical)
        #expect(e.parent == parent)
        #expect(e.jurisdiction == "TW")
    }

    @Test(arguments: [
        // (text, an entity text that must not be found, one that must)
        ("今天到各縣市政府說明。", "市政府", ""),
        ("全國軍公教今天加薪。", "國軍", ""),
        ("戰機飛越南海上空。", "越南", ""),
        ("中國銀行業今年獲利。", "中國銀行", ""),
        ("台灣航空業受疫情衝擊。", "台灣航空", ""),
        ("越南政府今天宣布。", "", "越南政府"),
        ("台北市政府今天宣布。", "", "台北市政府"),
        ("中國銀行今天宣布降息。", "", "中國銀行"),
    ])
    func noEntityCutsALongerWord(_ text: String, _ absent: String, _ present: String) throws {
        let found = try Self.tag(text).filter { [EntityType.agency, .organization, .place].contains($0.type) }.map(\.text)
        if !absent.isEmpty { #expect(!found.contains(absent), "\(found)") }
        if !present.isEmpty { #expect(found.contains(present), "\(found)") }
    }

    @Test(arguments: [
        ("船隻停靠台中港。", "台中港"),
        ("旅客從松山機場出境。", "松山機場"),
        ("國道3號今天塞車。", "國道3號"),
    ])
    func facilitiesArePlaces(_ text: String, _ place: String) throws {
        let places = try Self.tag(text).filter { $0.type == .place }.map(\.text)
        #expect(places.contains(place), "\(places)")
    }

    @Test func checkerWantsAJurisdictionForEveryAgency() throws {
        let text = "# kind: agency\n# source: test\nid\tcanonical\tlevel\nxx1.body\t某某局\tforeign\nzz.body\t某某署\tforeign\nus.body\t某某處\tforeign\n"
        let places = "# kind: place\n# source: test\nid\tcanonical\npl.us\t美國\n"
        let problems = try DictionaryChecker.check(defaults: [DictionaryFile.parse(text, name: "a.tsv"),
                                                              DictionaryFile.parse(places, name: "p.tsv")]).map(\.description)
        #expect(problems.contains { $0.hasPrefix("a.tsv:4:") && $0.contains("no jurisdiction") })
        #expect(problems.contains { $0.hasPrefix("a.tsv:5:") && $0.contains("'ZZ'") })
        #expect(!problems.contains { $0.hasPrefix("a.tsv:6:") })
    }
}
