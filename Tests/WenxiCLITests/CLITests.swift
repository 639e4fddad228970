import Foundation
import Testing

/// Runs the built `wenxi` binary and captures stdout, stderr and the exit status.
struct CLIRun {
    var stdout: String
    var stderr: String
    var status: Int32
}

enum CLI {
    /// The `wenxi` executable beside the test bundle (same build folder).
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("wenxi")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/wenxi")
    }

    /// The package root (two levels above this file's folder).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Copies the built binary to `path` (mode 755) through a descriptor opened with O_CLOEXEC.
    /// A copy made by FileManager stays open for writing in any process another test starts
    /// meanwhile (the child inherits the descriptor), and running the copy then fails with
    /// ETXTBSY, "Text file busy" — seen when the CLI tests run in parallel.
    static func copyBinary(to path: String) throws {
        let data = try Data(contentsOf: binary)
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                guard n > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                done += n
            }
        }
    }

    static func run(_ args: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> CLIRun {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if !environment.isEmpty {
            p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        p.currentDirectoryURL = packageRoot
        return try capture(p, stdin: stdin)
    }

    /// Runs `p` with `stdin` (closed at once when nil) and captures its stdout, stderr and exit
    /// status. stdout and stderr go to temporary files, so a full pipe can never block the child.
    static func capture(_ p: Process, stdin: Data? = nil) throws -> CLIRun {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let outURL = tmp.appendingPathComponent("out"), errURL = tmp.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        p.waitUntilExit()
        try out.close()
        try err.close()
        return CLIRun(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                      status: p.terminationStatus)
    }
}

@Suite("CLI")
struct CLITests {
    @Test func missingFileNamesThePathAndFails() throws {
        let r = try CLI.run(["analyze", "no/such/file.md"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "wenxi: error: no/such/file.md: no such file or directory\n")
    }

    @Test func batchGoesOnAfterAFailure() throws {
        let r = try CLI.run(["analyze", "no/such/file.md", "seeds/"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
    }
}

@Suite("CLI commands")
struct CLICommandTests {
    @Test func schemaIsJSON() throws {
        let r = try CLI.run(["schema"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        #expect(obj?["title"] as? String == "Wenxi report")
    }

    @Test func stdinIsNamedDash() throws {
        let r = try CLI.run(["analyze", "-"], stdin: Data("市府今天說明預算。\n".utf8))
        #expect(r.status == 0)
        let obj = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let source = obj?["source"] as? [String: Any]
        #expect(source?["path"] as? String == "-")
        #expect(obj?["text"] as? String == "市府今天說明預算。")
    }

    @Test func prettyAndCompactCarryTheSameReport() throws {
        let compact = try CLI.run(["analyze", "seeds/"])
        let pretty = try CLI.run(["analyze", "--pretty", "seeds/"])
        #expect(compact.status == 0 && pretty.status == 0)
        #expect(compact.stdout.split(separator: "\n").count == 1)
        #expect(pretty.stdout.split(separator: "\n").count > 10)
        let a = try JSONSerialization.jsonObject(with: Data(compact.stdout.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(pretty.stdout.utf8)) as? NSDictionary
        #expect(a != nil && a == b)
    }

    @Test func unknownIncludeIsAUsageError() throws {
        let r = try CLI.run(["analyze", "--include", "bogus", "seeds/"])
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("unknown --include part 'bogus'"))
    }

    @Test func emptyDirectoryIsAnError() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["analyze", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr == "wenxi: error: \(dir.path): directory holds no readable input files\n")
    }
}

@Suite("CLI fatal errors")
struct CLIFatalErrorTests {
    @Test func missingDictionariesStopWithStatus2() throws {
        let r = try CLI.run(["analyze", "seeds/"], environment: ["WENXI_DICTIONARIES": "/nonexistent/dictionaries"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("wenxi: error: WENXI_DICTIONARIES=/nonexistent/dictionaries: "), "\(r.stderr)")
    }

    /// A binary with no dictionaries beside it, run from a folder outside any checkout with an
    /// empty environment: the error names every place looked at, one per line, in search order.
    @Test func failedSearchListsEveryPlaceLooked() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let fm = FileManager.default
        let bin = d.path + "/prefix/bin", elsewhere = d.path + "/elsewhere/deeper"
        for dir in [bin, elsewhere] { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        try CLI.copyBinary(to: bin + "/wenxi")
        // The scratch folder as the binary sees it (symlinks such as /tmp resolved).
        let real = URL(fileURLWithPath: d.path).resolvingSymlinksInPath().path
        func walk(_ start: String, _ why: String) -> [String] {
            var out: [String] = [], dir = URL(fileURLWithPath: start)
            while true {
                out.append("  \(dir.appendingPathComponent("Dictionaries").path) (\(why))")
                if dir.path == "/" || out.count == 12 { return out }
                dir = dir.deletingLastPathComponent()
            }
        }
        let expected = ["wenxi: error: no dictionaries found; looked in:",
                        "  \(real)/prefix/share/wenxi/Dictionaries (installed beside the executable)"]
            + walk(real + "/prefix/bin", "checkout above the executable")
            + walk(URL(fileURLWithPath: elsewhere).standardizedFileURL.path, "checkout above the current directory")
            + ["set WENXI_DICTIONARIES to the Dictionaries folder"]
        for args in [["analyze", "-"], ["dict", "check"], ["--version"]] {
            let r = try runClean(bin + "/wenxi", args, directory: elsewhere, stdin: Data("文".utf8))
            #expect(r.status != 0, "\(args)")
            #expect(r.stdout.isEmpty || args == ["--version"], "\(args)")  // --version prints its own lines first
            #expect(r.stderr.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("Usage") && !$0.isEmpty }
                    == expected, "\(args): \(r.stderr)")
        }
        // The same binary finds a folder named by WENXI_DICTIONARIES.
        let dicts = CLI.packageRoot.appendingPathComponent("Dictionaries").path
        let ok = try runClean(bin + "/wenxi", ["--version"], environment: ["WENXI_DICTIONARIES": dicts], directory: elsewhere)
        #expect(ok.status == 0)
        #expect(ok.stdout.hasSuffix("dictionary folder: \(dicts)\n"))
    }
}
