import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// `rule:org-unlisted` and `rule:org-team` with the package's own dictionaries (their head words
/// are rows of `org-heads.tsv`) and ICU's segmentation (the left edge comes from its words).
@Suite("Tag: unlisted organizations and teams")
struct TagUnlistedOrgTests {
    static let tagger = EntityTagger(lexicon: try! Lexicon(directory: TagFixtures.packageDictionaries))

    static func entities(_ text: String) throws -> [String] {
        try TagFixtures.tag(text, tagger: tagger).filter { $0.type != .date }.map { "\($0.type.rawValue):\($0.text)" }
    }

    /// One row per case: label, text, entities that must be there (`type:text`).
    @Test(arguments: [
        ("precision company", "記者報導，亨鑫精密今天宣布擴廠。", ["organization:亨鑫精密"]),
        ("technology company", "岳泰科技、凱美特等企業產值均超過10億元。", ["organization:岳泰科技"]),
        ("group after a verb word", "她後來投靠雲想集團。", ["organization:雲想集團"]),
        ("transliterated company", "，迪斯尼公司今天說。", ["organization:迪斯尼公司"]),
        ("industry word between", "，日兴证券公司宣布破产。", ["organization:日兴证券公司"]),
        ("suffix taken in", "旗下企業包括河南新飛電器有限公司。", ["organization:河南新飛電器有限公司"]),
        ("line of business before 公司", "，中維生物技術有限公司與大連凱洋海鮮公司今天簽約。", ["organization:中維生物技術有限公司", "organization:大連凱洋海鮮公司"]),
        ("Taiwan company", "亨鑫精密與台灣愛德克今天簽約。", ["organization:台灣愛德克"]),
        ("country team", "中国队战胜巴西队。", ["organization:中国队", "organization:巴西队"]),
        ("women's team", "，印尼女队今天出赛。", ["organization:印尼女队"]),
        ("delegation", "，中國代表團今天抵達。", ["organization:中國代表團"]),
        ("army", "，瑞典軍進攻日耳曼南方。", ["organization:瑞典軍"]),
        ("a name ending in 新 or 老 before an industry word and 公司", "，擔任瑞新紡織公司與華老唱片公司董事。", ["organization:瑞新紡織公司", "organization:華老唱片公司"]),
        ("a Latin name before a head", "，Acme公司與Zeta電視台及QX國際公司簽約。", ["organization:Acme公司", "organization:Zeta電視台", "organization:QX國際公司"]),
        ("a transliterated name ICU knows as a word", "，或许淹没斯坦福大学和加州大学伯克利分校。", ["organization:斯坦福大学"]),
        ("a transliterated name ICU cuts into words", "，摩托罗拉公司及美国很多大公司。", ["organization:摩托罗拉公司"]),
        ("a listed company, its line of business and 公司", "，英国劳斯莱斯汽车公司的母公司。", ["organization:英国劳斯莱斯汽车公司"]),
        ("a trading house", "，英商仁記洋行成立。", ["organization:英商仁記洋行"]),
        ("an auction house", "，佳士得拍賣行今天宣布。", ["organization:佳士得拍賣行"]),
        ("national team with 國家", "，法國國家足球隊與巴西國家籃球隊出賽。", ["organization:法國國家足球隊", "organization:巴西國家籃球隊"]),
        ("a team with describing words", "，他曾為香港奧運足球代表隊與瀋陽部隊足球隊上陣。", ["organization:香港奧運足球代表隊", "organization:瀋陽部隊足球隊"]),
        ("a network's channel", "，節目在無綫電視翡翠台與中視無線台播出。", ["organization:無綫電視翡翠台", "organization:中視無線台"]),
        ("a Latin network's channel", "，ABC新聞台今天報導。", ["organization:ABC新聞台"]),
        ("a channel named alone in a broadcasting text", "，這個節目已於昨天起由明珠台播映，以粵語播放的翡翠台停播。", ["organization:明珠台", "organization:翡翠台"]),
        ("a company's microblog", "，新浪微博與騰訊微博都刪文。", ["organization:新浪微博", "organization:騰訊微博"]),
        ("English names", "，他任教於Eastern Washington University與University of Oxford。", ["organization:Eastern Washington University", "organization:University of Oxford"]),
    ])
    func found(_ label: String, _ text: String, _ expected: [String]) throws {
        let got = try Self.entities(text)
        for e in expected { #expect(got.contains(e), "\(label): \(got)") }
    }

    /// One row per case: label, text, entities that must not be there.
    @Test(arguments: [
        ("generic company", "，糧食公司與晶片製造公司都說。", ["organization:糧食公司", "organization:晶片製造公司"]),
        ("industry phrase", "，美國生物科技公司表示。", ["organization:生物科技公司", "organization:美國生物科技公司"]),
        ("branch", "，深圳分公司今天說。", ["organization:深圳分公司"]),
        ("a modifier before 公司", "，他们说知名纺织公司与民營化纖公司都來了。", ["organization:知名纺织公司", "organization:民營化纖公司"]),
        ("a person and a verb before 公司", "，馬雲持有公司股份，许晨晔卸任公司董事。", ["organization:馬雲持有公司", "organization:许晨晔卸任公司"]),
        ("size word", "，政府不允许大企业买大企业。", ["organization:买大企业"]),
        ("a people's word before a head", "，禁止穆斯林學校。", ["organization:穆斯林學校"]),
        ("a transliterated name cut inside", "包定現為越南傅爾布萊特大學（Fulbright University Vietnam）校長。", ["organization:布萊特大學"]),
        ("verb before school", "，他上大学报考中文系。", ["organization:他上大学"]),
        ("team member", "，中國隊員今天說。", ["organization:中國隊"]),
        ("military word", "，中國軍方表示，美國軍援計劃。", ["organization:中國軍", "organization:美國軍"]),
        ("Taiwan then a word", "，台灣也是。", ["organization:台灣也是"]),
        ("a clause before an industry word", "，他會請貨運公司送貨。", ["organization:會請貨運公司", "organization:他會請貨運公司"]),
        ("a trade's abbreviation or a model number before a head", "，AI公司與EP-3E電子偵察機。", ["organization:AI公司", "organization:EP-3E電子", "organization:3E電子"]),
        ("national players", "，法國國家隊員說。", ["organization:法國國家隊"]),
        ("a quoted word for a person or a field", "，被稱為「平民代言人」與「重言式邏輯學」，「老杭州人」。",
         ["organization:平民代言人", "organization:重言式邏輯學", "organization:老杭州人"]),
        ("a delegation's rank is no name", "，美國高階代表團抵台。", ["organization:美國高階代表團"]),
        ("a channel on a platform, two sets", "，他的YouTube頻道，民視兩台都播出。", ["organization:YouTube頻道", "organization:民視兩台"]),
        ("a kind of channel, a verb or a word before a bare 台", "，節目播出後轉型為綜藝台，無法阻絕台捷友情，架設基地台。",
         ["organization:綜藝台", "organization:阻絕台", "organization:基地台"]),
        ("English: a person before of the, The alone", "Hitoshi Nasu of the University of Adelaide said. The University said",
         ["organization:Hitoshi Nasu of the University", "organization:The University"]),
    ])
    func notFound(_ label: String, _ text: String, _ absent: [String]) throws {
        let got = try Self.entities(text)
        for e in absent { #expect(!got.contains(e), "\(label): \(got)") }
    }

    /// One row per case: label, text, the army's text and jurisdiction (nil: none found).
    @Test(arguments: [
        ("US", "，美軍進攻。", "美軍", "US"),
        ("Japan", "李鎰下令還擊，但無法傷及日軍。", "日軍", "JP"),
        ("army branch", "，陸軍進攻。", "陸軍", nil),
        ("military affairs", "，中美軍事交流。", "美軍", nil),
    ] as [(String, String, String, String?)])
    func stateArmy(_ label: String, _ text: String, _ army: String, _ state: String?) throws {
        let got = try TagFixtures.tag(text, tagger: Self.tagger).first { $0.text == army && $0.source == "rule:state-army" }
        #expect(got?.jurisdiction == state, "\(label)")
    }

    /// The head words each rule uses come from `org-heads.tsv`'s `rule` column.
    @Test func headsComeFromTheRuleColumn() throws {
        let lex = Self.tagger.lexicon
        func has(_ heads: [[UInt32]], _ word: String) -> Bool {
            heads.contains(Array(lex.fold.fold(word).unicodeScalars.map(\.value)))
        }
        #expect(has(lex.unlistedNameHeads, "公司"))
        #expect(has(lex.unlistedNameHeads, "集團"))   // an org-head row is used after an unlisted name too
        #expect(!has(lex.unlistedNameHeads, "隊"))
        #expect(has(lex.teamHeads, "隊"))
        #expect(!lex.organizationHeads.contains("公司"))  // not used by org-head after a weak edge
        // Longest first, so 有限公司 wins over 公司.
        #expect(lex.unlistedNameHeads.first.map(\.count) ?? 0 >= lex.unlistedNameHeads.last.map(\.count) ?? 0)
    }
}
