import Foundation
import Testing

@Suite("Reliability: write errors")
struct WriteErrorCLITests {
    /// Every command that writes to stdout: a full disk is an error (exit 1, a message), never a
    /// silent exit 0 or a crash.
    @Test(arguments: [
        ("analyze", "\"$WENXI\" analyze seeds/ >/dev/full"),
        ("analyze -j2", "\"$WENXI\" analyze -j 2 seeds/ >/dev/full"),
        ("stream", "printf '{\"id\":\"a\",\"text\":\"甲\"}\\n' | \"$WENXI\" analyze --input jsonl - >/dev/full"),
        ("summarize", "\"$WENXI\" analyze seeds/ | \"$WENXI\" summarize >/dev/full"),
        ("segment", "\"$WENXI\" segment seeds/ >/dev/full"),
        ("segment --lines", "echo 行政院開會 | \"$WENXI\" segment --lines - >/dev/full"),
        ("dict stats", "\"$WENXI\" dict stats >/dev/full"),
        ("schema", "\"$WENXI\" schema >/dev/full"),
        ("numbers", "echo 一千萬元 | \"$WENXI\" numbers >/dev/full"),
    ])
    func fullDiskIsAnError(name: String, script: String) throws {
        let r = try ShellRun.run(script)
        #expect(r.status == 1, "\(name): \(r.stderr)")
        #expect(r.stderr.contains("wenxi: error: writing standard output: no space left on device"), "\(name): \(r.stderr)")
    }

    @Test func closedStdoutIsAnError() throws {
        let r = try ShellRun.run("\"$WENXI\" analyze seeds/ >&-")
        #expect(r.status == 1)
        // EBADF, or EINVAL when descriptor 1 was reused by a file opened for reading.
        #expect(r.stderr.contains("wenxi: error: writing standard output: "))
    }

    /// EPIPE stays quiet: the reader went away on purpose.
    @Test func brokenPipeStaysQuiet() throws {
        let r = try ShellRun.run("\"$WENXI\" analyze seeds/ | head -c 10 >/dev/null")
        #expect(r.stderr.isEmpty)
    }
}

/// Runs a shell script with `$WENXI` naming the binary.
enum ShellRun {
    static func run(_ script: String) throws -> CLIRun {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", script]
        p.environment = ProcessInfo.processInfo.environment.merging(["WENXI": CLI.binary.path]) { _, new in new }
        p.currentDirectoryURL = CLI.packageRoot
        return try CLI.capture(p)
    }
}

@Suite("Reliability: limits")
struct LimitCLITests {
    /// More jobs than threads can be had (the report once hung in `waitForWorkers`): capped with
    /// a warning, and the output is the same as with one job.
    @Test(.timeLimit(.minutes(2)), arguments: ["100000", "9223372036854775807"])
    func hugeJobCountsAreCappedAndEnd(jobs: String) throws {
        let one = try CLI.run(["analyze", "-j", "1", "seeds/"])
        let many = try CLI.run(["analyze", "--jobs", jobs, "seeds/"])
        #expect(many.status == 0)
        #expect(many.stdout == one.stdout)
        #expect(many.stderr == "wenxi: warning: --jobs \(jobs) is more than 256; using 256\n")
    }

    @Test func hugeBatchIsCapped() throws {
        let one = try CLI.run(["analyze", "-j", "1", "seeds/"])
        let r = try CLI.run(["analyze", "-j", "2", "--batch", "9223372036854775807", "seeds/"])
        #expect(r.status == 0)
        #expect(r.stdout == one.stdout)
        #expect(r.stderr == "wenxi: warning: --batch 9223372036854775807 is more than 1024; using 1024\n")
    }

    static func report(tokens: String) -> String {
        #"{"stats":{"sentences":1,"tokens":\#(tokens),"characters":2},"entities":[]}"# + "\n"
    }

    /// Absurd counts in hand-made reports: totals saturate, negative counts are refused.
    @Test func summarizeDoesNotOverflow() throws {
        let big = try CLI.run(["summarize"], stdin: Data((Self.report(tokens: "9223372036854775807") + Self.report(tokens: "5")).utf8))
        #expect(big.status == 0, "\(big.stderr)")
        #expect(big.stdout.contains("\"tokens\":9223372036854775807"))
        let negative = try CLI.run(["summarize"], stdin: Data((Self.report(tokens: "-9223372036854775808") + Self.report(tokens: "-1")).utf8))
        #expect(negative.status == 1)
        #expect(negative.stderr.contains("-:1: not a report: stats.tokens is negative (-9223372036854775808)"))
        #expect(negative.stdout.contains("\"documents\":0"))
    }
}

@Suite("Reliability: errors that name the right thing")
struct WrongErrorCLITests {
    /// A GBK file name (not UTF-8) reaches wenxi with U+FFFD for its bad bytes: the error says
    /// so instead of "no such file or directory", named on the command line or found in a folder.
    @Test func nonUTF8FileNamesAreNamedAsSuch() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let gbk: [UInt8] = [0xD0, 0xC2, 0xC2, 0xC5] + Array(".txt".utf8) // 新聞.txt in GBK
        let dir = d.url.appendingPathComponent("gbk").path
        mkdir(dir, 0o755)
        var cpath = (Array(dir.utf8) + [0x2F] + gbk + [0]).map { CChar(bitPattern: $0) }
        let made = creat(&cpath, 0o644)
        #expect(made >= 0)
        close(made)
        let inFolder = try CLI.run(["analyze", dir])
        #expect(inFolder.status == 1)
        #expect(inFolder.stderr.contains("file name is not valid UTF-8"), "\(inFolder.stderr)")
        #expect(!inFolder.stderr.contains("no such file"))
        // By name: the shell passes the raw bytes.
        let byName = try ShellRun.run("cd '\(dir)' && \"$WENXI\" analyze $(printf '\\320\\302\\302\\305.txt')")
        #expect(byName.status == 1)
        #expect(byName.stderr.contains("file name is not valid UTF-8"), "\(byName.stderr)")
    }

    @Test func aNewlineInAPathStaysOnOneErrorLine() throws {
        let r = try CLI.run(["analyze", "no\nsuch\tfile"])
        #expect(r.status == 1)
        #expect(r.stderr == "wenxi: error: no\\nsuch\\tfile: no such file or directory\n")
    }

    @Test func streamLinesKeepTheirIdAsWritten() throws {
        let input = """
        {"id":"keep","text":"a\\ud800b"}
        {"id":1e400,"text":"甲"}
        {"id":1E2,"text":"甲"}
        {"id":-0,"text":"甲"}
        {"id":17,"text":"甲"}
        {"text":"甲","id":2.50}

        """
        let r = try CLI.run(["analyze", "--input", "jsonl", "-"], stdin: Data(input.utf8))
        let lines = jsonLines(r.stdout)
        #expect(lines.count == 6)
        #expect(lines.first?["id"] as? String == "keep")
        #expect(lines.first?["error"] as? String == "not valid JSON: lone UTF-16 surrogate escape \\ud800 (not a Unicode character)")
        #expect(lines.dropFirst().map { $0["id"] as? String } == ["1e400", "1E2", "-0", "17", "2.50"])
        #expect(lines.dropFirst().allSatisfy { $0["error"] == nil })
        #expect(r.stderr == "wenxi: error: -:1: not valid JSON: lone UTF-16 surrogate escape \\ud800 (not a Unicode character)\n")
    }

    /// analyze and dict check name the same line for a dictionary that is not UTF-8.
    @Test func dictionaryErrorsNameTheSameLine() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let f = try d.write("bad.tsv", Array("# kind: agency\n# source: t\nid\tcanonical\n".utf8) + [0x01, 0xFF] + Array("x\n".utf8))
        let analyze = try CLI.run(["analyze", "--dictionary", f, "seeds/"])
        let check = try CLI.run(["dict", "check", "--alone", f])
        #expect(analyze.status == 2)
        #expect(analyze.stderr == "wenxi: error: \(f):4: not valid UTF-8 at byte 41: save the file as UTF-8\n")
        #expect(check.stdout == "\(f):4: not valid UTF-8 at byte 41: save the file as UTF-8\n")
    }

    @Test func userDictionaryLimits() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let header = "# kind: agency\n# source: t\nid\tcanonical\taliases\tclass\tparent\tlevel\tsuccessor\tnote\n"
        let longLine = try d.write("long.tsv", header + "x.1\t" + String(repeating: "甲", count: 6000) + "\t\tgovernment\t\tcentral\t\t\n")
        let long = try CLI.run(["analyze", "--dictionary", longLine, "seeds/"])
        #expect(long.status == 2)
        #expect(long.stderr == "wenxi: error: \(longLine):4: line of 18027 bytes; a dictionary line holds at most 16384\n")
        let big = try d.write("big.tsv", header + String(repeating: "#\n", count: 4_200_000))
        let tooBig = try CLI.run(["analyze", "--dictionary", big, "seeds/"])
        #expect(tooBig.status == 2)
        #expect(tooBig.stderr.contains("\(big): 8400082 bytes; a dictionary file holds at most 8388608 bytes"))
        var rows = header
        for i in 0...50_000 { rows += "x.\(i)\t機關\(i)\t\tgovernment\t\tcentral\t\t\n" }
        let many = try d.write("many.tsv", rows)
        let tooMany = try CLI.run(["analyze", "--dictionary", many, "seeds/"])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr == "wenxi: error: \(many): 50001 entries; a dictionary file holds at most 50000 (split it)\n")
    }
}
