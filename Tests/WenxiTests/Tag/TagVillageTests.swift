import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// `rule:village`: a village (里, 村) right after its township or district is one place, with the
/// package's own dictionaries (places.tsv and tw-villages.tsv).
@Suite("Tag: villages with their township")
struct TagVillageTests {
    static func places(_ text: String) throws -> [Entity] {
        try TagJurisdictionTests.tag(text).filter { $0.type == .place }
    }

    @Test(arguments: [
        // (text, the place as written, canonical)
        ("新北市板橋區文化里今天停水。", "新北市板橋區文化里", "新北市板橋區文化里"),
        ("台南市安南區海佃里的居民抗議。", "台南市安南區海佃里", "臺南市安南區海佃里"),
        ("宜蘭縣礁溪鄉玉田村發現病例。", "宜蘭縣礁溪鄉玉田村", "宜蘭縣礁溪鄉玉田村"),
        ("板橋區文化里今天停水。", "板橋區文化里", "新北市板橋區文化里"),
        ("礁溪鄉玉田村發現病例。", "礁溪鄉玉田村", "宜蘭縣礁溪鄉玉田村"),
        // 中正區 is Taipei's and Keelung's: the village says which.
        ("中正區文北里今天停水。", "中正區文北里", "臺北市中正區文北里"),
    ])
    func villageAfterTownship(_ text: String, _ written: String, _ canonical: String) throws {
        let found = try Self.places(text)
        let e = try #require(found.first { $0.text == written }, "\(written) in \(text): \(found.map(\.text))")
        #expect(e.canonical == canonical, "\(text)")
        #expect(e.source == "rule:village", "\(text)")
        #expect(found.count == 1, "one place in \(text): \(found.map(\.text))")
    }

    @Test(arguments: [
        // (text, what must not be a village compound)
        ("文化里今天停水。", "文化里"),                       // a village alone: names repeat across townships
        ("板橋區公所今天說明。", "板橋區公"),                 // an agency, not a village
        ("板橋區這里很熱鬧。", "板橋區這里"),                 // not a listed village
        ("安南區文化里今天停水。", "安南區文化里"),           // 文化里 is not one of 安南區's villages
    ])
    func noVillage(_ text: String, _ notTagged: String) throws {
        let all = try TagJurisdictionTests.tag(text)
        #expect(!all.contains { $0.source == "rule:village" }, "\(text): \(all.map(\.text))")
        #expect(!all.contains { $0.text == notTagged }, "\(text): \(all.map(\.text))")
    }

    @Test func townshipOfficeStaysAnAgency() throws {
        let all = try TagJurisdictionTests.tag("板橋區公所今天說明。")
        #expect(all.contains { $0.type == .agency && $0.text == "板橋區公所" }, "\(all.map(\.text))")
    }
}
