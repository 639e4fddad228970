import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// `PlaceNamedOrganizationRule` (`rule:org-place`), `PartyRule` (`rule:party`), the foreign-army
/// prefixes and collective words, and the bodies `JurisdictionResolver` drops as unanchored, with the package's own dictionaries
/// and ICU's segmentation.
@Suite("Tag: organizations named by a place, parties, unanchored bodies")
struct TagPlaceNamedOrgTests {
    static let tagger = EntityTagger(lexicon: try! Lexicon(directory: TagFixtures.packageDictionaries))

    static func entities(_ text: String) throws -> [String] {
        try TagFixtures.tag(text, tagger: tagger).filter { $0.type != .date }.map { "\($0.type.rawValue):\($0.text)" }
    }

    /// One row per case: label, text, entities that must be there (`type:text`).
    @Test(arguments: [
        ("place and a direct head", "，芬蘭航空今天宣布。", ["organization:芬蘭航空"]),
        ("place and an orchestra", "他是香港管弦樂團的首席。", ["organization:香港管弦樂團"]),
        ("head inside the last word", "，上海農學院成立。", ["organization:上海農學院"]),
        ("two places", "，美國大陸航空訂購飛機。", ["organization:美國大陸航空"]),
        ("a province's school with an ordinal", "，他就讀湖南省立第一中學。", ["organization:湖南省立第一中學"]),
        ("a state's company and a crown's bank", "，巴西國家石油公司與泰國皇家銀行簽約。", ["organization:巴西國家石油公司", "organization:泰國皇家銀行"]),
        ("party of one family word", "，自由黨分裂後。", ["organization:自由黨"]),
        ("party of several words and its country", "他擔任古巴社會主義革命統一黨第一書記。", ["organization:古巴社會主義革命統一黨"]),
        ("party with a place", "，中國青年黨成立。", ["organization:中國青年黨"]),
        ("foreign state's army", "，他加入蘇軍。", ["organization:蘇軍"]),
        ("armed forces after a place", "，義大利軍隊到達。", ["agency:義大利軍隊"]),
        ("Taiwan body by its own name", "文化部今天說。", ["agency:文化部"]),
        ("abbreviation only Taiwan's bodies bear", "資科局今天說，市府將編列預算。", ["agency:資科局", "agency:市府"]),
        ("Simplified generic body", "外交部发言人说。", ["agency:外交部"]),
        ("two universities", "他曾在哈佛大學和麻省理工學院任教。", ["organization:哈佛大學", "organization:麻省理工學院"]),
        ("a city's university, a district's sports club", "，他畢業於博洛尼亞大學，後來到元朗區體育會。", ["organization:博洛尼亞大學", "organization:元朗區體育會"]),
        ("a city's factory", "哈爾濱電機廠成立。", ["organization:哈爾濱電機廠"]),
        ("a place, a word and a works", "它的前身南京機床修理廠，成立於1969年。", ["organization:南京機床修理廠"]),
    ])
    func found(_ label: String, _ text: String, _ expected: [String]) throws {
        let got = try Self.entities(text)
        for e in expected { #expect(got.contains(e), "\(label): \(got)") }
    }

    /// One row per case: label, text, entities that must not be there.
    @Test(arguments: [
        ("generic modifier", "，美國頂尖大學都說。", ["organization:美國頂尖大學"]),
        ("a city's legislature is no school", "，台北市立法會議。", ["organization:台北市立法會議", "organization:台北市立法會"]),
        ("a bureau after the head", "，美國國家航空航天局表示。", ["organization:美國國家航空"]),
        ("an industry's company without 國家", "，中國石油公司都說。", ["organization:中國石油公司"]),
        ("generic head right after a place", "，中國公司表示。", ["organization:中國公司"]),
        ("industry", "，美國航空業受創。", ["organization:美國航空", "organization:美國航空業"]),
        ("students", "，美國大學生說。", ["organization:美國大學"]),
        ("party member", "，工人黨員說。", ["organization:工人黨"]),
        ("script-only generic body", "此前，內閣無法控制言官。", ["agency:內閣"]),
        ("unit across a function word", "他曾在哈佛大學和麻省理工學院任教。", ["organization:哈佛大學和麻省理工學院"]),
        ("numeral first", "一名大學教授說。", ["organization:一名大學"]),
        ("a country's university or college", "，美國大學與日本學院都說。", ["organization:美國大學", "organization:日本學院"]),
    ])
    func notFound(_ label: String, _ text: String, _ absent: [String]) throws {
        let got = try Self.entities(text)
        for e in absent { #expect(!got.contains(e), "\(label): \(got)") }
    }

    /// The words come from `org-heads.tsv`'s `rule` column.
    @Test func wordsComeFromTheRuleColumn() throws {
        let lex = Self.tagger.lexicon
        func has(_ heads: [[UInt32]], _ word: String) -> Bool {
            heads.contains(Array(lex.fold.fold(word).unicodeScalars.map(\.value)))
        }
        #expect(has(lex.placeNamedHeads, "管弦樂團"))
        #expect(has(lex.placeNamedHeads, "大學"))
        #expect(has(lex.placeNamedHeads, "有限公司"))
        #expect(!has(lex.placeNamedHeads, "公司"))
        #expect(has(lex.partyWords, "社會主義"))
        #expect(lex.armyPrefixes.contains(lex.fold.fold("蘇").unicodeScalars.first!.value))
    }
}
