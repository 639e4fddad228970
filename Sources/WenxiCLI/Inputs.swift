import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch

/// One input named on the command line, or found inside a named directory.
struct InputSource {
    let path: String

    func read(maxBytes: Int = InputFiles.defaultMaxBytes) throws -> InputDocument {
        if path == "-" {
            return InputDocument(path: "-", bytes: try InputFiles.read(fd: 0, maxBytes: maxBytes))
        }
        return InputDocument(path: path, bytes: try InputFiles.read(path: path, maxBytes: maxBytes))
    }
}

enum InputCollector {
    /// Expands paths into inputs in order: files as given, directories recursively (each
    /// directory's entries sorted by name, see `DirectoryWalker`), `-` as stdin. Missing paths,
    /// unusable entries and empty directories are reported through `onError`.
    static func collect(_ paths: [String], onError: (String, Error) -> Void) -> [InputSource] {
        var out: [InputSource] = []
        var inputs = InputQueue(paths: paths, jsonl: false, maxBytes: InputFiles.defaultMaxBytes)
        while let item = inputs.next() {
            switch item {
            case .file(let p): out.append(InputSource(path: p))
            case .stdin: out.append(InputSource(path: "-"))
            case .failure(let p, let e, _, _): onError(p, e)
            case .line: break
            }
        }
        return out
    }
}

/// One unit of work for `wenxi analyze`. Files are read by the worker that analyses them.
enum WorkItem: Sendable {
    /// A file to read whole (a regular file, or a FIFO / device named on the command line).
    case file(String)
    /// All of stdin, as one document.
    case stdin
    /// A stream-mode line of `input` (`-` or a file name), parsed by the worker.
    case line([UInt8], input: String, number: Int)
    /// An input that could not be read, in its place in the order; `line` for stream lines.
    case failure(String, WenxiError, input: String?, line: Int?)
}

/// The inputs of a run, produced lazily in order: directories are walked as they are reached
/// and stream files are read a line at a time, so memory does not grow with the corpus.
struct InputQueue {
    private var paths: ArraySlice<String>
    private let jsonl: Bool
    private let maxBytes: Int
    private var walker: DirectoryWalker?
    private var walkRoot = ""
    private var walkFoundFile = false
    private var lines: LineReader?
    private var linesName = ""

    init(paths: [String], jsonl: Bool, maxBytes: Int) {
        self.paths = paths[...]
        self.jsonl = jsonl
        self.maxBytes = maxBytes
    }

    /// Whether `next()` can return without waiting for input that has not arrived: always for
    /// files (workers read them), for stream lines only when one is buffered or the stream is a
    /// regular file. Opening the next stream is counted as waiting.
    var hasReadyItem: Bool {
        guard jsonl else { return true }
        return lines?.hasReadyLine ?? false
    }

    mutating func next() -> WorkItem? {
        while true {
            if let reader = lines {
                do {
                    switch try reader.next() {
                    case .line(let n, let bytes)?:
                        return .line(bytes, input: linesName, number: n)
                    case .tooLong(let n, let size)?:
                        return .failure("\(linesName):\(n)", .unreadable("line too long (\(size) bytes; the limit is \(maxBytes), see --max-bytes)"), input: linesName, line: n)
                    case nil:
                        lines = nil
                    }
                } catch {
                    lines = nil
                    return .failure(linesName, error as? WenxiError ?? .unreadable("\(error)"), input: nil, line: nil)
                }
                continue
            }
            if var w = walker {
                let entry = w.next()
                walker = w
                switch entry {
                case .file(let p)?:
                    walkFoundFile = true
                    if let item = open(p) { return item }
                case .failure(let p, let e)?:
                    if p == walkRoot { walkFoundFile = true } // the root itself: one error is enough
                    return .failure(p, e, input: nil, line: nil)
                case nil:
                    walker = nil
                    if !walkFoundFile { return .failure(walkRoot, .emptyDirectory, input: nil, line: nil) }
                }
                continue
            }
            guard let path = paths.popFirst() else { return nil }
            if path == "-" {
                if jsonl {
                    lines = LineReader(fd: 0, maxBytes: maxBytes)
                    linesName = "-"
                    continue
                }
                return .stdin
            }
            switch InputFiles.kind(of: path) {
            case .missing:
                return .failure(path, InputFiles.failure(of: path), input: nil, line: nil)
            case .directory:
                walker = DirectoryWalker(root: path)
                walkRoot = path
                walkFoundFile = false
            case .file, .other:
                if let item = open(path) { return item }
            }
        }
    }

    /// A file's work item; in stream mode, opens it for reading lines (nil: go on to its lines).
    private mutating func open(_ path: String) -> WorkItem? {
        guard jsonl else { return .file(path) }
        do {
            lines = try LineReader(path: path, maxBytes: maxBytes)
            linesName = path
            return nil
        } catch {
            return .failure(path, error as? WenxiError ?? .unreadable("\(error)"), input: nil, line: nil)
        }
    }

    /// Total size of the regular files under `paths` (nil when stdin is among them): the ETA's
    /// denominator. Walks the tree once more; run it off the main thread.
    static func totalBytes(_ paths: [String]) -> Int? {
        var total = 0
        for path in paths {
            if path == "-" { return nil }
            switch InputFiles.kind(of: path) {
            case .directory:
                var w = DirectoryWalker(root: path)
                while let e = w.next() {
                    if case .file(let p) = e { total += InputFiles.size(of: p) ?? 0 }
                }
            case .file: total += InputFiles.size(of: path) ?? 0
            case .other: return nil
            case .missing: break
            }
        }
        return total
    }
}

/// Writes whole buffers to stdout with write(2). SIGPIPE is ignored once one exists, so a reader
/// that goes away (`| head`) gives EPIPE here instead of killing the process.
///
/// Two kinds of write failure: EPIPE (the reader went away) ends the run quietly; any other
/// (ENOSPC on a full disk, EIO, EBADF for a closed stdout …) means output was lost, and
/// `finish()` reports it on stderr and fails the run with exit status 1.
final class StandardOutput {
    /// True once a write failed; nothing more is written.
    private(set) var closed = false
    /// The errno of the first failed write, unless it was EPIPE.
    private(set) var failure: Int32?

    init() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes all of `data`; false when stdout is closed (EPIPE) or failing.
    @discardableResult
    func write(_ data: Data) -> Bool {
        if closed { return false }
        var code: Int32 = 0
        let ok = data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(1, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return false
                }
                if n == 0 { code = EIO; return false }
                offset += n
            }
            return true
        }
        if !ok {
            closed = true
            if code != EPIPE { failure = code }
        }
        return ok
    }

    @discardableResult
    func write(_ s: String) -> Bool { write(Data(s.utf8)) }

    /// The error line for a lost write, or nil (no failure, or only EPIPE).
    var failureMessage: String? {
        failure.map { "wenxi: error: writing standard output: \(String(cString: strerror($0)).lowercased())\n" }
    }

    /// Reports a lost write (not EPIPE) on stderr and throws exit status 1; otherwise nothing.
    func finish() throws {
        if let message = failureMessage {
            writeStandardError(message)
            throw ExitCode(1)
        }
    }
}

/// Writes to stderr, ignoring failures (there is nowhere left to report them).
func writeStandardError(_ s: String) {
    var bytes = Array(s.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + offset, $0.count - offset) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        offset += n
    }
}

func errorLine(path: String, _ error: Error) -> String {
    "wenxi: error: \(InputFiles.displayPath(path)): \(error)\n"
}

func reportError(path: String, _ error: Error) {
    writeStandardError(errorLine(path: path, error))
}
