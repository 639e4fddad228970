import Testing
@testable import WenxiCore
@testable import Wenxi

/// Words that make a surname-led string no name (`not-names.tsv`, `NotNames`): the table built
/// from small hand-made rows, the checker's rules, and the shipped file as the tagger and
/// scripts/import-known-names read it.
@Suite("Tag: not-names")
struct TagNotNamesTests {
    static let shipped = try! Lexicon(directory: TagFixtures.packageDictionaries).notNames
    static let header = "# kind: not-name\n# source: t\nid\tword\tclass\n"
    static let rows = header + "a\t媽媽\tkin\nb\t老師\tpolite\nc\t醫生\ttitle\nd\t週五\tweekday\ne\t周五\tweekday\nf\t晚\tday-part\n"

    static func table(_ text: String) -> NotNames {
        let entries = DictionaryFile.parse(text, name: "t.tsv").entries
        return NotNames(entries: entries, kinds: entries.map(\.kind))
    }

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    // Each row: the text, whether it is a weekday, whether it is an address form (whole text).
    @Test(arguments: [
        ("kin after a surname", "王媽媽", false, true),
        ("kin after a compound surname", "歐陽媽媽", false, true),
        ("polite", "陳老師", false, true),
        ("title", "李醫生", false, true),
        ("surname alone and a term: too short", "媽媽", false, false),
        ("a name, no term", "王小明", false, false),
        ("weekday, Traditional", "週五", true, false),
        ("weekday, Simplified", "周五", true, false),
        ("weekday and a part of the day", "周五晚", true, false),
        ("weekday and another character", "周五表", false, false),
        ("a day the rows do not list", "周一", false, false),
        ("a name starting with 周", "周一鸣", false, false),
    ])
    func table(_ label: String, _ text: String, _ weekday: Bool, _ address: Bool) {
        let t = Self.table(Self.rows)
        let f = Self.scalars(text)
        #expect(t.isWeekday(f, 0, f.count) == weekday, "\(label)")
        #expect(t.isAddressForm(f, 0, f.count) == address, "\(label)")
    }

    // `wenxi dict check`: a known class, the right number of Han characters, no word twice in a class.
    @Test(arguments: [
        ("unknown class", "x\t媽媽\tfamily\n", "t.tsv:4: not-name x has class 'family' (known: adverb, after-adverb, day-part, kin, polite, preposition, span-lead, span-verb, title, weekday)"),
        ("one character for a term", "x\t媽\tkin\n", "t.tsv:4: not-name '媽' (class kin) is not 2 Han characters"),
        ("two characters for a day part", "x\t晚上\tday-part\n", "t.tsv:4: not-name '晚上' (class day-part) is not 1 Han character"),
        ("Latin letters", "x\tMr\tpolite\n", "t.tsv:4: not-name 'Mr' (class polite) is not 2 Han characters"),
        ("listed twice", "x\t媽媽\tkin\ny\t媽媽\tkin\n", "t.tsv:5: not-name '媽媽' is listed twice in class kin (also t.tsv:4)"),
        ("two characters for an adverb", "x\t曾經\tadverb\n", "t.tsv:4: not-name '曾經' (class adverb) is not 1 Han character"),
        ("three characters after an adverb", "x\t一再地\tafter-adverb\n", "t.tsv:4: not-name '一再地' (class after-adverb) is not 1–2 Han characters"),
        ("two characters to lead a span", "x\t據說\tspan-lead\n", "t.tsv:4: not-name '據說' (class span-lead) is not 1 Han character"),
        ("three characters for a span verb", "x\t宣布了\tspan-verb\n", "t.tsv:4: not-name '宣布了' (class span-verb) is not 1–2 Han characters"),
    ])
    func problems(_ label: String, _ row: String, _ expected: String) {
        let entries = DictionaryFile.parse(Self.header + row, name: "t.tsv").entries
        #expect(NotNames.problems(entries).map(\.description) == [expected], "\(label)")
    }

    @Test("good rows have no problem")
    func cleanRows() {
        #expect(NotNames.problems(DictionaryFile.parse(Self.rows, name: "t.tsv").entries).isEmpty)
        #expect(NotNames.problems(DictionaryFile.parse(Self.adverbRows, name: "t.tsv").entries).isEmpty)
    }

    static let adverbRows = rows + "g\t曾\tadverb\nh\t于\tpreposition\ni\t多次\tafter-adverb\nj\t太\tafter-adverb\nk\t周一\tweekday\n"

    // A surname used as an adverb or preposition (`isFunctionLed`). Each row: the text (the name
    // is all of it but `tail` characters, which stand after it), the ICU words as (start, end)
    // pairs, the answer.
    @Test(arguments: [
        ("a listed word after the adverb", "曾多次", 0, [(Int, Int)](), true),
        ("a listed word running past the name", "曾多次", 1, [], true),
        ("a listed one-character word", "曾太", 0, [], true),
        ("an ICU word from the second character running past the name", "曾舉辦", 1, [(0, 1), (1, 3)], true),
        ("the name is one ICU word of two characters", "曾經", 0, [(0, 2)], true),
        ("a name of three characters that ICU knows as one word", "曾國藩", 0, [(0, 3)], false),
        ("a name: the given name ends at the word edge", "曾光說", 1, [(0, 1), (1, 2), (2, 3)], false),
        ("a preposition and a day of the week", "于周一", 0, [], true),
        ("a preposition and a given name", "于北辰", 0, [], false),
        ("an adverb that is not a preposition, before a day", "曾周一", 0, [], false),
        ("no such surname", "王多次", 0, [], false),
    ])
    func functionLed(_ label: String, _ text: String, _ tail: Int, _ words: [(Int, Int)], _ expected: Bool) {
        let t = Self.table(Self.adverbRows)
        let f = Self.scalars(text)
        let got = t.isFunctionLed(f, 0, f.count - tail, wordEnd: { k in words.first { $0.0 == k }?.1 })
        #expect(got == expected, "\(label)")
    }

    // A three-character name that cuts two ICU words (`cutsWords`). Each row: the text (the name is
    // its first three characters), the ICU words as (start, end) pairs, the answer.
    @Test(arguments: [
        ("surname and next character one word, the last starts a longer word", "甄別真偽", [(0, 2), (2, 4)], true),
        ("the last character ends at the span's edge", "蕭瑟秋。", [(0, 2), (2, 3)], false),
        ("surname alone, the last character starts a longer word", "王小明天", [(0, 1), (1, 2), (2, 4)], false),
        ("a name ICU knows as one word", "張善政今", [(0, 3), (3, 4)], false),
        ("two characters only", "陳述己", [(0, 2), (2, 3)], false),
        ("a transliteration: 馬克|龍也", "馬克龍也", [(0, 2), (2, 4)], false),
    ])
    func cutsWords(_ label: String, _ text: String, _ words: [(Int, Int)], _ expected: Bool) {
        let f = Self.scalars(text)
        let got = Self.shipped.cutsWords(f, 0, 3, wordEnd: { k in words.first { $0.0 == k }?.1 })
        #expect(got == expected, "\(label)")
    }

    // With the package's dictionaries and ICU's words: a name-shaped span that cuts two words is no
    // person (江淮|東部, 周二|威脅, 蘇聯|真的, 游泳|錦標賽); real names stay.
    @Test(arguments: [
        ("安徽省大别山区、江淮东部部分地区再遭暴雨。", "江淮东", false),
        ("特朗普总统周二威胁北约盟国。", "周二威", false),
        ("因为苏联真的不存在了。", "苏联真", false),
        ("这次游泳錦標賽在日月潭舉行。", "游泳錦", false),
        ("桃園市長張善政今天說，市府會處理。", "張善政", true),
        ("法國總統馬克龍也針對此事發言。", "馬克龍", true),
    ])
    func cutsWordsInText(_ text: String, _ name: String, _ person: Bool) throws {
        let found = try TagNamesTests.people(text)
        #expect(found.contains { $0.text == name } == person, "\(text): \(found.map(\.text))")
    }

    // With the package's dictionaries and ICU's words: a surname used as an adverb or preposition
    // is no person (rows from news wording, Traditional and Simplified); real names stay.
    @Test(arguments: [
        ("川普曾多次表示，美國不會讓步。", "曾多次", false),
        ("特朗普总统曾经说，关税是工具。", "曾经", false),
        ("英女王曾发表声明表示支持。", "曾发", false),
        ("美国驻伦敦使馆便曾举办拍卖活动。", "曾举", false),
        ("他于周一抵达北京。", "于周一", false),
        ("流行病學首席科學家曾光表示，北京和大連的疫情可控。", "曾光", true),
    ])
    func functionLedInText(_ text: String, _ name: String, _ person: Bool) throws {
        let found = try TagNamesTests.people(text)
        #expect(found.contains { $0.text == name } == person, "\(text): \(found.map(\.text))")
    }

    // The shipped file holds what the tagger's inline sets held before it moved there.
    @Test(arguments: [
        ("王妈妈", false, true), ("林媽媽", false, true), ("陳老師", false, true), ("张老板", false, true),
        ("李阿嬤", false, true), ("周末", true, false), ("週日", true, false), ("周三晚", true, false),
        ("周三早", true, false), ("周一鸣", false, false), ("李醫生", false, true), ("李医生", false, true),
        ("王大夫", false, true), ("谢老伯", false, true), ("許教授", false, true), ("李医", false, false),
    ])
    func shippedFile(_ text: String, _ weekday: Bool, _ address: Bool) {
        let t = Self.shipped
        let f = Self.scalars(text)
        #expect(t.isWeekday(f, 0, f.count) == weekday, "\(text)")
        #expect(t.isAddressForm(f, 0, f.count) == address, "\(text)")
    }
}
