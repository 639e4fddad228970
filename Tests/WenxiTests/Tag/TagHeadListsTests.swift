import Testing
@testable import WenxiCore
@testable import Wenxi

/// The word lists of `rule:place-head` (`place-heads.tsv`, `PlaceHeads`) and of encyclopedic
/// context (`encyclopedic-context.tsv`, `EncyclopedicContext`): the tables built from small
/// hand-made rows, the checker's rules, and the shipped files as the rules read them.
@Suite("Tag: head-word and context lists")
struct TagHeadListsTests {
    static let shipped = try! Lexicon(directory: TagFixtures.packageDictionaries)
    static let placeHeader = "# kind: place-head\n# source: t\nid\tword\tclass\tnote\n"
    static let contextHeader = "# kind: encyclopedic-context\n# source: t\nid\tword\tclass\tnote\n"

    static func places(_ rows: String) -> PlaceHeads {
        let entries = DictionaryFile.parse(placeHeader + rows, name: "t.tsv").entries
        return PlaceHeads(entries: entries, kinds: entries.map(\.kind))
    }

    static func context(_ rows: String) -> EncyclopedicContext {
        let entries = DictionaryFile.parse(contextHeader + rows, name: "t.tsv").entries
        return EncyclopedicContext(entries: entries, kinds: entries.map(\.kind))
    }

    static func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    @Test("heads are tried longest first, in file order within a length")
    func headOrder() {
        let t = Self.places("a\t站\thead\nb\t車站\thead\nc\t街\thead\nd\t街道\thead\ne\t體育場\thead\n")
        #expect(t.heads == ["體育場", "車站", "街道", "站", "街"].map(Self.scalars))
        #expect(t.headStarts.contains(0x7AD9) && t.headStarts.contains(0x8ECA) && !t.headStarts.contains(0x9053))
    }

    /// The set a character class fills.
    static func charSet(_ t: PlaceHeads, _ cls: String) -> ScalarSet {
        switch cls {
        case "stop": t.stop
        case "given-head": t.givenHeads
        case "stand-after": t.standAfter
        case "strait-after": t.straitAfter
        default: t.firstOnly
        }
    }

    /// The set a word class fills.
    static func wordSet(_ t: PlaceHeads, _ cls: String) -> Set<String> {
        switch cls {
        case "generic": t.generic.strings
        case "head-word": t.headWords.strings
        default: t.leftWords.strings
        }
    }

    // Each class fills its own set; a row left out leaves its word out (and only its class's set).
    @Test(arguments: [("stop", "的"), ("given-head", "山"), ("stand-after", "在"), ("strait-after", "兩"), ("first-only", "上")])
    func characterClass(_ cls: String, _ char: String) {
        let c = Self.scalars(char)[0]
        #expect(Self.charSet(Self.places("x\t\(char)\t\(cls)\n"), cls).contains(c), "\(cls)")
        #expect(!Self.charSet(Self.places("x\t\(char)\thead\n"), cls).contains(c), "\(cls)")
        #expect(!Self.charSet(Self.places(""), cls).contains(c), "\(cls)")
    }

    @Test(arguments: [("generic", "森林"), ("head-word", "網路"), ("left-word", "位於")])
    func wordClass(_ cls: String, _ word: String) {
        #expect(Self.wordSet(Self.places("x\t\(word)\t\(cls)\n"), cls) == [word], "\(cls)")
        #expect(Self.wordSet(Self.places("x\t\(word)\tstop\n"), cls).isEmpty, "\(cls)")
    }

    // The cue on a small table: with the row, the context is there; without it, not.
    @Test(arguments: [
        ("word before", "b\t之子\tbefore\n", "之子韓信", 2, 4),
        ("word after", "a\t生於\tafter\n", "杜甫生於鞏縣", 0, 2),
        ("three characters after", "a\t畢業於\tafter\n", "林某畢業於台大", 0, 2),
    ])
    func contextRow(_ label: String, _ row: String, _ text: String, _ start: Int, _ end: Int) {
        let f = Self.scalars(text)
        #expect(Self.context(row).cue(f, start, end), "\(label)")
        #expect(!Self.context("").cue(f, start, end), "\(label)")
        // The same word in the other class does not count on this side.
        let other = row.contains("\tbefore") ? row.replacingOccurrences(of: "\tbefore", with: "\tafter")
            : row.replacingOccurrences(of: "\tafter", with: "\tbefore")
        #expect(!Self.context(other).cue(f, start, end), "\(label)")
    }

    // `wenxi dict check`: a known class, Han characters of the right number, no word twice.
    @Test(arguments: [
        ("place: unknown class", "place", "x\t鎮\ttown\n",
         "t.tsv:4: place-head x has class 'town' (known: closed-head, first-only, generic, given-head, head, head-word, left-word, stand-after, stop, strait-after)"),
        ("place: two characters in a character class", "place", "x\t的了\tstop\n", "t.tsv:4: place-head '的了' (class stop) is not 1 Han character"),
        ("place: a head of four", "place", "x\t紀念公園\thead\n", "t.tsv:4: place-head '紀念公園' (class head) is not 1–3 Han characters"),
        ("place: Latin letters", "place", "x\tRd\thead\n", "t.tsv:4: place-head 'Rd' (class head) is not 1–3 Han characters"),
        ("place: listed twice", "place", "x\t鎮\thead\ny\t鎮\thead\n", "t.tsv:5: place-head '鎮' is listed twice in class head (also t.tsv:4)"),
        ("context: unknown class", "context", "x\t之子\tnear\n", "t.tsv:4: encyclopedic-context x has class 'near' (known: after, before)"),
        ("context: one character", "context", "x\t子\tbefore\n", "t.tsv:4: encyclopedic-context '子' (class before) is not 2–4 Han characters"),
        ("context: listed twice", "context", "x\t生於\tafter\ny\t生於\tafter\n", "t.tsv:5: encyclopedic-context '生於' is listed twice in class after (also t.tsv:4)"),
    ])
    func problems(_ label: String, _ which: String, _ rows: String, _ expected: String) {
        let text = (which == "place" ? Self.placeHeader : Self.contextHeader) + rows
        let entries = DictionaryFile.parse(text, name: "t.tsv").entries
        let found = which == "place" ? PlaceHeads.problems(entries) : EncyclopedicContext.problems(entries)
        #expect(found.map(\.description) == [expected], "\(label)")
    }

    @Test("good rows have no problem; a word may stand in two classes")
    func cleanRows() {
        let p = DictionaryFile.parse(Self.placeHeader + "a\t山\thead\nb\t山\tgiven-head\nc\t山\tgeneric\n", name: "t.tsv").entries
        #expect(PlaceHeads.problems(p).isEmpty)
        let c = DictionaryFile.parse(Self.contextHeader + "a\t之子\tbefore\nb\t之子\tafter\n", name: "t.tsv").entries
        #expect(EncyclopedicContext.problems(c).isEmpty)
    }

    // The shipped files hold what the rules' inline lists held before they moved there.
    @Test("shipped place-heads.tsv")
    func shippedPlaces() {
        let t = Self.shipped.placeHeads
        // 38 heads moved from the code, then palaces, halls, gardens and castles (宮 宫 殿 花園 花园 堡), then
        // housing estates, plateaus, ranges, sandbars and tunnels (邨 高原 山脈 山脉 沙洲 隧道), then lines, shrines
        // and palaces (綫 神社 皇宮), then railways and observatories (鐵路 铁路 天文台 天文臺; 鐵路 also a closed head), and an old mountain trail (古道).
        #expect(t.heads.count == 58 && t.heads.first == Self.scalars("體育場") && t.heads.last == Self.scalars("綫"))
        #expect(t.heads.contains(Self.scalars("花園")) && t.heads.contains(Self.scalars("宮")))
        #expect(t.heads.firstIndex(of: Self.scalars("街道"))! < t.heads.firstIndex(of: Self.scalars("街"))!)
        // 121 head words moved from the code, then 67 rows for verb phrases and parts of a station (掃街, 班路, 後站),
        // then 6 words a castle's or garden's head ends (漢堡, 灘頭堡, 桃花園); 2 generic kitchen gardens (廚房花園);
        // 36 left words (沿著, 臨近, 匯入, 又稱 …); 5 generic names (工業 工业 排砂 少數 少数); then 182 generic kinds
        // (清真 水電 採檢 …) and 6 head words (豪門 宮廟 任鄉 …) for the start after an ordinary word; then 7 generic
        // names (齒軌 齿轨, compass positions 南方 北方 東方 西方 东方); then 23 generic kinds of station
        // (公車 補給 中繼 情報 充電 線上 …) for the station start (twelfth session); then 2 head words 重鎮 神山
        // (fifteenth session).
        #expect(t.closedHeads.count == 2 && t.generic.count == 388 && t.headWords.count == 202 && t.leftWords.count == 81)
        #expect(t.headWords.contains("重鎮") && t.headWords.contains("神山"))
        #expect(t.generic.contains("清真") && t.headWords.contains("宮廟") && t.stop.contains(0x4E9B)) // 些
        #expect(t.leftWords.contains("沿著") && t.leftWords.contains("又称") && t.headWords.contains("漢堡") && t.stop.contains(0x5340)) // 區
        #expect(t.headWords.contains("掃街") && t.headWords.contains("扫街") && t.headWords.contains("班路"))
        #expect(t.givenHeads.contains(0x5C71) && !t.givenHeads.contains(0x93AE)) // 山 yes, 鎮 no
        #expect(t.stop.contains(0x7684) && t.firstOnly.contains(0x4E0A) && t.standAfter.contains(0x5728) && t.straitAfter.contains(0x5169))
        #expect(t.generic.contains("高爾夫球") && t.headWords.contains("网路") && t.leftWords.contains("位于"))
    }

    @Test("shipped encyclopedic-context.tsv")
    func shippedContext() {
        let t = Self.shipped.encyclopedic
        #expect(t.before.count == 122 && t.after.count == 45)
        #expect(t.before.contains(Self.scalars("物理學家")) && t.after.contains(Self.scalars("畢業於")))
    }
}
