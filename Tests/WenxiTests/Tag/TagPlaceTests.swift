import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Places no list holds, with the package's own dictionaries: `rule:place-translit` (a
/// transliterated name and its head) and compass regions that are no body (美國南部).
@Suite("Tag: foreign places by their head")
struct TagPlaceTests {
    static func entities(_ text: String) throws -> [Entity] {
        try TagJurisdictionTests.tag(text).filter { [.place, .agency, .organization, .person].contains($0.type) }
    }

    @Test(arguments: [
        // (text, the place the rule finds)
        ("卡納塔卡省今天宣布封城。", "卡納塔卡省"),
        ("斯塔茨門郡是一個郡。", "斯塔茨門郡"),
        ("河水流經庫伊瓦河注入波羅的海。", "庫伊瓦河"),          // 流經 is an ordinary word: the left edge
        ("她在喬治亞州的華爾頓縣附近被殺。", "華爾頓縣"),        // 華 is loose, 的 is the edge
        ("它位於北博滕區。", "北博滕區"),                        // a compass word is loose too
        ("墨西哥北部的塔毛利帕斯州前几天遭受风暴。", "塔毛利帕斯州"), // Simplified; 的 is the edge (得克萨斯州 is listed now)
        ("遊客前往約塞米蒂國家公園露營。", "約塞米蒂國家公園"),  // a facility head (fourteenth session): the name model took a person
        ("班機降落在伏努科沃國際機場。", "伏努科沃國際機場"),   // two generic words: too long for place-head
        ("他住在克倫威爾街。", "克倫威爾街"),
        ("他在帕丁頓站下車。", "帕丁頓站"),
        ("小鎮位於瑞士阿爾高州。", "阿爾高州"),            // ICU's word 高州 crosses the head
    ])
    func transliterationAndHead(_ text: String, _ place: String) throws {
        let found = try Self.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-translit" && e.canonical == place)
    }

    @Test(arguments: [
        // (text, a text that must not be a place-translit finding)
        ("（編輯：李亨山）", "李亨山"),                  // a credit line's person comes first
        ("他寫有《烏托邦》一書。", "烏托邦"),            // an ICU word, not a state
        ("這是一本反烏托邦小說。", "反烏托邦"),
        ("纳斯达克股市今天大涨。", "纳斯达克股市"),      // 股市 is the word
        ("古尔邦节期间停火。", "古尔邦"),                // a head before 節 is no head
        ("由梅塔省負責。", "由梅塔省"),                  // 由 ends the name on its left
        ("布朗站在門口。", "布朗站"),                    // 站在 is a word: 站 stands, no station
        ("克里斯路過這裡。", "克里斯路"),                // 路過 is a word
        ("他周末在高爾夫球場打球。", "高爾夫球場"),        // a common noun in transliteration
        ("他在鑽石聯賽羅馬站奪冠。", "賽羅馬站"),          // a leg of a tour
        ("公民鄧洪城被捕。", "鄧洪城"),                    // a surname and a given name
    ])
    func noTransliteratedPlace(_ text: String, _ absent: String) throws {
        let found = try Self.entities(text)
        #expect(!found.contains { $0.text == absent && $0.type == .place }, "\(text): \(found.map(\.text))")
    }

    @Test(arguments: [
        // (text, a place and its district word, one place: `DistrictRule`, fourteenth session; a
        // listed place keeps its entry)
        ("天主教杭州教區的主教今天到任。", "杭州教區"),    // a diocese named after its city
        ("該縣當時屬泉州專區管轄。", "泉州專區"),          // a PRC prefecture of the 1950s
        ("他在倫敦港區工作。", "倫敦港區"),
    ])
    func placeAndDistrict(_ text: String, _ place: String) throws {
        let found = try Self.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place)
    }

    @Test(arguments: [
        // (text, what must not be a place-district finding)
        ("公司的中國區總裁今天辭職。", "中國區"),          // a country's bare 區: a firm's region
        ("亞洲區資格賽今天開打。", "亞洲區"),              // a continent's: a tournament's region
        ("台北市區交通擁擠。", "台北市區"),                // 市區 is downtown
        ("亞太區域的經濟成長。", "亞太區"),                // 區域 is another word
        ("喜馬拉雅山區下了大雪。", "喜馬拉雅山區"),        // 山區: the mountain areas
    ])
    func noPlaceAndDistrict(_ text: String, _ absent: String) throws {
        let found = try Self.entities(text)
        #expect(!found.contains { $0.text == absent }, "\(text): \(found.map(\.text))")
    }

    @Test(arguments: [
        // (text, the place `rule:place-shape` finds by its ending, where a place stands)
        ("商隊從蘇萊曼尼亞出發。", "蘇萊曼尼亞"),          // the name model took 蘇萊曼 for a person
        ("軍隊進入特蘭西瓦尼亞。", "特蘭西瓦尼亞"),        // after 入
        ("大軍在萊茵蘭集結。", "萊茵蘭"),
        ("他出生於哈里斯堡。", "哈里斯堡"),
        ("他搬到美國維吉尼亞。", "維吉尼亞"),              // after a place
        ("游客在波斯尼亚北部旅行。", "波斯尼亚"),          // Simplified, folded
        ("他們在羅德西亞定居。", "羅德西亞"),              // the listed 西亞 (West Asia) gives way
    ])
    func placeByEnding(_ text: String, _ place: String) throws {
        let found = try Self.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-shape")
    }

    @Test(arguments: [
        // (text, what must not be a place-shape finding)
        ("莎士比亞寫了劇本。", "莎士比亞"),                // no place context: a person
        ("在莎士比亞的劇作中。", "莎士比亞"),              // 在 … 的: as often a person's
        ("在伊斯蘭世界很常見。", "伊斯蘭"),                // the religion
        ("他在惠特蘭獎頒獎禮上致詞。", "惠特蘭"),          // an award's name
        ("他們進入龐家堡鎮。", "龐家堡"),                  // a head follows: the town is 龐家堡鎮
        ("產品銷往斯堪的納維亞北部。", "納維亞"),          // a name cut at its 的
        ("他的成績優於卡普蘭。", "卡普蘭"),                // 於 of a comparison
    ])
    func noPlaceByEnding(_ text: String, _ absent: String) throws {
        let found = try Self.entities(text)
        #expect(!found.contains { $0.text == absent && $0.source == "rule:place-shape" }, "\(text): \(found.map(\.text))")
    }

    @Test(arguments: [
        // (text, the place from places-jieba.tsv, its canonical: jieba's `ns` names that end in a place's head word)
        ("他曾任奉天省省長。", "奉天省", "奉天省"),                  // a former province
        ("信德省位於巴基斯坦南部。", "信德省", "信德省"),
        ("他在京畿道工作。", "京畿道", "京畿道"),                    // a Korean province (道)
        ("遊客前往莫高窟參觀。", "莫高窟", "莫高窟"),
        ("四川盆地氣候濕潤。", "四川盆地", "四川盆地"),
        ("紐約華爾街股市大跌。", "華爾街", "華爾街"),
        ("北京密云县的居民", "密云县", "密雲縣"),                    // converted as a phrase; 云 (a surname) is an alias
        ("云贵高原气候温和。", "云贵高原", "雲貴高原"),
    ])
    func jiebaPlace(_ text: String, _ place: String, _ canonical: String) throws {
        let places = try Self.entities(text).filter { $0.type == .place }
        let e = try #require(places.first { $0.text == place }, "\(text): \(places.map(\.text))")
        #expect(e.source.hasPrefix("Dictionaries/places-jieba.tsv:") && e.canonical == canonical, "\(e.source) \(e.canonical ?? "")")
    }

    @Test(arguments: [
        // (text, place, what must not be an agency)
        ("它位於美國南部。", "美國", "美國南部"),
        ("颱風掃過台灣東部。", "台灣", "台灣東部"),
        ("海南島東南部下大雨。", "海南島", "海南島東南部"),
        ("它位於四川中偏西部。", "四川", "四川中偏西部"),
        ("它位於馬爾他島東南部。", "馬爾他島", "馬爾他島東南部"),   // the island's head is joined after
        ("主校區位於芬蘭首府赫爾辛基。", "芬蘭", "芬蘭首府"),         // a capital is no body
    ])
    func compassRegionIsNoBody(_ text: String, _ place: String, _ notAgency: String) throws {
        let found = try Self.entities(text)
        #expect(found.contains { $0.type == .place && $0.text == place }, "\(text): \(found.map(\.text))")
        #expect(!found.contains { $0.text == notAgency }, "\(text): \(found.map(\.text))")
    }

    @Test(arguments: [
        // (text, the world city from places-world-cities.tsv, or "" when none; what must not be a place)
        ("他在曼海姆住了三年。", "曼海姆", ""),
        ("法軍攻陷了包括維羅納、米蘭在內的城市。", "維羅納", ""),
        ("球隊在马尔默战胜对手。", "马尔默", ""),            // Simplified text, folded
        ("弗拉基米爾·科馬洛夫是太空人。", "", "弗拉基米爾"), // a given name, left out of the list
        ("奧蘭多·布魯姆主演。", "", "奧蘭多"),               // Orlando: named like a given name
    ])
    func worldCity(_ text: String, _ place: String, _ absent: String) throws {
        let places = try Self.entities(text).filter { $0.type == .place }
        if !place.isEmpty {
            let e = try #require(places.first { $0.text == place }, "\(text): \(places.map(\.text))")
            #expect(e.source.hasPrefix("Dictionaries/places-world-cities.tsv:"), "\(e.source)")
        }
        if !absent.isEmpty { #expect(!places.contains { $0.text == absent }, "\(text): \(places.map(\.text))") }
    }
}

/// `places-cn.tsv`: a PRC prefecture's short form (from the source's next row) is an alias of the
/// prefecture, unless it is an ordinary word, a Taipei street's name or part of a person's name.
@Suite("Tag: PRC prefectures by their short form")
struct TagPrefectureShortFormTests {
    @Test(arguments: [
        // (text, the place, its canonical; "" when the short form must not be a place)
        ("他前往菏泽。", "菏泽", "菏澤市"),                  // Simplified
        ("災區包括甘孜、阿壩和涼山。", "阿壩", "阿壩藏族羌族自治州"),
        ("他在馬鞍山工作。", "馬鞍山", "馬鞍山市"),          // not 鞍山 inside it
        ("外交部長鄧玉林說。", "玉林", ""),                  // a given name among Taiwan's candidates
        ("巴中關係良好。", "巴中", ""),                      // Pakistan and China
        ("他住在南陽街。", "南陽", ""),                      // a Taipei street (places.tsv's left-out list)
        ("來賓請入座。", "來賓", ""),                        // "guests"
        ("他住在弗吉尼亚。", "弗吉尼亚", "維吉尼亞州"),      // a US state in the PRC's spelling (places.tsv)
        ("得克萨斯州今天下雪。", "得克萨斯州", "德州"),
    ])
    func shortForm(_ text: String, _ place: String, _ canonical: String) throws {
        let found = try TagPlaceTests.entities(text)
        if canonical.isEmpty {
            #expect(!found.contains { $0.type == .place && $0.text == place }, "\(text): \(found.map(\.text))")
        } else {
            let e = try #require(found.first { $0.type == .place && $0.text == place }, "\(text): \(found.map(\.text))")
            #expect(e.canonical == canonical)
        }
    }
}

/// `rule:place-short` (twelfth session): a county's or prefecture's name without its suffix
/// (高州 for 高州市), where the text says it is a place.
@Suite("Tag: PRC counties by their short form")
struct TagCountyShortFormTests {
    @Test(arguments: [
        // (text, the short form the rule finds)
        ("我去年到过广东高州。", "高州"),                        // after a province: an address chain
        ("在孝感、随州、仙桃等地累计推广。", "随州"),            // a list after a listed place
        ("在孝感、随州、仙桃等地累计推广。", "仙桃"),            // … after another short form
        ("其中，大同、开封、兰州三市超标。", "大同"),            // a list whose next member is a short form
        ("领导赶赴云霄实地考察。", "云霄"),                      // after a verb of motion (赴)
        ("他在潢川留下過故事。", "潢川"),
    ])
    func shortForm(_ text: String, _ place: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-short" && e.canonical == place)
    }

    @Test(arguments: [
        // (text, what must not be a place)
        ("雙方在合作中取得進展。", "合作"),                      // an ordinary word (合作市)
        ("廣東公安機關發布通告。", "公安"),                      // 公安縣: an ordinary word after a province
        ("與美國合作。", "合作"),                                // after a state, not a chain
        ("他申報買入大同股票。", "大同"),                        // a firm's shares
        ("他們進到文昌閣參拜。", "文昌"),                        // a temple's name
        ("他住在延安路。", "延安"),                              // a road
        ("他在武漢肺炎期間返國。", "武漢"),                      // listed, and left out before 肺炎
        ("王常德說他會來。", "常德"),                            // a person's name
    ])
    func noShortForm(_ text: String, _ absent: String) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(!found.contains { $0.text == absent && $0.type == .place }, "\(text): \(found.map(\.text))")
    }
}

/// 大陸 as "continent" (`ContinentRule`): not the mainland after a continent or before a word of
/// physical geography; the mainland elsewhere.
@Suite("Tag: 大陸 as a continent")
struct TagContinentTests {
    @Test(arguments: [
        // (text, whether 大陸 is a place, a place that stays)
        ("非洲大陸的人口增長最快。", false, "非洲"),
        ("欧洲大陆的安全架构。", false, "欧洲"),
        ("位於南極大陸東部的冰層。", false, "南極"),
        ("希臘大陸架上的油田。", false, "希臘"),
        ("大陸冷氣團南下，氣溫降低。", false, ""),
        ("兩岸關係：大陸方面表示歡迎。", true, ""),
        ("他從美國前往大陸經商。", true, "美國"),
    ])
    func continent(_ text: String, _ mainland: Bool, _ stays: String) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(found.contains { $0.type == .place && ($0.text == "大陸" || $0.text == "大陆") } == mainland, "\(text): \(found.map(\.text))")
        if !stays.isEmpty {
            #expect(found.contains { $0.type == .place && $0.text == stays }, "\(text): \(found.map(\.text))")
        }
    }
}

/// A place right before 語 names a language (`LanguageRule`): 蒙古語, 印尼語; not before 語言 or 語法.
@Suite("Tag: a place before 語")
struct TagLanguageTests {
    @Test(arguments: [
        // (text, the place, whether it stays a place)
        ("他只會說蒙古語，不懂漢語。", "蒙古", false),
        ("這部片有印尼語版本。", "印尼", false),
        ("朝鲜语的发音很难。", "朝鲜", false),
        ("學校開設蒙古語文課程。", "蒙古", false),
        ("歐洲語言多屬印歐語系。", "歐洲", true),
        ("他在蒙古住了三年。", "蒙古", true),
        ("她獲新北市語文競賽閩南語演說組第一名。", "新北市", true),   // 語文 after a city: language arts
        ("但是，中国语境下的考古学不同。", "中国", true),            // 語境 is no language
    ])
    func language(_ text: String, _ place: String, _ stays: Bool) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(found.contains { $0.type == .place && $0.text == place } == stays, "\(text): \(found.map(\.text))")
    }
}
