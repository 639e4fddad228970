import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// A name a rule found does not hold the clause around it (`SpanVerbRule`, fourteenth session): a
/// leading function word or verb is cut off, a verb inside ends the finding and the listed name
/// before it is tagged. Each row gave the longer span before the rule.
@Suite("Tag: no clause inside a rule-found name")
struct TagSpanVerbTests {
    @Test(arguments: [
        // (text, the span no longer found, what is found instead (empty: nothing), its type)
        ("這家公司隨後在美國紐約開設辦事處。", "紐約開設辦事處", "紐約", EntityType.place),     // place-body across 開設
        ("法國贏得聯合會盃冠軍。", "法國贏得聯合會", "法國", .place),                          // org-head across 贏得
        ("而美福飯店表示歡迎進口。", "而美福飯店", "美福飯店", .organization),                // 而 leads the clause
        ("據貝殼研究院統計，房價上漲。", "據貝殼研究院", "貝殼研究院", .organization),          // 據 "according to"
        ("据健康时报报道，专家认为。", "据健康时报", "健康时报", .organization),                // Simplified
        ("川普總統抵達醫院接受治療。", "總統抵達醫院", "", .organization),                // across 抵達: nothing listed before it
    ])
    func boundary(_ text: String, _ gone: String, _ found: String, _ type: EntityType) throws {
        let entities = try TagPlaceTests.entities(text)
        #expect(!entities.contains { $0.text == gone }, "\(text): \(entities.map(\.text))")
        if !found.isEmpty {
            #expect(entities.contains { $0.text == found && $0.type == type }, "\(text): \(entities.map(\.text))")
        }
    }

    /// A function character or verb that begins a listed name stays in the finding: 任 of 任丘市
    /// (a city) is not the verb "to serve as" inside 滄州市任丘市公安局.
    @Test func listedNameKeepsItsFirstCharacter() throws {
        let entities = try TagPlaceTests.entities("滄州市任丘市公安局通報案情。")
        #expect(entities.contains { $0.text == "滄州市任丘市公安局" && $0.type == .agency }, "\(entities.map(\.text))")
    }

    /// A listed place right before a rule-found name that starts with a place inside it is part of
    /// that name (`PlaceLedNameRule`); a place that is not inside it is a name of its own.
    @Test(arguments: [
        // (text, the one name, its type; empty: nothing joined, and the place before stays)
        ("她任職於丹麥哥本哈根波爾研究所。", "丹麥哥本哈根波爾研究所", EntityType.organization),  // 哥本哈根 is in 丹麥
        ("中國廣州市中級人民法院今天宣判。", "中國廣州市中級人民法院", .agency),                  // local-body after the state
    ])
    func placeLedName(_ text: String, _ name: String, _ type: EntityType) throws {
        let entities = try TagPlaceTests.entities(text)
        #expect(entities.contains { $0.text == name && $0.type == type }, "\(text): \(entities.map(\.text))")
    }

    @Test func placeNotInsideStaysApart() throws {
        let entities = try TagPlaceTests.entities("展覽由南非中國非洲工程協會主辦。")
        #expect(entities.contains { $0.text == "南非" && $0.type == .place }, "\(entities.map(\.text))")
        #expect(!entities.contains { $0.text.hasPrefix("南非中國") }, "\(entities.map(\.text))")
    }
}
