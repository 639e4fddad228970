import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Foreign people (issue 9): names in Latin letters found by context (`LatinNames`), and the
/// context that tells transliterated people from transliterated places and things
/// (`TranslitContext`), with the package's own dictionaries.
@Suite("Tag: foreign names")
struct TagForeignNamesTests {
    static func people(_ text: String) throws -> [String] {
        try TagNamesTests.people(text).map(\.text)
    }

    // Latin-letter names without a title: a given name of name-latin-given.tsv, or a person cue.
    @Test(arguments: [
        ("given name and family name", "1961年，Brian Epstein第一次在酒吧看到他們。", "Brian Epstein"),
        ("given name at the start", "Steven Bronfenbrenner，在加州工作。", "Steven Bronfenbrenner"),
        ("role word before", "樂團的鼓手Menachem Sheinkin也出席了。", "Menachem Sheinkin"),
        ("kinship word and copula", "他已婚，妻子是Natasha Sheinkin。", "Natasha Sheinkin"),
        ("act after", "是年底，Menachem Sheinkin提議將社區改名。", "Menachem Sheinkin"),
        ("one given name after a kinship word", "她生下了一名兒子Harry，", "Harry"),
        ("generation after the name", "船業繼承人Stavros Niarchos III約會。", "Stavros Niarchos III"),
    ])
    func latinNames(_ label: String, _ text: String, _ name: String) throws {
        let got = try Self.people(text)
        #expect(got.contains(name), "\(label): \(got)")
    }

    @Test(arguments: [
        ("no given name, no cue", "活動口號是Keep Taiwan Free，", "Keep Taiwan Free"),
        ("product head after", "百貨公司的Louis Vuitton專櫃開幕。", "Louis Vuitton"),
        ("work title", "他看了《Martin Eden》這部影集。", "Martin Eden"),
        ("one given name without a cue", "Karin打了她一記耳光。", "Karin"),
        ("place word in the run", "行車道路Winston Churchill Avenue橫跨跑道。", "Winston Churchill Avenue"),
        ("naming a place", "他提議將新社區命名為Tel Aviv，", "Tel Aviv"),
        ("body word before", "印尼國營公司Bio Farma將開始生產。", "Bio Farma"),
        ("title after: the officer's body", "機構Allegra Strategies執行總監說，", "Allegra Strategies"),
        ("cut at a letter beyond ASCII", "記者Javier C. Hernández說，", "Javier C. Hern"),
    ])
    func latinNonNames(_ label: String, _ text: String, _ never: String) throws {
        let got = try Self.people(text)
        #expect(!got.contains(never), "\(label): \(got)")
    }

    // Transliterated runs that their context makes places, bodies or things: never a person,
    // nor a part of them.
    @Test(arguments: [
        ("facility head after", "柯克伍德天文台是一個天文台。", ["柯克伍德", "柯克伍"]),
        ("ship", "羅塞塔號由兩個主元件組成。", ["羅塞塔"]),
        ("place mention before", "她被安葬在美國加州帕薩迪納。", ["帕薩迪納"]),
        ("verb of location before", "凱維埃爾來自布列塔尼，", ["布列塔尼"]),
        ("defined as a place", "斯特勒謝尼是摩爾多瓦的城市。", ["斯特勒謝尼"]),
        ("a listed place around the run", "他來到佛羅倫薩，住在附近。", ["佛羅倫", "佛羅倫薩"]),
        ("preposition of place and a clause end", "伊麗莎白二世在杜蘭戈。", ["杜蘭戈"]),
        ("Japanese-looking city", "春日井市是名古屋市以北的城市。", ["春日井"]),
    ])
    func translitPlaces(_ label: String, _ text: String, _ never: [String]) throws {
        let got = try Self.people(text)
        for n in never { #expect(!got.contains(n), "\(label): \(got)") }
    }

    // Where a transliterated name starts and ends.
    @Test(arguments: [
        ("generation number", "2008年，伊利沙伯二世在樞密院會議上同意。", "伊利沙伯二世"),
        ("generation number after a character left out", "她不但是伊麗莎白二世的外曾孫，", "伊麗莎白二世"),
        ("first part before a dot", "他也在大衛·萊特曼的節目上出現。", "大衛·萊特曼"),
        ("rare first character", "插圖都是昆丁·布雷克，", "昆丁·布雷克"),
        ("a place before, a title after", "英國哈利王子說，", "哈利"),
    ])
    func translitEdges(_ label: String, _ text: String, _ name: String) throws {
        let got = try Self.people(text)
        #expect(got.contains(name), "\(label): \(got)")
    }

    // PRC newswire: a transliteration after a title may hold one character that text uses more
    // than transliteration (内, 法); a Simplified form shares its Traditional form's score (杰);
    // an -ism after a run names its person.
    @Test(arguments: [
        ("weak character inside, after a title", "巴勒斯坦领导人阿拉法特昨天抵达开罗。", "阿拉法特"),
        ("weak first character in a long run", "以色列总理内塔尼亚胡今天结束访问。", "内塔尼亚胡"),
        ("Simplified form of a transliteration character", "总统助理伯杰就此发表讲话。", "伯杰"),
        ("an -ism after the run", "马克思主义的历史观并不是发明出来的。", "马克思"),
        ("a last character as common as in text, before a break", "他接到了里瓦尔多的传球。", "里瓦尔多"),
        ("the same before a list", "前锋贝贝托、埃德蒙多、罗马里奥都来了。", "埃德蒙多"),
    ])
    func titledTransliterations(_ label: String, _ text: String, _ name: String) throws {
        let got = try Self.people(text)
        #expect(got.contains(name), "\(label): \(got)")
    }

    @Test(arguments: [
        ("weak first character in a short run", "采访结束时，记者问拉埃是否喜爱现在的工作。", "问拉埃"),
        ("weak character starting a word", "美国前总统卡特访华三天。", "卡特访华"),
        ("weak character last", "德国总理梅克特别强调这一点。", "梅克特别"),
        ("an -ism of two people", "他们坚持学习马列主义。", "马列"),
        ("an -ism of two people, written out", "他们坚持学习马克思列宁主义。", "马克思列宁"),
        ("a faith before an -ism", "伊斯兰主义在当地抬头。", "伊斯兰"),
        ("a common last character starting a word", "德国总理默克尔多次表示支持。", "默克尔多"),
    ])
    func titledTransliterationNonNames(_ label: String, _ text: String, _ never: String) throws {
        let got = try Self.people(text)
        #expect(!got.contains(never), "\(label): \(got)")
    }

    // The given-name table is read as a name-model kind and checked by `wenxi dict check`.
    @Test func latinGivenTable() throws {
        let names = TagNamesTests.tagger.lexicon.names
        #expect(names.latinGiven.contains(Array("Steven".unicodeScalars.map(\.value))))
        #expect(!names.latinGiven.contains(Array("Keep".unicodeScalars.map(\.value))))
        let file = DictionaryFile.parse("""
            # wenxi-dictionary: 1
            # kind: name-latin-given
            # source: test
            id\tname\tshare
            nlg.a\tSteven\t780
            nlg.b\tSTEVEN\t1
            nlg.c\t史蒂芬\t1
            """, name: "t.tsv")
        let problems = NameModel.problems(file.entries)
        #expect(problems.count == 2, "\(problems.map(\.message))")
    }
}
