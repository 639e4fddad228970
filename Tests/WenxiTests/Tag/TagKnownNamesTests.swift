import Testing
@testable import WenxiCore
@testable import Wenxi

/// Names of well-known people (`name-known.tsv`, `rule:name-known`): evidence that a string is a
/// name, with the package's own dictionaries, and the lookup and checker on small hand-made rows.
@Suite("Tag: known names")
struct TagKnownNamesTests {
    static let lexicon = try! Lexicon(directory: TagFixtures.packageDictionaries)
    static let tagger = EntityTagger(lexicon: lexicon)

    static func people(_ text: String) throws -> [Entity] {
        let buffer = TextBuffer(text)
        let tokens = try Segmenter().tokenSpans(buffer)
        return tagger.tag(TaggingContext(text: buffer, sentences: [Span(start: 0, end: buffer.count)], tokens: tokens,
                                         meta: Meta())).filter { $0.type == .person }
    }

    // Historical and fictional names no cue or character statistics find: a person with the
    // rule's source, no id, and the folded Traditional form as canonical.
    @Test(arguments: [
        ("strategist without a cue", "諸葛亮發明八陣圖以利立營練兵。", "諸葛亮", "諸葛亮"),
        ("written in Simplified", "诸葛亮发明了八阵图。", "诸葛亮", "諸葛亮"),
        ("emperor", "秦始皇統一六國。", "秦始皇", "秦始皇"),
        ("emperor with 帝", "這段歷史也被乾隆帝寫入書中。", "乾隆帝", "乾隆帝"),
        ("fictional", "孫悟空看管的桃園。", "孫悟空", "孫悟空"),
    ])
    func knownNameIsPerson(_ label: String, _ text: String, _ name: String, _ canonical: String) throws {
        let all = try Self.people(text)
        let found = all.filter { $0.text == name }
        #expect(found.count == 1, "\(label): \(all.map(\.text))")
        #expect(found.first?.source == "rule:name-known", "\(label)")
        #expect(found.first?.canonical == canonical, "\(label)")
        #expect(found.first?.id == nil, "\(label)")
    }

    // A surname with a term of address is no known name, even where jieba lists it as one.
    @Test(arguments: ["李夫人表示，", "馬先生說，", "陳老師指出，"])
    func termsOfAddressAreNotKnown(_ text: String) throws {
        let all = try Self.people(text)
        #expect(!all.contains { $0.source == "rule:name-known" }, "\(text)")
    }

    static let rows = """
    # wenxi-dictionary: 1
    # kind: name-known
    # source: test
    id\tfirst\tnames
    t.1\t諸\t諸葛亮|諸葛孔明
    t.2\t秦\t秦始皇
    """

    static func known(_ text: String) -> KnownNames {
        let f = DictionaryFile.parse(text, name: "t.tsv")
        return KnownNames(entries: f.entries, kinds: f.entries.map(\.kind), fold: lexicon.fold, model: lexicon.names)
    }

    // The lookup: the longest listed name at a position, ending where the caller allows (word
    // edges), on free characters only, Simplified folded to the list's Traditional.
    @Test(arguments: [
        ("listed", "諸葛亮說", 0, [] as [Int], 3 as Int?),
        ("longest of two", "諸葛孔明說", 0, [], 4),
        ("Simplified", "诸葛亮说", 0, [], 3),
        ("not at its start", "秦始皇", 1, [], nil),
        ("end inside a word", "秦始皇帝", 0, [3], nil),
        ("a character already taken", "諸葛亮", 0, [2], nil),
        ("unlisted", "諸葛瑾說", 0, [], nil),
        // The pair filter's edges: Simplified first pair, a start with one character left, a
        // second character outside the BMP.
        ("Simplified pair, Traditional rest", "诸葛亮說", 0, [], 3),
        ("one character left", "說諸", 1, [], nil),
        ("second character outside the BMP", "諸𠀋亮", 0, [], nil),
    ])
    func longest(_ label: String, _ text: String, _ at: Int, _ blocked: [Int], _ end: Int?) {
        let k = Self.known(Self.rows)
        let f = Self.lexicon.fold.fold(Array(text.unicodeScalars))
        var owner = [Int32](repeating: -1, count: f.count)
        // "end inside a word" blocks the end position; the others block a character.
        let endsBlocked = label == "end inside a word" ? Set(blocked) : []
        if endsBlocked.isEmpty { for b in blocked { owner[b] = 0 } }
        let got = k.longest(f, owner, at: at, model: Self.lexicon.names, ends: { !endsBlocked.contains($0) })
        #expect(got == end, "\(label)")
    }

    @Test func listLoads() {
        let k = Self.lexicon.knownNames
        #expect(k.count > 3000)
        #expect(Self.known(Self.rows).count == 3)
        #expect(Self.known("# kind: name-known\n# source: t\nid\tfirst\tnames\n").isEmpty)
    }

    @Test func checkerRejectsBadRows() {
        let text = """
        # kind: name-known
        # source: test
        id\tfirst\tnames
        t.a\t諸葛\t諸葛亮
        t.b\t秦\t秦始皇|漢武帝
        t.c\t秦\t秦|秦檜
        t.d\t秦\t秦始皇||秦二世
        """
        let problems = KnownNames.problems(DictionaryFile.parse(text, name: "t.tsv").entries)
        #expect(problems.map(\.line) == [4, 5, 6, 7])
    }
}
