import Foundation
import Testing

/// `wenxi dict check` and `--dictionary`, through the real binary.
@Suite("CLI: dictionaries")
struct TagDictCLITests {
    static func tempFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-dict-\(UUID().uuidString).tsv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func checkReportsEveryProblemAndFails() throws {
        let f = try Self.tempFile("# kind: agency\n# source: test\nid\tcanonical\taliases\tparent\nx.a\t甲局\t\tno.such\nx.a\t乙局\n\t丙局\n")
        defer { try? FileManager.default.removeItem(at: f) }
        let r = try CLI.run(["dict", "check", "--alone", f.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("\(f.path):5: duplicate id x.a (also line 4)"))
        #expect(r.stdout.contains("\(f.path):6: empty id"))
        #expect(r.stdout.contains("\(f.path):4: parent 'no.such' of x.a is not a known id"))
        #expect(r.stderr.hasPrefix("wenxi dict check: 3 problems"))
    }

    /// A file that is not UTF-8 is a problem in the list, and the other files are still checked.
    @Test func fileProblemsAreListedNotFatal() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-dict-\(UUID().uuidString).tsv")
        try Data(Array("# kind: agency\n# source: test\nid\tcanonical\n".utf8) + [0xFF, 0x0A]).write(to: bad)
        let crlf = try Self.tempFile("# kind: agency\r\n# source: test\r\nid\tcanonical\r\nx.b\t乙局\r\n")
        defer { try? FileManager.default.removeItem(at: bad); try? FileManager.default.removeItem(at: crlf) }
        let r = try CLI.run(["dict", "check", "--alone", bad.path, crlf.path])
        #expect(r.status == 1)
        #expect(r.stdout == """
            \(bad.path):4: not valid UTF-8 at byte 43: save the file as UTF-8
            \(crlf.path):1: CR line end (4 lines end in CR LF): save with LF line ends

            """)
    }

    @Test func defaultDictionariesAreClean() throws {
        let r = try CLI.run(["dict", "check"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no problems"))
    }

    @Test func userDictionaryAddsAnEntry() throws {
        let f = try Self.tempFile("# kind: organization\n# source: test\nid\tcanonical\taliases\nuser.lab\t文析實驗室\t文析室\n")
        defer { try? FileManager.default.removeItem(at: f) }
        let r = try CLI.run(["analyze", "--dictionary", f.path, "-"], stdin: Data("文析室今天說".utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let ents = report["entities"] as! [[String: Any]]
        #expect(ents.contains { $0["canonical"] as? String == "文析實驗室" && $0["source"] as? String == "\(f.path):4" })
    }
}
