import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Tag: dictionary files")
struct TagDictionaryTests {
    static let head = "# kind: agency\n# source: test\nid\tcanonical\taliases\tparent\n"

    @Test(arguments: [
        ("too many columns", head + "a\t行政院\t政院\t\textra\n", "x.tsv:4: 5 columns, header has 4"),
        ("empty id", head + "\t行政院\n", "x.tsv:4: empty id"),
        ("bad id", head + "行政\t行政院\n", "x.tsv:4: bad id '行政' (ASCII letters, digits and . _ - only)"),
        ("empty canonical", head + "a\t\t政院\n", "x.tsv:4: empty canonical for id a"),
        ("duplicate id", head + "a\t行政院\na\t立法院\n", "x.tsv:5: duplicate id a (also line 4)"),
        ("duplicate id, third time", head + "a\t行政院\na\t立法院\na\t監察院\n", "x.tsv:6: duplicate id a (also line 4)"),
        ("no kind", "# source: s\nid\tcanonical\na\tb\n", "x.tsv:2: missing '# kind:' header comment before the column header"),
        ("no source", "# kind: place\nid\tcanonical\na\tb\n", "x.tsv:2: missing '# source:' header comment before the column header"),
        ("no canonical column", "# kind: place\n# source: s\nid\tname\n", "x.tsv:3: header lacks required column 'canonical'"),
        ("empty ~", head + "a\t行政院\t~\n", "x.tsv:4: empty contextual alias '~'"),
    ])
    func parseProblems(_ name: String, _ text: String, _ expected: String) {
        let f = DictionaryFile.parse(text, name: "x.tsv")
        #expect(f.problems.map(\.description).contains(expected), "\(name): \(f.problems)")
    }

    @Test("columns by name, aliases split into plain and contextual, comments and blank lines skipped")
    func parsesRows() {
        let f = DictionaryFile.parse("# kind: agency\n# source: s\n\nparent\tcanonical\tid\taliases\n# c\ntw.tyc\t桃園市政府資訊科技局\ttw.tyc.dit\t資訊科技局|~資科局\n", name: "x.tsv")
        #expect(f.problems.isEmpty)
        let e = try! #require(f.entries.first)
        #expect(e.id == "tw.tyc.dit" && e.parent == "tw.tyc" && e.line == 6)
        #expect(e.aliases == ["資訊科技局"] && e.contextualAliases == ["資科局"])
        #expect(e.location == "x.tsv:6")
    }

    /// `fields[name]`: the cell of the last column of that name, nil when empty or dropped at the end of the row.
    @Test(arguments: [
        ("a column of its own", "rule", "team" as String?),
        ("a column written twice: the last one", "note", "second"),
        ("an empty cell", "class", nil),
        ("a trailing cell the row left out", "level", nil),
        ("a column the file lacks", "parent", nil),
        ("the main column", "canonical", "足協"),
    ])
    func fieldsByName(_ name: String, _ column: String, _ expected: String?) throws {
        let f = DictionaryFile.parse("# kind: org-head\n# source: s\nid\tcanonical\tRule\tnote\tclass\tnote\tlevel\nh1\t足協\tteam\tfirst\t\tsecond\n", name: "x.tsv")
        let e = try #require(f.entries.first)
        #expect(e.fields[column] == expected, "\(name)")
    }

    @Test("a later file overrides an entry with the same id")
    func override() {
        let a = DictionaryFile.parse(Self.head + "a\t行政院\t政院\nb\t立法院\n", name: "a.tsv")
        let b = DictionaryFile.parse(Self.head + "a\t行政院\t院會\n", name: "user.tsv")
        let set = DictionarySet(files: [a, b])
        #expect(set.entries.map(\.id) == ["a", "b"])
        #expect(set.entries[0].aliases == ["院會"] && set.entries[0].file == "user.tsv")
        // A third file overrides it again, in the same place; a new id still goes last.
        let c = DictionaryFile.parse(Self.head + "c\t監察院\na\t行政院\t閣揆\n", name: "user2.tsv")
        let three = DictionarySet(files: [a, b, c])
        #expect(three.entries.map(\.id) == ["a", "b", "c"])
        #expect(three.entries[0].aliases == ["閣揆"] && three.entries[0].file == "user2.tsv")
    }

    @Test("user files are loaded after the defaults and can add entries")
    func userFile() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-user-\(UUID().uuidString).tsv")
        try "# kind: agency\n# source: test\nid\tcanonical\taliases\nuser.x\t數位發展部\t數發部\ntw.ey\t行政院\t院本部\n".write(to: tmp, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let lex = try Lexicon(directory: TagFixtures.dictionaries, extra: [tmp.path])
        let ents = try TagFixtures.tag("數發部與院本部", tagger: EntityTagger(lexicon: lex))
        #expect(ents.map(\.canonical) == ["數位發展部", "行政院"])
        #expect(ents[0].source == "\(tmp.path):4")
    }
}

@Suite("Tag: dict check")
struct TagDictionaryCheckTests {
    static func problems(_ files: [(String, String)]) throws -> [String] {
        try DictionaryChecker.check(defaults: files.map { DictionaryFile.parse($0.1, name: $0.0) }).map(\.description)
    }

    static let ag = "# kind: agency\n# source: t\nid\tcanonical\taliases\tparent\tsuccessor\n"
    static let pl = "# kind: place\n# source: t\nid\tcanonical\taliases\n"
    static let mc = "# kind: money-cue\n# source: t\nid\tcue\taliases\trole\tstrength\tholder\n"

    @Test(arguments: [
        ("conflicting plain alias across files",
         [("a.tsv", ag + "x\t臺北市政府\t市府\n"), ("b.tsv", ag + "y\t桃園市政府\t市府\n")],
         "b.tsv:4: duplicate alias '市府' with conflicting canonicals: 桃園市政府 here, 臺北市政府 at a.tsv:4 ('市府'); write it ~市府 on both"),
        ("duplicate id across files",
         [("a.tsv", ag + "x\t臺北市政府\n"), ("b.tsv", ag + "x\t桃園市政府\n")], "b.tsv:4: duplicate id x (also a.tsv:4)"),
        ("unknown parent", [("a.tsv", ag + "x\t臺北市政府\t\tnope\n")], "a.tsv:4: parent 'nope' of x is not a known id"),
        ("unknown successor", [("a.tsv", ag + "x\t科技部\t\t\tnstc\n")], "a.tsv:4: successor 'nstc' of x is not a known id"),
        ("alias equal after folding", [("a.tsv", ag + "x\t臺北市政府\t台北市政府\n")],
         "a.tsv:4: alias '台北市政府' is the same as '臺北市政府' after folding (台/臺, width, Simplified): it adds nothing"),
        ("shadowed by a higher-priority kind", [("a.tsv", ag + "x\t立法院\t國會\n"), ("p.tsv", pl + "y\t國會山莊\t國會\n")],
         "p.tsv:4: '國會' can never match as place y: it is also agency x (a.tsv:4), which wins"),
        ("unknown kind", [("k.tsv", "# kind: planet\n# source: t\nid\tcanonical\nx\t火星\n")],
         "k.tsv:1: unknown kind 'planet' (known: agency, organization, person, place, context-frame, cue, encyclopedic-context, generic-body, money-cue, name-blocker, name-char, name-context, name-japanese, name-known, name-latin-given, name-simplified, name-surname, name-translit, not-name, org-head, person-cue, place-head, state-word, surname, village)"),
        ("bad surname", [("s.tsv", "# kind: surname\n# source: t\nid\tsurname\nx\t司馬相\n")], "s.tsv:4: surname '司馬相' is not 1–2 Han characters"),
        ("money cue with an unknown role", [("m.tsv", mc + "x\t預算\t\tspending\tstrong\n")],
         "m.tsv:4: money cue '預算' has role 'spending': not one of budget, subsidy, fine, compensation, price, revenue, profit, loss, investment, market_value, donation, salary, cost, assets, debt, other, speaker"),
        ("money cue with a bad strength", [("m.tsv", mc + "x\t預算\t\tbudget\tmaybe\n")], "m.tsv:4: money cue '預算' has strength 'maybe': write strong or weak"),
        ("money cue with a bad holder", [("m.tsv", mc + "x\t稅收\t\trevenue\tstrong\tstate\n")], "m.tsv:4: money cue '稅收' has holder 'state': leave it empty or write none"),
        ("money cue listed twice", [("m.tsv", mc + "x\t預算\t预算\tbudget\tstrong\ny\t预算\t\tbudget\tstrong\n")],
         "m.tsv:5: money cue '预算' is listed twice (also m.tsv:4)"),
    ])
    func finds(_ name: String, _ files: [(String, String)], _ expected: String) throws {
        let ps = try Self.problems(files)
        #expect(ps.contains(expected), "\(name): \(ps)")
    }

    @Test("contextual aliases shared by several entries, and a clean file, are not problems")
    func clean() throws {
        #expect(try Self.problems([("a.tsv", Self.ag + "x\t臺北市政府\t北市府|~市府\ny\t桃園市政府\t桃市府|~市府\n")]).isEmpty)
    }

    @Test("the fixture dictionaries are clean")
    func fixtures() throws {
        let files = try DictionaryFolder.tsvFiles(in: TagFixtures.dictionaries).map { try DictionaryFile.load(path: $0, name: $0) }
        #expect(try DictionaryChecker.check(defaults: files).isEmpty)
    }
}
