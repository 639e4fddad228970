import Testing
@testable import WenxiCore
@testable import Wenxi

/// People in encyclopedic writing (issue 9): encyclopedic context (`EncyclopedicContext`),
/// transliterated names that are whole ICU words, and two-character
/// known names (`rule:name-known`), with the package's own dictionaries.
@Suite("Tag: encyclopedic names")
struct TagEncyclopedicNamesTests {
    static let lexicon = TagKnownNamesTests.lexicon

    static func people(_ text: String) throws -> [Entity] {
        try TagKnownNamesTests.people(text)
    }

    // The context words, on the folded text: before the name, after it, a year in parentheses.
    @Test(arguments: [
        ("kinship before", "之子韓信", 2, 4, true),
        ("office before", "派大將韓信進攻", 3, 5, true),
        ("art before", "詩人杜甫", 2, 4, true),
        ("life after", "杜甫生於鞏縣", 0, 2, true),
        ("death after", "孫策病逝", 0, 2, true),
        ("role after", "劉德華飾演", 0, 3, true),
        ("year in parentheses", "孫中山（1866年－1925年）", 0, 3, true),
        ("parenthesis without a year", "孫中山（國父）", 0, 3, false),
        ("ordinary words", "他們看到張西曼的名字", 4, 7, false),
        ("text edge", "韓信", 0, 2, false),
        ("before a middle dot", "演員湯姆·漢克斯", 2, 4, false),
    ])
    func cue(_ label: String, _ text: String, _ start: Int, _ end: Int, _ expected: Bool) {
        let f = Self.lexicon.fold.fold(Array(text.unicodeScalars))
        #expect(Self.lexicon.encyclopedic.cue(f, start, end) == expected, "\(label)")
    }

    // End to end: names the tables alone leave below the threshold, found with encyclopedic
    // evidence; the rule named in `source`.
    @Test(arguments: [
        ("two-character known name after an office", "劉邦在漢中養精蓄銳後，就派大將韓信進攻關中。", "韓信", "rule:name-known"),
        ("two-character known name at a clause start", "劉邦在漢中養精蓄銳後，就派大將韓信進攻關中。", "劉邦", "rule:name-known"),
        ("name before a death", "林直勉病逝於上海。", "林直勉", "rule:name-model"),
        ("transliteration that is one ICU word", "他讀過卡夫卡，也讀過魯迅。", "卡夫卡", "rule:name-model-translit"),
        ("dotted name after an art", "美国知名演员汤姆·汉克斯及妻子", "汤姆·汉克斯", "rule:name-model-translit"),
        ("dotted name after an art, surname-like start", "其他名人包括演员李奥纳多·迪卡普里奥（Leonardo DiCaprio）", "李奥纳多·迪卡普里奥", "rule:name-model-translit"),
    ])
    func found(_ label: String, _ text: String, _ name: String, _ source: String) throws {
        let all = try Self.people(text)
        let hit = all.first { $0.text == name }
        #expect(hit != nil, "\(label): \(all.map(\.text))")
        #expect(hit?.source == source, "\(label)")
    }

    // Not people: a two-character known name without context or as part of a longer word, a
    // state the name list dropped, a name without encyclopedic context.
    @Test(arguments: [
        ("state (趙國 ends as a state does)", "戰國後期，趙國與匈奴長期對峙。", "趙國"),
        // Not 林直勉的名字: three one-character ICU tokens between word edges take the `singles`
        // bonus of the name model, which finds the name there (rightly) without context.
        ("no context", "他們看到林直勉給友人的信。", "林直勉"),
        ("below the threshold", "他們看到張西曼的名字。", "張西曼"),
        ("one-word transliteration before a state's head", "面對這些阿拉伯國家和人民的行動。", "阿拉伯"),
        ("one-word transliteration after a place's preposition", "記者今年突訪該媒體在曼哈頓的總部。", "曼哈頓"),
        ("one-word transliteration before a prize", "他素有科技產業奧斯卡之稱。", "奧斯卡"),
        ("one-word transliteration inside its clause", "這是阿拉伯世界的第一次火星任務。", "阿拉伯"),
    ])
    func notFound(_ label: String, _ text: String, _ name: String) throws {
        let all = try Self.people(text)
        #expect(!all.contains { $0.text == name }, "\(label): \(all.map(\.text))")
    }

    static let rows = """
    # wenxi-dictionary: 1
    # kind: name-known
    # source: test
    id\tfirst\tnames
    t.1\t韓\t韓信|韓非子
    t.2\t劉\t劉邦
    """

    // The two-character lookup: listed pairs only, Simplified folded; `longest` still finds only
    // names of three characters or more.
    @Test(arguments: [
        ("listed", "韓信說", 0, true),
        ("listed, Simplified", "刘邦说", 0, true),
        ("prefix of a longer name only", "韓非說", 0, false),
        ("unlisted", "韓國說", 0, false),
        ("at the text end", "韓", 0, false),
    ])
    func holdsPair(_ label: String, _ text: String, _ at: Int, _ expected: Bool) {
        let k = TagKnownNamesTests.known(Self.rows)
        let f = Self.lexicon.fold.fold(Array(text.unicodeScalars))
        #expect(k.holdsPair(f, at: at, model: Self.lexicon.names) == expected, "\(label)")
        let owner = [Int32](repeating: -1, count: f.count)
        #expect(k.longest(f, owner, at: at, model: Self.lexicon.names, ends: { _ in true }) == nil,
                "\(label): longest finds no two-character name")
    }
}
