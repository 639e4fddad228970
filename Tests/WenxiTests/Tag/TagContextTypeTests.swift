import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// `rule:place-context` (`ContextTypeRule`): a name's type from the words around it, with the
/// package's own dictionaries.
@Suite("Tag: types from context")
struct TagContextTypeTests {
    static func entities(_ text: String) throws -> [Entity] {
        try TagJurisdictionTests.tag(text).filter { [.place, .agency, .organization, .person].contains($0.type) }
    }

    @Test(arguments: [
        // (text, the place found after a verb of place; before, no entity or a person)
        ("丁啟睿與楊文岳逃奔汝寧，明軍一路死傷。", "汝寧"),      // ICU cuts 汝|寧: no word
        ("這支部隊在12月攻克沙瓦納，後又控制內陸。", "沙瓦納"),  // a transliteration run
        ("維德隨即準備進攻霍斯。", "霍斯"),
        ("其後，七里氏則能成功逃至加賀。", "加賀"),             // an ICU word after a verb of flight
        ("中華民國指導小組也移往漢城，並向中立國抗議。", "漢城"),
        ("軍隊佔領了格魯瓊茲。", "格魯瓊茲"),                  // the name model's person, retyped
        ("明軍將領李文忠攻克應昌，元昭宗北逃。", "應昌"),
        ("車站出入口位於紅磡以西。", "紅磡"),                  // unknown to ICU, before a part of an area
        ("該路臨近大華寺和陳家渡兩段店鋪較多。", "陳家渡"),    // a place-final character (place-final), a place on one side only
        ("長遠而言，元朗及黃家井也有可能發展。", "黃家井"),
    ])
    func foundAfterVerb(_ text: String, _ place: String) throws {
        let found = try Self.entities(text)
        let e = try #require(found.first { $0.text == place }, "\(place) in \(text): \(found.map(\.text))")
        #expect(e.type == .place && e.source == "rule:place-context")
    }

    @Test(arguments: [
        // (text, what must not be a place of the rule)
        ("我們沿著山路來到王永祥跟前。", "王永祥"),          // a person's side, not a place
        ("她主動來到金家，嫁給了老三。", "金家"),            // 來到 takes families and people
        ("企業的目標就是占領市場。", "市場"),                // a generic word
        ("公元前223年，秦國攻陷楚國。", "楚國"),            // an ancient state, unmarked in UNER train
        ("更攻打屠岸賈，滅其一族。", "屠岸賈"),              // 攻打 takes people too
        ("美國位於海灘附近的旅館住房率下滑。", "海灘"),      // an ICU word before a part of an area
        ("奧得河幾乎流經整個地區。", "整個"),
        ("讓太空人攻佔滿壘，有機會得分。", "滿壘"),          // an ICU word after a verb of conquest
        ("三喜食堂位於民宅，提供台菜。", "民宅"),
    ])
    func notFound(_ text: String, _ absent: String) throws {
        let found = try Self.entities(text)
        #expect(!found.contains { $0.text == absent && $0.source == "rule:place-context" }, "\(text): \(found.map { "\($0.text) \($0.source)" })")
    }

    // `context-frames.tsv` (`ContextFrames`): the word lists the rule reads; `wenxi dict check`
    // asks for a known class, 2–3 Han characters (two for generic-place), no word twice in a class.
    static let framesHeader = "# kind: context-frame\n# source: t\nid\tword\tclass\tnote\n"

    @Test(arguments: [
        ("unknown class", "x\t逃至\tverb\n",
         "t.tsv:4: context-frame x has class 'verb' (known: area-after, generic-place, object-verb, place-final, place-verb, word-verb)"),
        ("one character", "x\t至\tplace-verb\n", "t.tsv:4: context-frame '至' (class place-verb) is not 2–3 Han characters"),
        ("generic place of three", "x\t大城市\tgeneric-place\n", "t.tsv:4: context-frame '大城市' (class generic-place) is not 2 Han characters"),
        ("listed twice", "x\t一帶\tarea-after\ny\t一帶\tarea-after\n", "t.tsv:5: context-frame '一帶' is listed twice in class area-after (also t.tsv:4)"),
    ])
    func frameProblems(_ label: String, _ rows: String, _ expected: String) {
        let entries = DictionaryFile.parse(Self.framesHeader + rows, name: "t.tsv").entries
        #expect(ContextFrames.problems(entries).map(\.description) == [expected], "\(label)")
    }

    @Test("the frames a table gives are the ones the rule reads")
    func framesFromTable() {
        let rows = "a\t逃至\tplace-verb\nb\t逃至\tobject-verb\nc\t當地\tgeneric-place\nd\t一帶\tarea-after\n"
        let entries = DictionaryFile.parse(Self.framesHeader + rows, name: "t.tsv").entries
        #expect(ContextFrames.problems(entries).isEmpty)
        let frames = ContextFrames(entries: entries, kinds: entries.map(\.kind))
        let f = Array("他逃至當地一帶。".unicodeScalars.map(\.value))
        #expect(ContextTypeRule.verbBefore(frames, f, 3, frames.verbsByLast))
        #expect(ContextTypeRule.verbBefore(frames, f, 3, frames.objectVerbsByLast))
        #expect(!ContextTypeRule.verbBefore(frames, f, 3, frames.wordVerbsByLast))
        #expect(frames.genericPlaces.contains(f, 3, 5))
        #expect(ContextTypeRule.areaAt(frames, f, 5) && !ContextTypeRule.areaAt(frames, f, 3))
    }
}
