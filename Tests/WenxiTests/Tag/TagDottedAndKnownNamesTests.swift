import Testing
@testable import WenxiCore
@testable import Wenxi

/// Foreign and historical names (issue 9): middle-dot chains (`DottedNames`), parts of foreign
/// names that news uses alone (`name-known-foreign.tsv`), temple names without their dynasty
/// (`KnownNames`), and Japanese two-character given names, with the package's dictionaries.
@Suite("Tag: dotted, known and temple names")
struct TagDottedAndKnownNamesTests {
    static func people(_ text: String) throws -> [String] {
        try TagNamesTests.people(text).map(\.text)
    }

    @Test(arguments: [
        ("first part is the ICU word before the dot", "在選舉之後，他取代喬治·蓬皮杜成為了一個過渡政府總理。", "喬治·蓬皮杜"),
        ("kinship word before the first part", "而埃米莉的兒子喬治·謝爾比也不願意。", "喬治·謝爾比"),
        ("first part with characters rare in text", "葉甫根尼·普魯申科在2010年參加冬季奧運會。", "葉甫根尼·普魯申科"),
        // Several dots in one text: the runs found at the first are kept for the later ones.
        ("second of two dotted names", "喬治·蓬皮杜與弗蘭克·希克森會面後，喬治·蓬皮杜說，兩國的關係很好。", "弗蘭克·希克森"),
        ("part known alone", "喬治說，他很高興。", "喬治"),
        ("three-character part known alone", "湯普森在1945年成為總統。", "湯普森"),
        ("temple name written as two ICU words", "玄宗即位後，重用姚崇。", "玄宗"),
        ("posthumous name of three characters", "蕭瑜認為嚴光拜訪光武帝，表明其愛慕虛榮。", "光武帝"),
        ("Japanese two-character given name", "後藤真希在東京開唱。", "後藤真希"),
        ("Japanese given name past a higher-scoring cut", "三船久藏入選了代表隊。", "三船久藏"),
    ])
    func found(_ label: String, _ text: String, _ name: String) throws {
        let got = try Self.people(text)
        #expect(got.contains(name), "\(label): \(got)")
    }

    @Test(arguments: [
        ("verb after the last part", "在選舉之後，他取代喬治·蓬皮杜成為了一個過渡政府總理。", ["蓬皮杜成", "蓬皮杜", "取代喬治·蓬皮杜"]),
        ("kinship word is no first part", "而埃米莉的兒子喬治·謝爾比也不願意。", ["兒子喬治·謝爾比", "謝爾比"]),
        ("first part cut by a Chinese name", "葉甫根尼·普魯申科在2010年參加冬季奧運會。", ["葉甫", "根尼·普魯申科"]),
        ("part of a dotted school name", "青年時期，帕爾曼在喬治·華盛頓高中讀書。", ["喬治"]),
        ("known part inside a longer transliteration", "格林維爾位於美國南卡羅萊納州西北部。", ["格林"]),
        ("known name before a ship's head", "戰後斯圖爾特號在1919年退役。", ["斯圖爾特"]),
        ("a dynasty-less temple word that is none", "亞歷山大大帝的軍隊抵達印度。", ["大帝"]),
    ])
    func notFound(_ label: String, _ text: String, _ never: [String]) throws {
        let got = try Self.people(text)
        for n in never { #expect(!got.contains(n), "\(label): \(got)") }
    }

    // The list is read as kind name-known; temple names are derived from the dynasty names.
    @Test func tables() throws {
        let lexicon = TagNamesTests.tagger.lexicon
        let f = { (s: String) in s.unicodeScalars.map(\.value) }
        #expect(lexicon.knownNames.holdsPair(f("喬治"), at: 0, model: lexicon.names))
        #expect(lexicon.knownNames.holdsPair(f("玄宗"), at: 0, model: lexicon.names))
        #expect(!lexicon.knownNames.holdsPair(f("大帝"), at: 0, model: lexicon.names))
        #expect(!lexicon.knownNames.holdsPair(f("阿里"), at: 0, model: lexicon.names))
    }
}
