import Foundation
import Testing

/// Runs a program with exactly `environment` (no inherited variables) in `directory`.
func runClean(_ exe: String, _ args: [String], environment: [String: String] = [:], directory: String,
              stdin: Data? = nil) throws -> CLIRun {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    p.environment = environment
    p.currentDirectoryURL = URL(fileURLWithPath: directory)
    return try CLI.capture(p, stdin: stdin)
}

/// An install-like layout in a scratch folder: PREFIX/bin/wenxi (a copy of the built binary) and
/// PREFIX/share/wenxi/Dictionaries (a copy of the package's), as `scripts/install` makes it.
func scratchInstall(_ d: Scratch) throws -> (prefix: String, wenxi: String) {
    let fm = FileManager.default
    let prefix = d.path + "/prefix"
    try fm.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: prefix + "/share/wenxi", withIntermediateDirectories: true)
    try CLI.copyBinary(to: prefix + "/bin/wenxi")
    try fm.copyItem(atPath: CLI.packageRoot.appendingPathComponent("Dictionaries").path,
                    toPath: prefix + "/share/wenxi/Dictionaries")
    return (prefix, prefix + "/bin/wenxi")
}

@Suite("Ship: install layout, version, engines")
struct ShipCLITests {
    @Test func versionNamesWenxiICUAndTheDictionarySet() throws {
        let r = try CLI.run(["--version"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].range(of: #"^wenxi \d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
        #expect(lines[1].range(of: #"^ICU \d+\.\d+(\.\d+)*, Unicode \d+\.\d+"#, options: .regularExpression) != nil)
        #expect(lines[2].range(of: #"^dictionaries: \d+ files, \d+ entries, sha256 [0-9a-f]{64}$"#, options: .regularExpression) != nil)
        #expect(lines[3] == "dictionary folder: " + CLI.packageRoot.appendingPathComponent("Dictionaries").path)
    }

    /// The checksum covers the files' bytes: a user dictionary changes it and the entry count.
    @Test func versionChecksumFollowsTheDictionaries() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let (_, wenxi) = try scratchInstall(d)
        let dicts = d.path + "/prefix/share/wenxi/Dictionaries"
        let before = try runClean(wenxi, ["--version"], directory: d.path)
        let extra = "# wenxi-dictionary: 1\n# kind: agency\n# source: test\nid\tcanonical\nzz.test\t測試局\n"
        try Data(extra.utf8).write(to: URL(fileURLWithPath: dicts + "/zz-test.tsv"))
        let after = try runClean(wenxi, ["--version"], directory: d.path)
        #expect(before.status == 0 && after.status == 0)
        let b = before.stdout.split(separator: "\n"), a = after.stdout.split(separator: "\n")
        #expect(b[2] != a[2])
        #expect(a[2].contains("\(Int(b[2].split(separator: " ")[3])! + 1) entries"))
    }

    /// A copied install finds its dictionaries from its own location with an empty environment
    /// (no PATH, HOME or WENXI_DICTIONARIES: what Spark's pipe gives a command), from any folder,
    /// and writes nothing anywhere (no cache unless WENXI_CACHE_DIR says where).
    @Test func installedBinaryRunsWithAnEmptyEnvironment() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let (prefix, wenxi) = try scratchInstall(d)
        let elsewhere = d.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let seed = CLI.packageRoot.appendingPathComponent("seeds").path
        let r = try runClean(wenxi, ["analyze", seed], directory: elsewhere)
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(jsonLines(r.stdout).first?["meta"].flatMap { ($0 as? [String: Any])?["title"] as? String }
                == "桃市府拚數位治理 113年成立智慧城鄉發展委員會")
        let v = try runClean(wenxi, ["--version"], directory: elsewhere)
        #expect(v.stdout.hasSuffix("dictionary folder: \(prefix)/share/wenxi/Dictionaries\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share/wenxi/cache"))
    }

    /// HOME pointing at a folder: nothing is written under it. WENXI_CACHE_DIR: the fold cache
    /// goes there, and a later run with the cache gives the same report.
    @Test func nothingIsWrittenUnderHomeUnlessAsked() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let (_, wenxi) = try scratchInstall(d)
        let home = d.path + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let seed = CLI.packageRoot.appendingPathComponent("seeds").path
        let plain = try runClean(wenxi, ["analyze", seed], environment: ["HOME": home], directory: d.path)
        #expect(plain.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)

        let cache = d.path + "/cache"
        let first = try runClean(wenxi, ["analyze", seed], environment: ["HOME": home, "WENXI_CACHE_DIR": cache], directory: d.path)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(files.count == 1 && files[0].hasPrefix("simplified-icu"))
        let second = try runClean(wenxi, ["analyze", seed], environment: ["HOME": home, "WENXI_CACHE_DIR": cache], directory: d.path)
        #expect(first.stdout == plain.stdout && second.stdout == plain.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).isEmpty)
    }

    /// The must-show case of issue 13: one report, one error record, exit status 0.
    @Test func streamModeExitsZeroWithOneReportAndOneErrorRecord() throws {
        let input = "{\"id\":\"a\",\"text\":\"行政院開會。\"}\nnot json\n"
        let r = try CLI.run(["analyze", "--input", "jsonl", "-"], stdin: Data(input.utf8))
        #expect(r.status == 0)
        let out = jsonLines(r.stdout)
        #expect(out.count == 2)
        #expect(out[0]["id"] as? String == "a" && out[0]["schema"] as? String == "wenxi.report/2")
        #expect(out[1]["schema"] as? String == "wenxi.error/1" && out[1]["line"] as? Int == 2)
        #expect(r.stderr == "wenxi: error: -:2: not valid JSON\n")
    }
}

@Suite("CLI: clear errors and tidy output")
struct CLIFixesTests {
    struct Case: Sendable, CustomStringConvertible {
        var args: [String]
        var status: Int32
        var stderrPrefix: String
        var description: String { args.joined(separator: " ") }
    }

    static let usageErrors: [Case] = [
        Case(args: ["summarize", "--top", "-1"], status: 64, stderrPrefix: "Error: --top must be at least 0\n"),
        Case(args: ["analyze", "--jobs", "-2", "seeds/"], status: 64, stderrPrefix: "Error: --jobs must be at least 1\n"),
        Case(args: ["analyze", "--max-bytes", "-5", "seeds/"], status: 64, stderrPrefix: "Error: --max-bytes must be at least 1\n"),
        Case(args: ["analyze", "--batch", "-1", "seeds/"], status: 64, stderrPrefix: "Error: --batch must be at least 1\n"),
        Case(args: ["segment", "--include", "tokens", "seeds/"], status: 64,
             stderrPrefix: "Error: --include is an option of `wenxi analyze`; segment prints tokens with --words\n"),
    ]

    @Test(arguments: usageErrors)
    func negativeNumbersAndMisplacedOptionsGetAClearError(_ c: Case) throws {
        let r = try CLI.run(c.args, stdin: Data())
        #expect(r.status == c.status)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix(c.stderrPrefix), "\(r.stderr)")
    }

    @Test func prettyWritesEmptyArraysAsBrackets() throws {
        let r = try CLI.run(["analyze", "--pretty", "-"], stdin: Data("沒有實體".utf8))
        #expect(r.status == 0)
        #expect(r.stdout.contains("\"captions\" : [],"))
        #expect(!r.stdout.contains("[\n\n"))
        #expect(r.stdout.range(of: #"\[\s+\]"#, options: .regularExpression) == nil)
    }

    /// `--dictionary` refuses a file without `# source:` as `dict check` does.
    @Test func userDictionaryWithoutSourceIsRefused() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let f = try d.write("mine.tsv", "# wenxi-dictionary: 1\n# kind: agency\nid\tcanonical\nmy.x\t測試局\n")
        let r = try CLI.run(["analyze", "--dictionary", f, "seeds/"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "wenxi: error: \(f):3: missing '# source:' header comment before the column header\n")
        let check = try CLI.run(["dict", "check", f])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(f):3: missing '# source:' header comment before the column header"))
    }
}

@Suite("scripts/check-readme")
struct CheckReadmeTests {
    /// One Markdown file with an example per rule of the convention; the ones whose output is
    /// wrong must fail, the skip-marked block must not run, and `--update` must rewrite only the
    /// wrong lines.
    @Test func runsExamplesAndComparesByTheConvention() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let md = """
            # Doc

            ```sh
            wenxi analyze seeds/ | jq -r .meta.title
            # 桃市府拚數位治理 113年成立智慧城鄉發展委員會
            printf 'a\\nb\\nc\\nd\\n'
            # a
            # …
            # d
            printf 'id-12345-end\\n'
            # id-…-end
            printf 'ab\\xffcd' > bad.txt && wenxi analyze bad.txt
            # wenxi: error: bad.txt: not valid UTF-8 at byte 2            (exit status 1)
            printf 'one\\n' |
              cat
            # one
            printf 'actual\\n'
            # expected
            printf 'id-777-end\\nnew\\n'
            # id-…-end
            # old
            ```

            <!-- readme-check: skip (never runs) -->
            ```sh
            false
            # never compared
            ```

            ```sh
            echo a plain block without shown output is not run > ran.txt
            ```
            """
        let file = try d.write("doc.md", md)
        let script = CLI.packageRoot.appendingPathComponent("scripts/check-readme").path
        let r = try runClean("/usr/bin/env", ["python3", script, "--wenxi", CLI.binary.path, file],
                             environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                             directory: d.path)
        #expect(r.status == 1)
        #expect(r.stdout.contains("  FAIL  \(file):17: printf 'actual\\n'"))
        #expect(r.stdout.contains("  FAIL  \(file):19: printf 'id-777-end"))
        #expect(r.stdout.hasSuffix("readme: 5 examples passed, 2 failed, 1 blocks skipped\n"), "\(r.stdout)")

        let u = try runClean("/usr/bin/env", ["python3", script, "--update", "--wenxi", CLI.binary.path, file],
                             environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                             directory: d.path)
        #expect(u.status == 0)
        let updated = try String(contentsOfFile: file, encoding: .utf8)
        // Line for line: the elided line that still matches is kept, the wrong ones replaced.
        #expect(updated == md.replacingOccurrences(of: "# expected", with: "# actual")
            .replacingOccurrences(of: "# old", with: "# new"))
    }
}
