import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// The checks of `wenxi dict check` on a file's bytes and across entries (DictionaryTextCheck):
/// each row is a small generated file that breaks exactly one rule of Dictionaries/README.md.
@Suite("Tag: dict check, bytes and cross-entry rules")
struct TagDictionaryRulesTests {
    static let ag = "# kind: agency\n# source: t\nid\tcanonical\taliases\tparent\tlevel\n"
    static let pl = "# kind: place\n# source: t\nid\tcanonical\tclass\tparent\tsubdivisions\n"
    static let sn = "# kind: surname\n# source: t\nid\tsurname\n"
    static let cue = "# kind: person-cue\n# source: t\nid\tcue\tposition\n"

    static func problems(_ bytes: [UInt8], name: String = "a.tsv") throws -> [String] {
        try DictionaryChecker.check(defaults: [DictionaryChecker.file(bytes: bytes, name: name)]).map(\.description)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let expected: String
        init(_ name: String, _ text: String, _ expected: String) { self.init(name, Array(text.utf8), expected) }
        init(_ name: String, _ bytes: [UInt8], _ expected: String) { self.name = name; self.bytes = bytes; self.expected = expected }
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case("not UTF-8", Array((ag + "x\t臺北市政府\n").utf8) + [0x79, 0x09, 0xE8, 0x0A],
             "a.tsv:5: not valid UTF-8 at byte \((ag + "x\t臺北市政府\n").utf8.count + 2): save the file as UTF-8"),
        Case("byte-order mark", [0xEF, 0xBB, 0xBF] + Array((ag + "x\t臺北市政府\n").utf8),
             "a.tsv:1: starts with a byte-order mark: save as UTF-8 without BOM"),
        Case("CR line ends", (ag + "x\t臺北市政府\n").replacingOccurrences(of: "\n", with: "\r\n"),
             "a.tsv:1: CR line end (4 lines end in CR LF): save with LF line ends"),
        Case("trailing space after a comment", ag.replacingOccurrences(of: "source: t", with: "source: t ") + "x\t臺北市政府\n",
             "a.tsv:2: trailing space at the end of the comment"),
        Case("line of only spaces", ag + "x\t臺北市政府\n   \n", "a.tsv:5: line of only spaces or tabs (an empty line must be empty)"),
        Case("space at the end of a row", ag + "x\t臺北市政府 \n",
             "a.tsv:4: space around the 'canonical' field (fields are separated by tabs only)"),
        Case("ideographic space before a field", ag + "x\t\u{3000}臺北市政府\n",
             "a.tsv:4: space around the 'canonical' field (fields are separated by tabs only)"),
        Case("space around a column name", ag.replacingOccurrences(of: "\tparent", with: " \tparent") + "x\t臺北市政府\n",
             "a.tsv:3: space around column name 'aliases'"),
        Case("agency level outside the documented set", ag + "x\t行政院\t\t\tnational\n",
             "a.tsv:4: level 'national' of x is not one of central, provincial, municipal, city, county, district, township, foreign, international"),
        Case("empty alias", ag + "x\t臺北市政府\t北市府||北府\n", "a.tsv:4: empty alias (a stray '|' in '北市府||北府')"),
        Case("space around an alias", ag + "x\t臺北市政府\t北市府| 北府\n", "a.tsv:4: space around alias ' 北府'"),
        Case("space after the ~ of an alias", ag + "x\t臺北市政府\t北市府|~ 市府\n", "a.tsv:4: space around alias '~ 市府'"),
        Case("parent cycle", ag + "x\t甲局\t\ty\ny\t乙局\t\tx\n", "a.tsv:4: parent cycle: x → y → x"),
        Case("own parent", ag + "x\t甲局\t\tx\n", "a.tsv:4: parent cycle: x → x"),
        Case("subdivisions do not add up", pl + "c\t甲市\tcity\t\t2\nd1\t甲區\tdistrict\tc\nd2\t乙山\tmountain\tc\n",
             "a.tsv:4: c has 1 subdivisions (entries with parent c and class district, township, town, county-city); its 'subdivisions' column says 2"),
        Case("subdivisions not a number", pl + "c\t甲市\tcity\t\tmany\n", "a.tsv:4: subdivisions 'many' of c is not a whole number"),
        Case("surname listed twice after folding", sn + "s1\t臺\ns2\t台\n", "a.tsv:5: surname '台' is listed twice (also a.tsv:4)"),
        Case("cue listed twice", cue + "c1\t部長\tafter\nc2\t部長\tbefore\n", "a.tsv:5: cue '部長' is listed twice (also a.tsv:4)"),
        Case("credit pattern without a name slot", cue + "c1\t（編輯：）\tcredit\n",
             "a.tsv:4: credit pattern '（編輯：）' has no {name} or {names} slot: it credits nobody"),
    ]

    @Test(arguments: cases)
    func findsExactlyThatProblem(_ c: Case) throws {
        #expect(try Self.problems(c.bytes) == [c.expected])
    }

    @Test("the same files without the fault have no problem")
    func cleanCounterparts() throws {
        #expect(try Self.problems(Array((Self.ag + "x\t臺北市政府\t北市府|~市府\t\tmunicipal\ny\t臺北市政府秘書處\t\tx\tmunicipal\n").utf8)).isEmpty)
        #expect(try Self.problems(Array((Self.pl + "c\t甲市\tcity\t\t1\nd1\t甲區\tdistrict\tc\nd2\t乙山\tmountain\tc\n").utf8)).isEmpty)
        #expect(try Self.problems(Array((Self.cue + "c1\t（編輯：{names}）\tcredit\nc2\t部長\tafter\n").utf8)).isEmpty)
        // Empty trailing fields are tabs, not spaces: allowed.
        #expect(try Self.problems(Array((Self.ag + "x\t臺北市政府\t\t\t\n").utf8)).isEmpty)
    }

    @Test("the shipped Dictionaries/ have no problem")
    func shippedDictionaries() throws {
        let dir = Fixtures.packageRoot.appendingPathComponent("Dictionaries").path
        let files = try DictionaryFolder.tsvFiles(in: dir).map {
            try DictionaryChecker.load(path: $0, name: "Dictionaries/" + ($0 as NSString).lastPathComponent)
        }
        #expect(files.count >= 8)
        #expect(try DictionaryChecker.check(defaults: files).map(\.description) == [])
    }
}
