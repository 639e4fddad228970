import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// A fresh temporary folder, removed by `cleanup`.
struct TempDir {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    var path: String { url.path }
    func write(_ rel: String, _ bytes: [UInt8]) throws {
        let u = url.appendingPathComponent(rel)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: u)
    }
    func write(_ rel: String, _ text: String) throws { try write(rel, Array(text.utf8)) }
    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

@Suite("Batch: directory walker")
struct BatchWalkerTests {
    @Test func walksDepthFirstInSortedOrderSkippingHiddenNames() throws {
        let d = try TempDir()
        defer { d.cleanup() }
        for f in ["b.md", "a/2.txt", "a/1.txt", "a/sub/x.md", "a b/中文 名.md", ".hidden/z.md", ".dot.md", "c/.keep"] {
            try d.write(f, "x")
        }
        try FileManager.default.createDirectory(atPath: d.path + "/empty", withIntermediateDirectories: true)
        let got = Array(DirectoryWalker(root: d.path)).map { entry -> String in
            guard case .file(let p) = entry else { return "failure" }
            return String(p.dropFirst(d.path.count + 1))
        }
        #expect(got == ["a/1.txt", "a/2.txt", "a/sub/x.md", "a b/中文 名.md", "b.md"])
    }

    @Test func symlinksToFilesAreFilesToDirectoriesAreNotFollowedDanglingOnesFail() throws {
        let d = try TempDir()
        defer { d.cleanup() }
        try d.write("dir/f.md", "x")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: d.path + "/dir/loop", withDestinationPath: d.path + "/dir")
        try fm.createSymbolicLink(atPath: d.path + "/dir/g.md", withDestinationPath: d.path + "/dir/f.md")
        try fm.createSymbolicLink(atPath: d.path + "/dir/h.md", withDestinationPath: d.path + "/nowhere")
        let got = Array(DirectoryWalker(root: d.path + "/dir"))
        #expect(got == [
            .file(d.path + "/dir/f.md"),
            .file(d.path + "/dir/g.md"),
            .failure(d.path + "/dir/h.md", .unreadable("dangling symbolic link")),
        ])
    }

    @Test func aFIFOIsSkippedNotRead() throws {
        let d = try TempDir()
        defer { d.cleanup() }
        try d.write("a.md", "x")
        #expect(mkfifo(d.path + "/pipe", 0o644) == 0)
        let got = Array(DirectoryWalker(root: d.path))
        #expect(got.count == 2)
        #expect(got[0] == .file(d.path + "/a.md"))
        guard case .failure(let p, let e) = got[1] else { Issue.record("expected a failure"); return }
        #expect(p == d.path + "/pipe")
        #expect(e.description.contains("not a regular file"))
    }

    @Test func aSymbolicLinkLoopIsAFailureNamingTheLoop() throws {
        let d = try TempDir()
        defer { d.cleanup() }
        try d.write("dir/f.md", "x")
        try FileManager.default.createSymbolicLink(atPath: d.path + "/dir/self.md", withDestinationPath: d.path + "/dir/self.md")
        let got = Array(DirectoryWalker(root: d.path + "/dir"))
        #expect(got == [
            .file(d.path + "/dir/f.md"),
            .failure(d.path + "/dir/self.md", .unreadable("symbolic link loop (too many levels of symbolic links)")),
        ])
    }

    /// A named pipe is read when a process writes to it, even one that opens it after wenxi;
    /// one that nobody writes to is refused after `pipeWriterWait` instead of blocking forever.
    @Test func aNamedPipeIsReadWithAWriterAndRefusedWithout() throws {
        let d = try TempDir()
        defer { d.cleanup() }
        let fifo = d.path + "/pipe"
        #expect(mkfifo(fifo, 0o644) == 0)
        let writer = Thread {
            usleep(200_000) // after the reader has opened the pipe
            let fd = open(fifo, O_WRONLY)
            guard fd >= 0 else { return }
            _ = Array("甲乙".utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        #expect(try InputFiles.read(path: fifo) == Array("甲乙".utf8))
        #expect(throws: WenxiError.unreadable("named pipe (FIFO) with no writer (waited 1000 ms); skipped")) {
            try InputFiles.read(path: fifo)
        }
    }

    @Test func aMissingRootIsOneFailure() {
        let got = Array(DirectoryWalker(root: "/no/such/dir"))
        #expect(got.count == 1)
        guard case .failure(let p, let e)? = got.first else { Issue.record("expected a failure"); return }
        #expect(p == "/no/such/dir")
        #expect(e.description.hasPrefix("cannot read: cannot list directory"))
    }
}

@Suite("Files: reading with bounded memory")
struct BatchReadTests {
    @Test func readsWholeFilesAndRefusesLargeOnesBeforeReading() throws {
        let d = try TempDir()
        defer { d.cleanup() }
        try d.write("small", [UInt8](repeating: 0x61, count: 100))
        #expect(try InputFiles.read(path: d.path + "/small", maxBytes: 100).count == 100)
        #expect(throws: WenxiError.unreadable("input too large (100 bytes; the limit is 99, see --max-bytes)")) {
            try InputFiles.read(path: d.path + "/small", maxBytes: 99)
        }
        #expect(throws: WenxiError.notFound) { try InputFiles.read(path: d.path + "/none") }
        #expect(throws: WenxiError.unreadable("is a directory")) { try InputFiles.read(path: d.path) }
    }

    static func lines(_ bytes: [UInt8], max: Int = 1000) throws -> [LineReader.Line] {
        let d = try TempDir()
        defer { d.cleanup() }
        try d.write("in", bytes)
        let r = try LineReader(path: d.path + "/in", maxBytes: max)
        var out: [LineReader.Line] = []
        while let l = try r.next() { out.append(l) }
        #expect(r.bytesRead == bytes.count)
        return out
    }

    @Test func splitsLinesDroppingCRAndKeepingEmptyOnes() throws {
        #expect(try Self.lines(Array("a\r\n\nb".utf8)) == [
            .line(number: 1, bytes: Array("a".utf8)), .line(number: 2, bytes: []), .line(number: 3, bytes: Array("b".utf8)),
        ])
        #expect(try Self.lines([]) == [])
        #expect(try Self.lines(Array("x\n".utf8)) == [.line(number: 1, bytes: Array("x".utf8))])
    }

    @Test func aTooLongLineIsSkippedToItsEnd() throws {
        let long = [UInt8](repeating: 0x7A, count: 200_000)
        let got = try Self.lines(Array("ok\n".utf8) + long + Array("\nok2".utf8), max: 1000)
        #expect(got == [
            .line(number: 1, bytes: Array("ok".utf8)),
            .tooLong(number: 2, bytes: 200_000),
            .line(number: 3, bytes: Array("ok2".utf8)),
        ])
    }

    @Test func linesLongerThanTheBufferAreWhole() throws {
        let long = [UInt8](repeating: 0x7A, count: 300_000)
        #expect(try Self.lines(long + [0x0A], max: 1 << 20) == [.line(number: 1, bytes: long)])
    }
}

@Suite("Batch: stream lines")
struct BatchStreamInputTests {
    enum Want: Equatable {
        case doc(id: String?, path: String, format: InputFormat, text: String)
        case error(id: String?, reason: String)
        case skip
    }

    static let cases: [(String, String, Want)] = [
        ("text with string id", #"{"id":"a","text":"行政院"}"#, .doc(id: "a", path: "a", format: .text, text: "行政院")),
        ("html with number id", #"{"id":17,"html":"<p>x</p>"}"#, .doc(id: "17", path: "17", format: .html, text: "<p>x</p>")),
        ("post without id", #"{"post":"---\ntitle: t\n---\nbody"}"#, .doc(id: nil, path: "-:4", format: .post, text: "---\ntitle: t\n---\nbody")),
        ("null id, extra keys", #"{"id":null,"text":"x","lang":"zh"}"#, .doc(id: nil, path: "-:4", format: .text, text: "x")),
        ("escaped text", #"{"id":"e","text":"a\u0000b\n\"c\""}"#, .doc(id: "e", path: "e", format: .text, text: "a\u{0}b\n\"c\"")),
        ("blank line", "  \t", .skip),
        ("not JSON", "{oops", .error(id: nil, reason: "not valid JSON")),
        ("truncated", #"{"id":"t","text":"abc"#, .error(id: nil, reason: "not valid JSON")),
        ("array", #"["text"]"#, .error(id: nil, reason: "not a JSON object")),
        ("bare string", #""text""#, .error(id: nil, reason: "not a JSON object")),
        ("no content key", #"{"id":"n"}"#, .error(id: "n", reason: #"no "text", "html" or "post" key"#)),
        ("two content keys", #"{"id":"2","text":"a","html":"b"}"#, .error(id: "2", reason: #"more than one of "text", "html", "post" (text, html)"#)),
        ("text not a string", #"{"id":"s","text":5}"#, .error(id: "s", reason: #""text" must be a string"#)),
        ("boolean id", #"{"id":true,"text":"x"}"#, .error(id: nil, reason: #""id" must be a string or a number"#)),
    ]

    @Test(arguments: cases)
    func parse(name: String, line: String, want: Want) {
        let got: Want
        switch StreamInput.parse(Array(line.utf8), line: 4, source: "-") {
        case nil: got = .skip
        case .success(let d)?: got = .doc(id: d.id, path: d.path, format: d.format!, text: String(decoding: d.bytes, as: UTF8.self))
        case .failure(let e)?: got = .error(id: e.id, reason: e.reason)
        }
        #expect(got == want, "\(name)")
    }

    @Test func errorRecordAlwaysHasAllKeys() throws {
        let data = try ReportEncoder().encode(StreamErrorRecord(id: nil, input: "-", line: 3, error: "not valid JSON"))
        #expect(String(decoding: data, as: UTF8.self)
            == #"{"error":"not valid JSON","id":null,"input":"-","line":3,"schema":"wenxi.error/1"}"#)
    }
}
