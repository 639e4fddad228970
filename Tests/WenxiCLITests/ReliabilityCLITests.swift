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
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-sh-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outURL = tmp.appendingPathComponent("out"), errURL = tmp.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        try out.close()
        try err.close()
        return CLIRun(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                      status: p.terminationStatus)
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
