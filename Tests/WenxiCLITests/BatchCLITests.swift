import Foundation
import Testing

/// A temporary folder of generated inputs.
struct Scratch {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-batchcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    var path: String { url.path }
    @discardableResult
    func write(_ rel: String, _ bytes: [UInt8]) throws -> String {
        let u = url.appendingPathComponent(rel)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: u)
        return u.path
    }
    @discardableResult
    func write(_ rel: String, _ text: String) throws -> String { try write(rel, Array(text.utf8)) }
    func cleanup() {
        _ = chmod(path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }
}

/// Parses JSON Lines; fails the test on any line that is not one JSON object.
func jsonLines(_ s: String, sourceLocation: SourceLocation = #_sourceLocation) -> [[String: Any]] {
    s.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { line in
        let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        if obj == nil { Issue.record("not a JSON object line: \(line.prefix(200))", sourceLocation: sourceLocation) }
        return obj
    }
}

enum Corpus {
    static let sentences = [
        "桃園市長張善政今天宣布成立智慧城鄉發展委員會。", "行政院會通過明年度中央政府總預算案，總額新臺幣2兆8881億元。",
        "（中央社記者葉臻桃園19日電）", "衛福部疾管署表示，國內新增3例境外移入病例。", "国务院今天召开常务会议。",
        "The Executive Yuan approved the budget.", "立法院下週審查。", "（編輯：林恕暉）1120919",
    ]

    /// `n` documents of varied size and format in nested folders, with names that need quoting.
    static func generate(_ n: Int, in dir: Scratch) throws {
        for i in 0..<n {
            let count = 1 + (i * 7) % 23
            let body = (0..<count).map { sentences[($0 + i) % sentences.count] }.joined(separator: i % 3 == 0 ? "\n" : "")
            let folder = ["", "a/", "a/b c/", "新聞/"][i % 4]
            switch i % 3 {
            case 0: try dir.write("\(folder)doc \(i).txt", body)
            case 1: try dir.write("\(folder)文件\(i).html", "<html><body><p>\(body)</p><p>第二段<b>粗</p></body></html>")
            default: try dir.write("\(folder)post-\(i).md", "---\ntitle: 標題\(i)\ndate: 2020-09-\(10 + i % 20) 10:00:00 +0800\n---\n<p>\(body)</p>\n")
            }
        }
    }
}

@Suite("Batch CLI: parallel and ordered")
struct BatchParallelCLITests {
    @Test func jobsOneAndTwoAndFiveGiveIdenticalOutput() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try Corpus.generate(120, in: d)
        let one = try CLI.run(["analyze", "--jobs", "1", d.path])
        let two = try CLI.run(["analyze", "--jobs", "2", d.path])
        let five = try CLI.run(["analyze", "-j", "5", "--include", "tokens", d.path])
        let fiveSeq = try CLI.run(["analyze", "-j", "1", "--include", "tokens", d.path])
        #expect(one.status == 0 && two.status == 0 && five.status == 0)
        #expect(one.stderr.isEmpty && two.stderr.isEmpty)
        #expect(jsonLines(one.stdout).count == 120)
        #expect(one.stdout == two.stdout)
        #expect(five.stdout == fiveSeq.stdout)
        // Input order: depth first, each folder's entries sorted, i.e. paths ordered by their
        // components.
        let paths = jsonLines(one.stdout).compactMap { ($0["source"] as? [String: Any])?["path"] as? String }
        let byComponents = paths.sorted { a, b in
            a.split(separator: "/").map { Array($0.unicodeScalars.map(\.value)) }
                .lexicographicallyPrecedes(b.split(separator: "/").map { Array($0.unicodeScalars.map(\.value)) }) {
                    $0.lexicographicallyPrecedes($1)
                }
        }
        #expect(paths.count == 120)
        #expect(paths == byComponents)
        #expect(paths.first == d.path + "/a/b c/doc 102.txt")
    }

    @Test func errorsKeepTheirPlaceInTheOrder() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let good = try d.write("good.txt", "行政院今天開會。")
        let r = try CLI.run(["analyze", "-j", "2", good, d.path + "/missing.md", good, d.path + "/empty-dir-none"])
        #expect(r.status == 1)
        #expect(jsonLines(r.stdout).count == 2)
        #expect(r.stderr == """
            wenxi: error: \(d.path)/missing.md: no such file or directory
            wenxi: error: \(d.path)/empty-dir-none: no such file or directory

            """)
    }

    @Test func progressLineOnlyWhenAskedOrOnATerminal() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try Corpus.generate(10, in: d)
        let quiet = try CLI.run(["analyze", d.path])          // stderr is a file here, not a terminal
        let forced = try CLI.run(["analyze", "--progress", d.path])
        let off = try CLI.run(["analyze", "--no-progress", d.path])
        #expect(quiet.stderr.isEmpty && off.stderr.isEmpty)
        #expect(forced.stderr.hasPrefix("\r\u{1B}[Kwenxi: "))
        #expect(forced.stderr.contains("10 docs"))
        #expect(forced.stderr.contains("0 errors"))
        #expect(forced.stderr.hasSuffix("\n"))
        #expect(forced.stdout == quiet.stdout)
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(try CLI.run(["analyze", "--jobs", "0", "x"]).status == 64)
        #expect(try CLI.run(["analyze", "--input", "csv", "x"]).status == 64)
    }
}

@Suite("Batch CLI: stream mode")
struct BatchStreamCLITests {
    @Test func oneOutputLinePerInputLineWithTheSameId() throws {
        let input = [
            #"{"id":"a","text":"行政院今天開會。"}"#,
            "not json",
            "",
            #"{"id":7,"html":"<p>桃園市政府<b>宣布</p>"}"#,
            #"{"id":"x","text":5}"#,
            #"{"post":"---\ntitle: 標題\n---\n<p>本文</p>"}"#,
        ].joined(separator: "\n") + "\n"
        let r = try CLI.run(["analyze", "--input", "jsonl", "-j", "2", "-"], stdin: Data(input.utf8))
        // Every line gave a report or an error record: the stage succeeded (Spark, Hadoop streaming).
        #expect(r.status == 0)
        // --strict fails the run on error records, with the same output.
        let strict = try CLI.run(["analyze", "--input", "jsonl", "-j", "2", "--strict", "-"], stdin: Data(input.utf8))
        #expect(strict.status == 1)
        #expect(strict.stdout == r.stdout)
        #expect(strict.stderr == r.stderr)
        let out = jsonLines(r.stdout)
        #expect(out.count == 5)
        #expect(out.map { $0["id"] as? String } == ["a", nil, "7", "x", nil])
        #expect(out[0]["text"] as? String == "行政院今天開會。")
        #expect(out[1]["error"] as? String == "not valid JSON")
        #expect(out[1]["line"] as? Int == 2)
        #expect(out[3]["error"] as? String == #""text" must be a string"#)
        #expect((out[4]["source"] as? [String: Any])?["path"] as? String == "-:6")
        #expect(r.stderr == """
            wenxi: error: -:2: not valid JSON
            wenxi: error: -:5: "text" must be a string

            """)
    }

    @Test func streamFilesAndLongLines() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let long = String(repeating: "長", count: 1000)
        let f = try d.write("in put.jsonl", "{\"id\":\"1\",\"text\":\"一\"}\r\n{\"id\":\"2\",\"text\":\"\(long)\"}\n{\"id\":\"3\",\"text\":\"三\"}")
        let r = try CLI.run(["analyze", "--input", "jsonl", "--max-bytes", "500", f])
        #expect(r.status == 0)
        let out = jsonLines(r.stdout)
        #expect(out.map { $0["id"] as? String } == ["1", nil, "3"])
        #expect(out[1]["error"] as? String == "cannot read: line too long (3020 bytes; the limit is 500, see --max-bytes)")
        #expect(r.stderr == "wenxi: error: \(f):2: cannot read: line too long (3020 bytes; the limit is 500, see --max-bytes)\n")
    }
}

@Suite("Batch CLI: summarize")
struct BatchSummarizeCLITests {
    @Test func summarizesAnalyzeOutputFromStdinAndFiles() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try Corpus.generate(30, in: d)
        let reports = try CLI.run(["analyze", d.path])
        let viaStdin = try CLI.run(["summarize", "--top", "3"], stdin: Data(reports.stdout.utf8))
        #expect(viaStdin.status == 0)
        let s = try #require(jsonLines(viaStdin.stdout).first)
        #expect(s["schema"] as? String == "wenxi.summary/2")
        #expect(s["documents"] as? Int == 30)
        let sentences = jsonLines(reports.stdout).map { (($0["stats"] as? [String: Any])?["sentences"] as? Int) ?? 0 }.reduce(0, +)
        #expect(s["sentences"] as? Int == sentences)
        let file = try d.write("reports.jsonl", reports.stdout + "garbage\n")
        let viaFile = try CLI.run(["summarize", "--top", "3", file])
        #expect(viaFile.status == 1)
        #expect(viaFile.stdout == viaStdin.stdout)
        #expect(viaFile.stderr.hasPrefix("wenxi: error: \(file):31: not a report"))
    }
}

@Suite("Batch CLI: any input survives")
struct BatchRobustnessCLITests {
    enum Outcome: Sendable {
        /// A report; `check` looks at it.
        case report(@Sendable ([String: Any]) -> Bool)
        /// An error on stderr containing this text, no report.
        case error(String)
    }

    static let utf16: [UInt8] = [0xFF, 0xFE] + Array("行政院今天開會。\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }

    /// One bad input. Its bytes are made when the test runs, and it prints as its name only
    /// (a 20 MB argument must not end up in the test log).
    struct BadInput: Sendable, CustomTestStringConvertible {
        let name: String
        let file: String
        let bytes: @Sendable () -> [UInt8]
        let outcome: Outcome
        var testDescription: String { name }

        init(_ name: String, _ file: String, _ bytes: @autoclosure @escaping @Sendable () -> [UInt8], _ outcome: Outcome) {
            self.name = name
            self.file = file
            self.bytes = bytes
            self.outcome = outcome
        }
    }

    /// Inputs whose outcome is settled by this part of the pipeline (reading, batching).
    static let cases: [BadInput] = [
        BadInput("empty file", "empty.txt", [], .report { ($0["text"] as? String) == "" }),
        BadInput("CRLF lines", "crlf.txt", Array("第一段。\r\n第二段。\r\n".utf8), .report { !(($0["text"] as? String) ?? "\r").contains("\r") }),
        BadInput("missing front matter", "nofm.md", Array("<p>本文</p>\n".utf8), .report { ($0["text"] as? String)?.contains("本文") == true }),
        BadInput("broken front matter", "badfm.md", Array("---\ntitle: [未閉合\ndate: :\n<p>本文</p>\n".utf8),
                 .report { ($0["findings"] as? [[String: Any]])?.first?["code"] as? String == "front-matter" }),
        BadInput("unclosed tags and stray <", "bad.html", Array("<html><body><p>甲 < 乙<div><p>本文<b>粗".utf8), .report { ($0["text"] as? String)?.contains("本文") == true }),
        BadInput("UTF-8 BOM", "bom.txt", [0xEF, 0xBB, 0xBF] + Array("行政院".utf8), .report { ($0["text"] as? String)?.contains("行政院") == true }),
        BadInput("name with spaces and CJK", "新 聞 稿 (1).txt", Array("行政院".utf8), .report { (($0["source"] as? [String: Any])?["path"] as? String)?.hasSuffix("/新 聞 稿 (1).txt") == true }),
        BadInput("invalid UTF-8", "bad-utf8.txt", Array("行政院".utf8) + [0xFF] + Array("開會".utf8), .error("not valid UTF-8 at byte 9")),
        BadInput("20 MB single line", "big.txt", [UInt8](repeating: 0x61, count: 20 << 20), .error("input too large (20971520 bytes; the limit is 3145728, see --max-bytes)")),
    ]

    @Test(arguments: cases)
    func survives(_ input: BadInput) throws {
        let (name, file, outcome) = (input.name, input.file, input.outcome)
        let bytes = input.bytes()
        let d = try Scratch()
        defer { d.cleanup() }
        let bad = try d.write(file, bytes)
        let good = try d.write("good.txt", "桃園市政府今天開會。")
        // The bad input between two good ones: the batch goes on, the order holds.
        let r = try CLI.run(["analyze", "-j", "2", good, bad, good])
        let out = jsonLines(r.stdout)
        switch outcome {
        case .report(let check):
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(out.count == 3)
            if out.count == 3 { #expect(check(out[1]), "\(name)") }
        case .error(let text):
            #expect(r.status == 1, "\(name)")
            #expect(out.count == 2)
            #expect(r.stderr.hasPrefix("wenxi: error: \(bad): "), "\(name): \(r.stderr)")
            #expect(r.stderr.contains(text), "\(name): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
    }

    /// Inputs read by ingest's decoding (UTF-16, binary) and its non-UTF-8 fallback (Big5,
    /// GB18030): whatever the pipeline does, the process survives, the batch goes on and
    /// stdout holds only whole JSON lines.
    static let decodingCases: [(String, [UInt8], String)] = [
        ("UTF-16 LE with BOM", utf16, "UTF-16"),
        // 行政院今天開會。 in Big5, 国务院今天开会。 in GB18030.
        ("Big5", [0xA6, 0xE6, 0xAC, 0x46, 0xB0, 0x7C, 0xA4, 0xB5, 0xA4, 0xD1, 0xB6, 0x7D, 0xB7, 0x7C, 0xA1, 0x43], "Big5"),
        ("GB18030", [0xB9, 0xFA, 0xCE, 0xF1, 0xD4, 0xBA, 0xBD, 0xF1, 0xCC, 0xEC, 0xBF, 0xAA, 0xBB, 0xE1, 0xA1, 0xA3], "GB18030"),
        ("binary", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00], "binary"),
    ]

    @Test(arguments: decodingCases)
    func decodingSurvives(name: String, bytes: [UInt8], expected: String) throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let bad = try d.write("input.txt", bytes)
        let good = try d.write("good.txt", "桃園市政府今天開會。")
        let r = try CLI.run(["analyze", "-j", "2", good, bad, good])
        let out = jsonLines(r.stdout)
        if expected == "binary" {
            #expect(r.status == 1, "\(name)")
            #expect(out.count == 2, "\(name)")
            #expect(r.stderr == "wenxi: error: \(bad): looks like a binary file (NUL byte at 7), not text\n", "\(name): \(r.stderr)")
        } else {
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(out.count == 3, "\(name)")
            let report = out.count == 3 ? out[1] : [:]
            let encoding = (report["source"] as? [String: Any])?["encoding"] as? String
            #expect(encoding?.hasPrefix(expected) == true, "\(name): \(encoding ?? "nil")")
            let texts = ["Big5": "行政院今天開會。", "GB18030": "国务院今天开会。"]
            if let want = texts[expected] {
                // The converted text is the Chinese the bytes encode.
                #expect(report["text"] as? String == want, "\(name): \(report["text"] ?? "nil")")
            }
        }
    }

    @Test func unreadableEntriesAreSkippedWithAnError() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try d.write("dir/a.txt", "甲")
        try FileManager.default.createSymbolicLink(atPath: d.path + "/dir/b.txt", withDestinationPath: d.path + "/gone")
        #expect(mkfifo(d.path + "/dir/c.fifo", 0o644) == 0)
        try d.write("dir/d.txt", "乙")
        let r = try CLI.run(["analyze", d.path + "/dir"])
        #expect(r.status == 1)
        #expect(jsonLines(r.stdout).count == 2)
        #expect(r.stderr == """
            wenxi: error: \(d.path)/dir/b.txt: cannot read: dangling symbolic link
            wenxi: error: \(d.path)/dir/c.fifo: cannot read: not a regular file (FIFO, socket or device); skipped

            """)
    }

    @Test func aDirectoryWithNothingReadableIsAnError() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try d.write("only/.hidden", "x")
        let r = try CLI.run(["analyze", d.path + "/only"])
        #expect(r.status == 1)
        #expect(r.stderr == "wenxi: error: \(d.path)/only: directory holds no readable input files\n")
    }

    /// chmod 000 stops nobody when the tests run as root (as in CI containers): skipped then.
    @Test(.enabled(if: getuid() != 0, "running as root: chmod 000 does not stop reading"))
    func permissionDeniedFilesAndDirectories() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let file = try d.write("locked.txt", "甲")
        try d.write("locked-dir/x.txt", "乙")
        #expect(chmod(file, 0) == 0)
        #expect(chmod(d.path + "/locked-dir", 0) == 0)
        defer { _ = chmod(d.path + "/locked-dir", 0o755) }
        let r = try CLI.run(["analyze", file, d.path + "/locked-dir"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == """
            wenxi: error: \(file): cannot read: permission denied
            wenxi: error: \(d.path)/locked-dir: cannot read: cannot list directory: permission denied

            """)
    }

    /// An input that even root cannot read, between two good ones.
    struct UnreadableInput: CustomTestStringConvertible, Sendable {
        let name: String
        /// Makes the bad input in the folder; returns the argument to pass.
        let make: @Sendable (Scratch) throws -> String
        /// The error lines expected, as (path relative to the folder, reason).
        let errors: [(String, String)]
        var testDescription: String { name }
    }

    static let badInputs: [UnreadableInput] = [
        UnreadableInput(name: "symbolic link loop", make: { d in
            try FileManager.default.createSymbolicLink(atPath: d.path + "/a", withDestinationPath: d.path + "/b")
            try FileManager.default.createSymbolicLink(atPath: d.path + "/b", withDestinationPath: d.path + "/a")
            return d.path + "/a"
        }, errors: [("a", "cannot read: symbolic link loop (too many levels of symbolic links)")]),
        UnreadableInput(name: "dangling symbolic link", make: { d in
            try FileManager.default.createSymbolicLink(atPath: d.path + "/link.txt", withDestinationPath: d.path + "/gone.txt")
            return d.path + "/link.txt"
        }, errors: [("link.txt", "cannot read: dangling symbolic link")]),
        UnreadableInput(name: "named pipe with no writer (must not hang)", make: { d in
            #expect(mkfifo(d.path + "/pipe", 0o644) == 0)
            return d.path + "/pipe"
        }, errors: [("pipe", "cannot read: named pipe (FIFO) with no writer (waited 1000 ms); skipped")]),
        UnreadableInput(name: "a path through a file", make: { d in
            try d.write("plain.txt", "甲")
            return d.path + "/plain.txt/x.txt"
        }, errors: [("plain.txt/x.txt", "cannot read: not a directory")]),
        UnreadableInput(name: "symbolic link loop inside a folder", make: { d in
            try d.write("dir/ok.txt", "{\"text\": \"甲\"}\n") // a document in either input mode
            try FileManager.default.createSymbolicLink(atPath: d.path + "/dir/a.txt", withDestinationPath: d.path + "/dir/b.txt")
            try FileManager.default.createSymbolicLink(atPath: d.path + "/dir/b.txt", withDestinationPath: d.path + "/dir/a.txt")
            return d.path + "/dir"
        }, errors: [("dir/a.txt", "cannot read: symbolic link loop (too many levels of symbolic links)"),
                    ("dir/b.txt", "cannot read: symbolic link loop (too many levels of symbolic links)")]),
    ]

    /// Unreadable whatever the user (unlike chmod 000, which root reads anyway): a clear error
    /// naming the path, the other inputs analysed, exit status 1; in both input modes.
    @Test(arguments: badInputs, ["files", "jsonl"])
    func unreadableEvenForRoot(_ c: UnreadableInput, mode: String) throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let good = mode == "jsonl"
            ? [try d.write("good1.jsonl", "{\"text\": \"甲\"}\n"), try d.write("good2.jsonl", "{\"text\": \"乙\"}\n")]
            : [try d.write("good1.txt", "甲"), try d.write("good2.txt", "乙")]
        let bad = try c.make(d)
        let r = try CLI.run(["analyze", "--input", mode, good[0], bad, good[1]])
        #expect(r.status == 1)
        let extra = c.name.hasSuffix("inside a folder") ? 1 : 0 // the folder's good file
        #expect(jsonLines(r.stdout).count == 2 + extra, "\(r.stdout)")
        #expect(r.stderr == c.errors.map { "wenxi: error: \(d.path)/\($0.0): \($0.1)\n" }.joined())
    }

    /// `summarize` expects report files: a folder or a writerless pipe is an error, not a hang.
    @Test func summarizeRefusesAFolderAndAPipeWithNoWriter() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try d.write("dir/x.jsonl", "")
        #expect(mkfifo(d.path + "/pipe", 0o644) == 0)
        let r = try CLI.run(["summarize", d.path + "/dir", d.path + "/pipe"])
        #expect(r.status == 1)
        #expect(r.stderr == """
            wenxi: error: \(d.path)/dir: cannot read: is a directory
            wenxi: error: \(d.path)/pipe: cannot read: named pipe (FIFO) with no writer (waited 1000 ms); skipped

            """)
    }

    @Test func aLargeSingleLineWithinTheLimitGivesAReport() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let line = String(repeating: "行政院今天開會，", count: 40_000) // 960 KB, one line
        let f = try d.write("one-line.txt", line)
        let r = try CLI.run(["analyze", f])
        #expect(r.status == 0)
        #expect((jsonLines(r.stdout).first?["stats"] as? [String: Any])?["characters"] as? Int == 320_000)
    }

    /// `wenxi analyze … | head -c 100`: the reader goes away; wenxi must stop quietly.
    @Test(arguments: [1, 2])
    func brokenPipeEndsQuietly(jobs: Int) throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try Corpus.generate(400, in: d)
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["analyze", "-j", "\(jobs)", d.path]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        _ = out.fileHandleForReading.readData(ofLength: 100)
        try out.fileHandleForReading.close()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        #expect(p.terminationReason == .exit)
        #expect(p.terminationStatus == 0)
        #expect(String(decoding: errData, as: UTF8.self) == "")
    }
}

@Suite("Batch CLI: --batch sizes")
struct BatchSizeCLITests {
    @Test func batchSizesGiveIdenticalOutputAndErrors() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try Corpus.generate(30, in: d)
        try d.write("a/bin 1.txt", [0x00, 0x01, 0x02])
        try d.write("新聞/bin 2.txt", [0x7F, 0x00])
        let one = try CLI.run(["analyze", "--batch", "1", d.path])
        #expect(one.status == 1)
        #expect(jsonLines(one.stdout).count == 30)
        #expect(one.stderr.components(separatedBy: "\n").filter { $0.hasPrefix("wenxi: error: ") }.count == 2)
        for args in [["--batch", "3"], ["--batch", "64"], ["-j", "2", "--batch", "5"], []] {
            let r = try CLI.run(["analyze"] + args + [d.path])
            #expect(r.status == 1, "\(args)")
            #expect(r.stdout == one.stdout, "\(args)")
            #expect(r.stderr == one.stderr, "\(args)")
        }
    }

    /// A stream file that cannot be read has no line to answer with an error record: that fails
    /// the run (status 1) with or without --strict; the other inputs are still reported.
    @Test func unreadableStreamFileFailsTheRun() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let f = try d.write("ok.jsonl", #"{"id":"1","text":"一"}"# + "\n")
        let missing = d.path + "/missing.jsonl"
        for extra in [[], ["--strict"]] {
            let r = try CLI.run(["analyze", "--input", "jsonl"] + extra + [missing, f])
            #expect(r.status == 1)
            #expect(jsonLines(r.stdout).map { $0["id"] as? String } == ["1"])
            #expect(r.stderr.hasPrefix("wenxi: error: \(missing): "))
        }
    }

    @Test func streamLinesInBatchesKeepTheirIdsAndErrorRecords() throws {
        let lines = [
            #"{"id":"1","text":"行政院今天開會。"}"#,
            #"{"id":"2","text":"#,
            #"{"id":"3","html":"<p>桃園市長張善政說</p>"}"#,
            #"{"id":"4","text":"bin\u0000ary"}"#,
            #"{"id":"5","text":"新台幣4500萬元"}"#,
        ].joined(separator: "\n") + "\n"
        let one = try CLI.run(["analyze", "--input", "jsonl", "-"], stdin: Data(lines.utf8))
        let four = try CLI.run(["analyze", "--input", "jsonl", "--batch", "4", "-"], stdin: Data(lines.utf8))
        #expect(one.status == 0)
        #expect(four.status == 0)
        #expect(four.stdout == one.stdout)
        #expect(four.stderr == one.stderr)
        let ids = jsonLines(one.stdout).map { $0["id"] as? String }
        #expect(ids == ["1", nil, "3", "4", "5"])   // line 2 is not JSON: no id to give back
        let errors = jsonLines(one.stdout).filter { $0["schema"] as? String == "wenxi.error/1" }.compactMap { $0["line"] as? Int }
        #expect(errors == [2, 4])
    }

    @Test func timingsTableOnStderrOnlyWhenAsked() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try Corpus.generate(6, in: d)
        let plain = try CLI.run(["analyze", d.path])
        let timed = try CLI.run(["analyze", "--timings", d.path])
        #expect(plain.stderr.isEmpty)
        #expect(timed.stdout == plain.stdout)
        #expect(timed.stderr.hasPrefix("wenxi: timings: CPU seconds of the worker threads over 6 documents\n"))
        for stage in ["read", "ingest", "segment", "tag", "amounts", "related", "assemble", "encode", "total"] {
            #expect(timed.stderr.contains("\n  \(stage) "), "\(stage)")
        }
    }

    @Test func batchMustBePositive() throws {
        #expect(try CLI.run(["analyze", "--batch", "0", "x"]).status == 64)
    }
}

@Suite("Batch CLI: slow feeds")
struct SlowFeedCLITests {
    /// Bytes read on another thread, so that a test can wait for a line with a time limit.
    final class LineWaiter: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        private let handle: FileHandle

        init(_ handle: FileHandle) {
            self.handle = handle
            Thread.detachNewThread { [self] in
                // `availableData` returns what has arrived (`read(upToCount:)` waits for the count).
                while case let chunk = handle.availableData, !chunk.isEmpty {
                    lock.lock()
                    data.append(chunk)
                    lock.unlock()
                }
            }
        }

        /// The next whole line, or nil when none arrives within `seconds`.
        func line(within seconds: Double) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                lock.lock()
                if let nl = data.firstIndex(of: 0x0A) {
                    let line = data[data.startIndex..<nl]
                    data.removeSubrange(data.startIndex...nl)
                    lock.unlock()
                    return String(decoding: line, as: UTF8.self)
                }
                lock.unlock()
                Thread.sleep(forTimeInterval: 0.02)
            }
            return nil
        }
    }

    /// A feed that stays open gets each line's report before it sends the next line, with one
    /// job or several (batches take only the lines already read).
    @Test(arguments: [1, 2])
    func eachLineIsAnsweredBeforeTheNextArrives(jobs: Int) throws {
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["analyze", "--input", "jsonl", "-j", "\(jobs)", "-"]
        let input = Pipe(), out = Pipe()
        p.standardInput = input
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        defer { if p.isRunning { p.terminate() } }
        let waiter = LineWaiter(out.fileHandleForReading)
        for id in ["a", "b", "c"] {
            input.fileHandleForWriting.write(Data(#"{"id":"\#(id)","text":"行政院今天開會。"}"#.utf8 + [0x0A]))
            let line = waiter.line(within: 30)
            #expect(line?.contains(#""id":"\#(id)""#) == true, "no report for line \(id) while the feed stayed open")
        }
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        #expect(waiter.line(within: 1) == nil)
    }
}
