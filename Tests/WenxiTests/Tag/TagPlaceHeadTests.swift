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
        ("三江鎮下轄三江社區、茄南村。", "茄南村"),              // after the enumeration comma
        ("它與高郵湖相連。", "高郵湖"),                          // after 與
        ("學校位於育才街。", "育才街"),                        // after 位於
        ("遊客來到北角碼頭。", "北角碼頭"),                    // after 來到
        ("該站位於大新縣下雷鎮。", "下雷鎮"),                  // after a listed place (a chain, split)
        ("村民住在芜湖县三元镇鲁村。", "鲁村"),                // Simplified; one character after a place
        ("他們到嵩祝寺參拜。", "嵩祝寺"),                      // after 到
        ("湖北省松滋市庆贺寺乡吴家包村", "庆贺寺乡"),          // the longer head wins (寺|乡)
        ("它位于翠屏山。", "翠屏山"),                            // after 位于
        ("體育用品店沿著育英路連成一線。", "育英路"),            // after 沿著
        ("壁畫繪於三清閣、純陽殿。", "純陽殿"),                  // a hall (殿) after the enumeration comma
        ("王室前往白金漢宮。", "白金漢宮"),                      // a palace (宮)
        ("該小行星在海德堡發現。", "海德堡"),                    // a town or castle (堡) after 在
        ("比賽在麗晶花園舉行。", "麗晶花園"),                    // a garden (花園)
        ("它原名高郵湖。", "高郵湖"),                            // after 原名
        ("此河匯入察沃河。", "察沃河"),                          // after 匯入
        ("道路延至蝴蝶灣。", "蝴蝶灣"),                          // after 延至
        // ICU joins the name's last character to the head (南路, 安寺, 武山): the characters
        // before it are one-character words (fifteenth session).
        ("大門位於白利南路和愚園路路口。", "白利南路"),
        ("該路臨近靜安寺和曹家渡兩段。", "靜安寺"),
        ("學生遊行前往大皇宮。", "大皇宮"),
        ("金門各界今天在太武山忠烈殿舉行秋祭。", "太武山"),
        // A one-character head in one ICU word with a position after it (河上, 路上).
        ("這座大壩位於法國南部瓦爾省莱兰河上，該壩僅為供水。", "莱兰河"),
        ("發票為高雄市楠梓區後昌路上「小北百貨」開出的。", "後昌路"),
    ])
    func placeByHead(_ text: String, _ place: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-head" && e.canonical == place)
    }

    @Test(arguments: [
        // (text, a text that must not be a place)
        ("他們改用寬頻網路。", "寬頻網路"),          // 網路 is a word: the head is inside it
        ("沿汾河6個鄉鎮的群眾。", "沿汾河"),        // 沿 is a word before a place, not a name's first character
        ("滲透到高科技重鎮矽谷。", "高科技重鎮"),    // 重鎮 is a word (an important town)
        ("台灣的「護國神山」。", "護國神山"),        // 神山 is a word (a sacred mountain)
        ("前往廣平省山上救災。", "廣平省山"),        // a province's suffix before 山上 (on the mountains)
        ("。塞力克江·阿德勒汗（哈薩克）。", "塞力克江"),  // a person's names joined by a middle dot
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
        // (text, the place the rule finds after an ordinary word: `PlaceHeadRule.wordEdge`)
        ("記者走訪延安的棗園村。", "棗園村"),            // one ICU word after 的
        ("今天的石牌村已成為鬧區。", "石牌村"),
        ("遊客來到維多利亞港的天星碼頭。", "天星碼頭"),
        ("信眾參拜噶丹寺。", "噶丹寺"),                  // characters ICU does not know, after a verb
        ("居民今年遷往沙溪鎮。", "沙溪鎮"),
        ("旅客搭船參觀嚴島神社。", "嚴島神社"),          // a shrine (神社)
        ("政府決定擴建北角站，接駁觀塘綫。", "北角站"),  // 站 alone after one ICU word, in transit text (stationStart)
        ("而金鐘站就成為港島綫的轉車站。", "金鐘站"),    // after a one-character function word
    ])
    func placeAfterAWord(_ text: String, _ place: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-head")
    }

    @Test(arguments: [
        // (text, a two-character feature the rule finds: one ICU word, where a place stands)
        ("雨帶位於四川盆地至長江中下游地區。", "長江"),      // before 中下游
        ("清軍水師和英軍在長江激戰。", "長江"),              // after 在
        ("為減輕巢湖流域防汛壓力。", "巢湖"),                // before 流域
    ])
    func featureWord(_ text: String, _ place: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-head")
    }

    @Test(arguments: [
        // (text, a two-character word with a feature head that must not be a place)
        ("他們早已墜入愛河。", "愛河"),                      // an idiom
        ("他在江湖上闖蕩多年。", "江湖"),
        ("院長江宜樺今天說明。", "長江"),                    // not an ICU word here
        ("從遠處眺望綿延的遠山。", "遠山"),
    ])
    func noFeatureWord(_ text: String, _ absent: String) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(!found.contains { $0.text == absent && $0.type == .place }, "\(text): \(found.map(\.text))")
    }

    @Test(arguments: [
        // (text, a text that must not be a place)
        ("有關當局決定降低水庫水位。", "降低水庫"),      // one word, not after 的: a verb and its object
        ("導遊讓團員登抹茶山。", "登抹茶山"),            // a phrase of words
        ("市區有一些清真寺。", "清真寺"),                // a quantity before a generic kind
        ("他們修建一座新的水電站。", "水電站"),          // a generic kind after 的
        ("碧峰湖號下水。", "碧峰湖"),                    // a ship: 號 follows
        ("他從小愛宮廟文化。", "愛宮廟"),                // 宮廟 is a word
        ("抗議民眾分幾路湧入市中心。", "分幾路"),        // a quantity
        ("他只好跑回靈祐宮。", "跑回靈祐宮"),            // a verb of motion
        ("政府決定擴建北角站。", "北角站"),              // no transit word in the sentence: a verb and its object as often
        ("他不相信站長會這樣做。", "相信站"),            // 站長, a station master
        ("公司推出捐血情報站功能，沿線加設。", "情報站"), // a generic kind of station
    ])
    func noPlaceAfterAWord(_ text: String, _ absent: String) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(!found.contains { $0.text == absent && $0.type == .place }, "\(text): \(found.map(\.text))")
    }

    @Test(arguments: [
        // (text, the facility or feature, or "" when none; what must not be a place)
        ("船隻駛入大阪灣。", "大阪灣", ""),
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
        // Natural features and lines after a listed place (ninth session).
        ("唐宋時期，成都平原的蜀錦聞名。", "成都平原", ""),
        ("天文台位於克里米亞山脈南部。", "克里米亞山脈", ""),
        ("俄國繼續控制長春以北的中東鐵路。", "中東鐵路", ""),
        ("他在北京鐵路樞紐工作。", "", "北京鐵路"),          // the head runs on into another word
        ("熊貓租借由中國動物園學會組織。", "", "中國動物園"),
        ("投資者入股中國鐵路。", "", "中國鐵路"),            // a country's railway company, no line
        ("小行星2409的軌道半長軸", "小行星2409", ""),        // a numbered minor planet
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

/// `rule:place-compass` and the 州 a listed place takes in (ninth session).
@Suite("Tag: compass regions and states")
struct TagCompassPlaceTests {
    @Test(arguments: [
        // (text, the place, or "" when none; what must not be a place)
        ("在1963年，北婆羅洲改稱沙巴。", "北婆羅洲", "婆羅洲"),
        ("廣義的「東印度」還包括中南半島。", "東印度", "印度"),
        ("軍艦在东中国海巡弋。", "东中国海", "东中国"),       // a sea named by the region
        ("台灣以北的海域", "", "北台灣"),                     // 以北 is one word: a direction
        ("革命黨人在廣安州舉行起義。", "廣安州", "廣安"),     // a listed place takes in 州
        ("它為墨西哥杜蘭戈州的首府。", "杜蘭戈州", ""),
        ("該會試圖影響美國州層級的領袖。", "", "美國州"),     // a country takes no 州
    ])
    func compass(_ text: String, _ place: String, _ absent: String) throws {
        let places = try TagPlaceTests.entities(text).filter { $0.type == .place }
        if !place.isEmpty { #expect(places.contains { $0.text == place }, "\(text): \(places.map(\.text))") }
        if !absent.isEmpty { #expect(!places.contains { $0.text == absent }, "\(text): \(places.map(\.text))") }
    }
}

/// `rule:place-defined`: a sentence that opens by defining its subject as a place.
@Suite("Tag: places defined by their sentence")
struct TagDefinedPlaceTests {
    @Test(arguments: [
        // (text, the place the rule finds)
        ("阿爾莫蘭是蘇丹東部的一個城市，人口約四十萬。", "阿爾莫蘭"),      // a transliteration, else a person
        ("梅爾科（Melko），是芬蘭的一個小鎮。", "梅爾科"),                // a bracketed original and a comma
        ("黑水溝，是該島的一條河流。", "黑水溝"),                          // a comma, a counted kind
        ("它很小。桃花坳是湘西的一個村落。", "桃花坳"),                    // after a sentence end
        ("青石岗是湖南的一个村庄。", "青石岗"),                          // Simplified
    ])
    func placeDefined(_ text: String, _ place: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-defined" && e.canonical == place)
    }

    @Test(arguments: [
        // (text, a text that must not be a place found by the rule)
        ("無論是大城市還是小城鎮，都一樣。", "無論"),      // an adverb
        ("蘋果是美國的一家公司。", "蘋果"),                // a company is no kind of place
        ("他的家鄉是湖南的一個小鎮。", "他的家鄉"),        // a pronoun and 的
        ("阿爾莫蘭是蘇丹東部的城市和港口以外的地方。", "阿爾莫蘭"), // the clause ends on no kind of place
        ("阿爾莫蘭是城市。", "阿爾莫蘭"),                  // no 的 and no count: too bare
        ("他說阿爾莫蘭是蘇丹的一個城市。", "他說阿爾莫蘭"), // not the sentence's subject
    ])
    func notDefined(_ text: String, _ notPlace: String) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(!found.contains { $0.text == notPlace && $0.source == "rule:place-defined" }, "\(notPlace) in \(text): \(found.map(\.text))")
    }
}

/// Place heads added in the seventh session: housing estates, plateaus, ranges, sandbars and tunnels.
@Suite("Tag: more place heads")
struct TagMorePlaceHeadTests {
    @Test(arguments: [
        ("巴士途經石蔭邨、大窩口。", "石蔭邨"),
        ("這裡位於雲貴高原。", "雲貴高原"),
        ("登山隊前往橫斷山脈。", "橫斷山脈"),
        ("漁民前往白沙沙洲。", "白沙沙洲"),
        ("車輛經過大老山隧道。", "大老山隧道"),
        ("新寧鐵路於1909年開始運營。", "新寧鐵路"),            // ninth session: 鐵路 (closed), 天文台
        ("天文學家在拉西拉天文台發現了此行星。", "拉西拉天文台"),
    ])
    func head(_ text: String, _ place: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place)
    }

    @Test(arguments: [
        ("哨所位於少數高原地區。", "少數高原"),   // a quantity word
        ("公司設於大埔工業邨。", "大埔工業邨"),   // 工業 is generic: only 大埔 is a name
        ("水庫在做排砂隧道設計。", "排砂隧道"),
        ("大同铁路法院遏制腐败。", "大同铁路"),           // a closed head runs on into another word
        ("德国是实施铁路网运分离的代表。", "实施铁路"),   // a verb and its object, even after 是
        ("木材經由阿里山林業鐵路運出。", "林業鐵路"),     // one ordinary word before a closed head
        ("歐洲南方天文台公布照片。", "南方天文台"),       // a compass position is no name
    ])
    func notHead(_ text: String, _ notPlace: String) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(!found.contains { $0.text == notPlace }, "\(notPlace) in \(text): \(found.map(\.text))")
    }
}

/// Simplified spellings that the fold cannot reach (沈 云 庄 are dictionary characters) are aliases.
@Suite("Tag: Simplified place spellings")
struct TagSimplifiedPlaceTests {
    @Test(arguments: [
        // (text, surface, canonical)
        ("记者在沈阳采访。", "沈阳", "瀋陽"),
        ("沈阳市的工厂", "沈阳市", "瀋陽市"),
        ("云南省获得专款。", "云南省", "雲南省"),
        ("他们前往云南。", "云南", "雲南省"),
        ("会议在石家庄举行。", "石家庄", "石家莊"),
        ("北京丰台区的居民", "丰台区", "豐臺區"),
        ("美军在冲绳演习。", "冲绳", "沖繩"),        // 冲 still folds to 沖: no alias may make it a dictionary character
    ])
    func simplified(_ text: String, _ surface: String, _ canonical: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == surface }, "\(surface) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.canonical == canonical)
    }
}

/// `rule:place-kind`: a transliterated name right after the word for its kind of place.
@Suite("Tag: places after their kind")
struct TagKindBeforePlaceTests {
    @Test(arguments: [
        // (text, the place the rule finds)
        ("記者抵達法國南部城市比亞里茲（Biarritz）。", "比亞里茲"),
        ("雙方在丹麥城市羅斯基勒簽訂和約。", "羅斯基勒"),        // the name model took it for a person
        ("他們來自蘇格蘭小鎮鄧巴。", "鄧巴"),
    ])
    func placeAfterKind(_ text: String, _ place: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-kind")
    }

    @Test(arguments: [
        // (text, a text that must not be found by the rule)
        ("這座城市規劃很好。", "規劃"),                  // ordinary words after the kind
        ("首都市長柯文哲說。", "市長"),
        ("他來到港口城市，遇見了瑪莉安。", "瑪莉安"),    // punctuation between: a person
    ])
    func notAfterKind(_ text: String, _ notPlace: String) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(!found.contains { $0.text == notPlace && $0.source == "rule:place-kind" }, "\(notPlace) in \(text): \(found.map(\.text))")
    }
}

/// Thirteenth session: list items that share a head (`rule:place-list`), transit lines
/// (`rule:place-line`) and facilities named after a place (`rule:place-named-facility`).
@Suite("Tag: list items, transit lines and named facilities")
struct TagPlaceListLineFacilityTests {
    @Test(arguments: [
        // (text, the place, the rule)
        ("鎮內有大灣村、稱山村、石上村和新港村。", "稱山村", "rule:place-list"),       // a verb (稱) and 山村 (a word)
        ("鎮內有大灣村、稱山村、石上村和新港村。", "石上村", "rule:place-list"),       // a position inside the name
        ("鎮內有大灣村、稱山村、石上村和新港村。", "新港村", "rule:place-list"),       // after 和, a listed place inside
        ("鎮上有關帝廟、媽祖廟、陳家廟。", "陳家廟", "rule:place-list"),               // the last item: its sibling before it
        ("三江鎮下轄三江社區、茄南村、道學村和江源村。", "茄南村", "rule:place-list"), // the head rule's finds in a list are the list rule's
        ("壁畫繪於三清殿、純陽殿和重陽殿。", "純陽殿", "rule:place-list"),
        ("乘客可在金鐘站轉乘港島綫和荃灣綫。", "港島綫", "rule:place-line"),           // a place before 綫
        ("列車由東鐵綫駛入紅磡站。", "東鐵綫", "rule:place-line"),                     // a free name where trains are spoken of
        ("遊客可乘搭巴黎地鐵3號線前往。", "巴黎地鐵3號線", "rule:place-line"),         // a place, a mode and a number
        ("市民可乘坐广州地铁五号线。", "广州地铁五号线", "rule:place-line"),           // Chinese numerals before 號
        ("沙崙線列車停靠該站。", "沙崙線", "rule:place-line"),                         // a name before 列車
        ("旅客在香港新國際機場候機。", "香港新國際機場", "rule:place-named-facility"),     // generic words between
        ("展覽在中國國家博物館開幕。", "中國國家博物館", "rule:place-named-facility"),
        ("音乐会在日内瓦国际展览中心举行。", "日内瓦国际展览中心", "rule:place-named-facility"),
    ])
    func found(_ text: String, _ place: String, _ rule: String) throws {
        let found = try TagPlaceTests.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == rule, "\(place): \(e.type) \(e.source)")
    }

    @Test(arguments: [
        // (text, a text that must not be a place)
        ("各鄉、其他村和本村都參加。", "其他村"),        // a determiner: no name
        ("三條河、兩條河都乾了。", "兩條河"),            // a count and a classifier
        ("士兵在前綫作戰。", "前綫"),                    // a common word of lines
        ("他收看無綫的節目。", "無綫"),
        ("長三角新一線城市房價下跌。", "新一線"),        // a tier, no line: no number before 號
        ("595線巴士往來碼頭。", "595線"),                // a bare number: no mode of transit
        ("航班降落在重慶江北國際機場。", "重慶江北國際機場"), // a name of its own between: left to the head rule
        ("美國線上公司宣布裁員。", "美國線上"),          // no number, no 綫, no train word
        ("日本各機場都關閉了。", "日本各機場"),          // a determiner between the place and the head
        ("美國的博物館很多。", "美國的博物館"),
        ("中國動物園協會開會。", "中國動物園"),          // a body's field: 協會 follows
    ])
    func notFound(_ text: String, _ absent: String) throws {
        let found = try TagPlaceTests.entities(text)
        #expect(!found.contains { $0.text == absent && $0.type == .place }, "\(absent) in \(text): \(found.map(\.text))")
    }
}
