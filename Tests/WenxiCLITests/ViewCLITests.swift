import Foundation
import Testing

/// Runs `wenxi analyze ARGS | wenxi view --out DIR` (through a file) and returns DIR's run.
func analyzeAndView(_ analyzeArgs: [String], out dir: String, extraLines: String = "") throws -> (analyze: CLIRun, view: CLIRun) {
    let a = try CLI.run(["analyze"] + analyzeArgs)
    let v = try CLI.run(["view", "--out", dir], stdin: Data((a.stdout + extraLines).utf8))
    return (a, v)
}

@Suite("CLI view")
struct ViewCLITests {
    @Test func seedGivesAnIndexAndOnePage() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let out = d.path + "/view"
        let (a, v) = try analyzeAndView(["seeds/"], out: out)
        #expect(a.status == 0 && v.status == 0, "\(v.stderr)")
        #expect(v.stdout == out + "/index.html\n")
        #expect(v.stderr.isEmpty)
        let pages = try FileManager.default.contentsOfDirectory(atPath: out + "/reports")
        #expect(pages == ["seeds_000_4178ea0d03230c78.txt.html"])
        let page = try String(contentsOfFile: out + "/reports/" + pages[0], encoding: .utf8)
        let report = try #require(jsonLines(a.stdout).first)
        let entities = report["entities"] as? [[String: Any]] ?? []
        #expect(page.components(separatedBy: "data-part=\"body\"").count - 1 == entities.count)
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("reports/seeds_000_4178ea0d03230c78.txt.html"))
        // Nothing is fetched from elsewhere: no external scripts, styles, images or fonts.
        for html in [page, index] {
            #expect(!html.contains("src=\"http") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("))
        }
    }

    @Test func sameInputGivesIdenticalFoldersWhateverTheJobs() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try Corpus.generate(150, in: d) // more than two chunks of 64
        let a = try CLI.run(["analyze", d.path])
        var files: [[String: Data]] = []
        for (name, jobs) in [("one", "1"), ("two", "3")] {
            let v = try CLI.run(["view", "-j", jobs, "--out", d.path + "/" + name], stdin: Data(a.stdout.utf8))
            #expect(v.status == 0)
            var all: [String: Data] = [:]
            let root = d.path + "/" + name
            for f in FileManager.default.subpaths(atPath: root) ?? [] where f.hasSuffix(".html") {
                all[f] = FileManager.default.contents(atPath: root + "/" + f)
            }
            files.append(all)
        }
        #expect(files[0].count == jsonLines(a.stdout).count + 1)
        #expect(files[0] == files[1])
    }

    @Test func hostilePathsStayInsideTheFolder() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let out = d.path + "/out/view"
        var lines = ""
        for p in ["../../escape.md", "/etc/passwd", "..", "a/../../../b", "same.md", "same.md", "SAME.md"] {
            lines += "{\"source\":{\"path\":\"\(p)\"},\"meta\":{},\"text\":\"x\",\"entities\":[]}\n"
        }
        let v = try CLI.run(["view", "--out", out], stdin: Data(lines.utf8))
        #expect(v.status == 0, "\(v.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: out + "/reports").sorted()
        #expect(pages == ["SAME.md-3.html", "a_b.html", "escape.md.html", "etc_passwd.html", "report.html", "same.md-2.html", "same.md.html"])
        // Nothing was written beside or above the output folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.path + "/out") == ["view"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.path).sorted() == ["out"])
    }

    @Test func badLinesAreNamedAndSkipped() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let input = """
        {"source":{"path":"a.md"},"meta":{},"text":"x","entities":[]}
        not json
        [1,2]

        {"error":"not valid UTF-8 at byte 3","input":"feed.jsonl","line":7,"schema":"wenxi.error/1"}
        {"source":{"path":"b.md"},"meta":{},"text":"y","entities":[]}

        """
        let file = try d.write("reports.jsonl", input)
        let v = try CLI.run(["view", "--out", d.path + "/v", file])
        #expect(v.status == 1)
        #expect(v.stderr == """
        wenxi: error: \(file):2: not valid JSON at byte 0: unexpected character
        wenxi: error: \(file):3: not a report: not a JSON object

        """)
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.path + "/v/reports").sorted() == ["a.md.html", "b.md.html"])
        let index = try String(contentsOfFile: d.path + "/v/index.html", encoding: .utf8)
        #expect(index.contains("feed.jsonl:7") && index.contains("not valid UTF-8 at byte 3"))
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try d.write("mine/notes.txt", "keep me")
        let v = try CLI.run(["view", "--out", d.path + "/mine"], stdin: Data())
        #expect(v.status == 64)
        #expect(v.stderr.contains("not empty and was not written by wenxi view"))
        #expect(FileManager.default.fileExists(atPath: d.path + "/mine/notes.txt"))
        // A folder it wrote is rewritten, without the old pages.
        let one = "{\"source\":{\"path\":\"old.md\"},\"text\":\"\",\"entities\":[]}\n"
        let two = "{\"source\":{\"path\":\"new.md\"},\"text\":\"\",\"entities\":[]}\n"
        #expect(try CLI.run(["view", "--out", d.path + "/v"], stdin: Data(one.utf8)).status == 0)
        #expect(try CLI.run(["view", "--out", d.path + "/v"], stdin: Data(two.utf8)).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: d.path + "/v/reports") == ["new.md.html"])
    }
}

@Suite("CLI export")
struct ExportCLITests {
    @Test func csvOfTheSeed() throws {
        let a = try CLI.run(["analyze", "seeds/"])
        let e = try CLI.run(["export", "--format", "csv"], stdin: Data(a.stdout.utf8))
        #expect(e.status == 0 && e.stderr.isEmpty)
        let lines = e.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "path,report_id,type,text,canonical,entity_id,jurisdiction,role,holder,value,currency,start,end,sentence_text")
        let report = try #require(jsonLines(a.stdout).first)
        let entities = report["entities"] as? [[String: Any]] ?? []
        #expect(lines.count == entities.count + 2) // header, rows, and the empty string after the last CRLF
        #expect(lines[1].hasPrefix("seeds/000_4178ea0d03230c78.txt,,organization,中央社,中央通訊社,organization:org.media.cna,"))
        let money = try #require(lines.first { $0.contains(",money,新台幣4500萬,") })
        #expect(money.contains(",45000000,TWD,281,289,"))
        // Chinese commas are not CSV's comma: the sentence needs no quotes.
        #expect(money.hasSuffix(",張善政說，現行的資科局具有相關專業，卻因缺少管轄權而難以對各單位發揮影響力，且桃園市審計處日前指出市府編列新台幣4500萬資安相關預算，資科局的資安預算低於1000萬，卻需承擔全府各局處的資安責任，恐有權責不一的問題，也因資源分散而難有較全面的思考。"))
    }

    @Test func tsvDocumentsTable() throws {
        let a = try CLI.run(["analyze", "seeds/"])
        let e = try CLI.run(["export", "--table", "documents"], stdin: Data(a.stdout.utf8))
        #expect(e.status == 0)
        let rows = e.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.count == 2)
        #expect(rows[0] == ["path", "report_id", "title", "date", "url", "characters", "sentences", "entities", "person", "agency",
                            "organization", "place", "money", "quantity", "percent", "date_mentions", "findings"])
        #expect(rows[1][0] == "seeds/000_4178ea0d03230c78.txt")
        #expect(rows[1][2] == "桃市府拚數位治理 113年成立智慧城鄉發展委員會")
        #expect(rows[1][12] == "2") // money
    }

    @Test func quotingAndBadLines() throws {
        let input = """
        {"source":{"path":"a,\\"b\\".md"},"sentences":[{"text":"x\\ny"}],"entities":[{"type":"person","text":"張","start":0,"end":1,"sentence":0}]}
        oops

        """
        let csv = try CLI.run(["export", "--format", "csv", "--bom"], stdin: Data(input.utf8))
        #expect(csv.status == 1)
        #expect(csv.stderr == "wenxi: error: -:2: not valid JSON at byte 0: unexpected character\n")
        #expect(csv.stdout.hasPrefix("\u{FEFF}path,"))
        #expect(csv.stdout.hasSuffix("\r\n\"a,\"\"b\"\".md\",,person,張,,,,,,,,0,1,\"x\ny\"\r\n"))
        let tsv = try CLI.run(["export"], stdin: Data(input.utf8))
        #expect(tsv.stdout.hasSuffix("\na,\"b\".md\t\tperson\t張\t\t\t\t\t\t\t\t0\t1\tx\\ny\n"))
    }

    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full"), "no /dev/full"))
    func aFullDiskIsAnError() throws {
        let a = try CLI.run(["analyze", "seeds/"])
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["export"]
        let inp = Pipe()
        p.standardInput = inp
        p.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let err = Pipe()
        p.standardError = err
        try p.run()
        inp.fileHandleForWriting.write(Data(a.stdout.utf8))
        try inp.fileHandleForWriting.close()
        p.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(p.terminationStatus == 1)
        #expect(stderr == "wenxi: error: stdout: cannot write: No space left on device\n")
    }

    @Test func unknownFormatIsAUsageError() throws {
        let r = try CLI.run(["export", "--format", "xlsx"], stdin: Data())
        #expect(r.status == 64)
    }
}
