import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// `rule:place-head`: Chinese places no list holds, named by a head word after a clear left edge.
@Suite("Tag: places by their head word")
struct TagPlaceHeadTests {
    @Test(arguments: [
        // (text, the place the rule finds)
        ("上塘鎮為永嘉縣縣政府駐地。", "上塘鎮"),              // the start of the text
        ("三江鎮下轄三江社區、茄南村、道學村和江源村。", "茄南村"), // after the enumeration comma
        ("它與高郵湖相連。", "高郵湖"),                          // after 與
        ("學校位於育才街。", "育才街"),                        // after 位於
        ("遊客來到北角碼頭。", "北角碼頭"),                    // after 來到
        ("該站位於大新縣下雷鎮。", "下雷鎮"),                  // after a listed place (a chain, split)
        ("村民住在芜湖县三元镇鲁村。", "鲁村"),                // Simplified; one character after a place
        ("他們到嵩祝寺參拜。", "嵩祝寺"),                      // after 到
        ("湖北省松滋市庆贺寺乡吴家包村", "庆贺寺乡"),          // the longer head wins (寺|乡)
        ("它位于太行山。", "太行山"),                            // after 位于
        ("體育用品店沿著太平路連成一線。", "太平路"),            // after 沿著
        ("壁畫繪於三清殿、純陽殿和重陽殿。", "純陽殿"),          // a hall (殿) after the enumeration comma
        ("王室前往白金漢宮。", "白金漢宮"),                      // a palace (宮)
        ("該小行星在海德堡發現。", "海德堡"),                    // a town or castle (堡) after 在
        ("比賽在麗晶花園舉行。", "麗晶花園"),                    // a garden (花園)
        ("它原名高郵湖。", "高郵湖"),                            // after 原名
        ("此河匯入察沃河。", "察沃河"),                          // after 匯入
        ("道路延至蝴蝶灣。", "蝴蝶灣"),                          // after 延至
    ])
    func placeByHead(_ text: String, _ place: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-head" && e.canonical == place)
    }

    @Test(arguments: [
        // (text, a text that must not be a place)
        ("他們改用寬頻網路。", "寬頻網路"),          // 網路 is a word: the head is inside it
        ("疫情高峰已過。", "疫情高峰"),
        ("城市的森林公園很大。", "森林公園"),        // a generic modifier, and 的 is no edge
        ("發展鄉鎮企業。", "鄉鎮"),
        ("他住在這座山。", "這座山"),                // a determiner and a classifier
        ("，高速公路十幾個小時。", "高速公路"),
        ("他家的小山村很美。", "小山村"),
        ("村民上山砍柴。", "上山"),
        ("三江鎮下轄三江社區。", "下轄三江"),        // a verb is no name
        ("在疫情高峰時", "疫情高峰"),
        ("王培成、曹建山、王默出席。", "曹建山"),    // surname + one character + 山: a name
        ("黃明志、吳青峰、張震嶽同台。", "吳青峰"),  // 峰 is no head
        ("和軍隊站在一起。", "軍隊站"),              // 站 the verb
        ("前往廈門報導海峽論壇的記者。", "報導海峽"), // 海峽 of 海峽論壇, not a strait
        ("造成任何在台辦理海峽論壇分支活動。", "台辦理海峽"),
        ("到前往過往米街（現新美街）的路上。", "現新美街"),
        // Verb + object phrases the head ends (`head-word` rows, class note `verb phrase`).
        ("候選人今天到市場掃街拜票。", "市場掃街"),
        ("“上班路變成了漫漫長路。", "上班路"),
        ("、負責人跑路。", "負責人跑路"),
        ("、中國填海造島。", "填海造島"),       // one character after a place
        ("和戰機飛越海峽。", "戰機飛越海峽"),
        ("、異國他鄉。", "異國他鄉"),
        ("他愛吃漢堡。", "吃漢堡"),             // 漢堡 the food: a head word, not a name
        ("歌手蛋堡發表新歌。", "歌手蛋堡"),
        ("市場灘頭堡。", "市場灘頭堡"),
        ("、厨房花园。", "厨房花园"),           // a generic name part
        ("政府修建教堂。", "修建教堂"),         // a verb of building is no name
        ("甘孜地区新增水库。", "地区新增水库"), // 區 ends a district: no name runs through it
    ])
    func noPlace(_ text: String, _ absent: String) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(!found.contains { $0.text == absent && $0.type == .place }, "\(text): \(found.map(\.text))")
    }

    @Test(arguments: [
        // (text, the facility or feature, or "" when none; what must not be a place)
        ("船隻駛入東京灣。", "東京灣", ""),
        ("旅客抵達浦東國際機場。", "浦東國際機場", ""),
        ("中國在南沙群島島礁施工。", "", "南沙群島島"),      // the head repeats the place's last character
        ("他住在香港半島酒店。", "", "香港半島"),            // the head starts a hotel's name
        ("台灣灣生回家。", "", "台灣灣"),
        ("旅客在北京站候車。", "北京站", ""),                // a city's station
        ("他搭車到名古屋火車站。", "名古屋火車站", ""),
        ("遊客走進羅馬城。", "羅馬城", ""),                  // a city's walled town
        ("羅馬城市的交通。", "", "羅馬城"),                  // 城市 is a word
        ("日本站的比賽很精彩。", "", "日本站"),              // a country's 站 is a leg of a tour
        ("台灣站出來。", "", "台灣站"),                      // 站 the verb
    ])
    func facilityAfterAPlace(_ text: String, _ place: String, _ absent: String) throws {
        let places = try TagPlaceTests.entities(text).filter { $0.type == .place }
        if !place.isEmpty {
            let e = try #require(places.first { $0.text == place }, "\(text): \(places.map(\.text))")
            #expect(e.source == "rule:place-facility")
        }
        if !absent.isEmpty { #expect(!places.contains { $0.text == absent }, "\(text): \(places.map(\.text))") }
    }
}
