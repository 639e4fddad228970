import Wenxi
import WenxiBatch
import WenxiView

/// Reads report JSON Lines (from `wenxi analyze`) from files or stdin, a line at a time. A line
/// that is not a JSON object is reported on stderr as `wenxi: error: FILE:LINE: reason` and
/// skipped; blank lines are skipped.
enum ReportLines {
    /// A report line longer than this is refused (reports of inputs within --max-bytes are far smaller).
    static let maxLineBytes = 1 << 30

    /// Hands on each non-blank line's bytes with its place (`FILE:LINE`). Returns the number of
    /// failures (unreadable files, lines too long); `handle` returns false to stop reading.
    static func readRaw(_ paths: [String], _ handle: (_ place: String, _ bytes: [UInt8]) -> Bool) -> Int {
        var failures = 0
        for path in paths {
            let reader: LineReader
            do {
                reader = path == "-" ? LineReader(fd: 0, maxBytes: maxLineBytes)
                    : try LineReader(path: path, maxBytes: maxLineBytes)
            } catch {
                failures += 1
                reportError(path: path, error)
                continue
            }
            do {
                while let line = try reader.next() {
                    switch line {
                    case .tooLong(let n, let size):
                        failures += 1
                        reportError(path: "\(path):\(n)", WenxiError.unreadable("line too long (\(size) bytes)"))
                    case .line(let n, let bytes):
                        if ASCII.isBlankLine(bytes) { continue }
                        if !handle("\(path):\(n)", bytes) { return failures }
                    }
                }
            } catch {
                failures += 1
                reportError(path: path, error)
            }
        }
        return failures
    }

    /// A line parsed: a JSON object, or the error that names why it is not a report.
    static func parse(_ bytes: [UInt8]) -> Result<JSON, Error> {
        do {
            let value = try JSON.parse(bytes)
            guard case .object = value else { return .failure(WenxiError.malformed("not a report: not a JSON object")) }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    /// Hands on each line that is a JSON object; reports the others. Returns the failures.
    static func read(_ paths: [String], _ handle: (_ place: String, _ line: JSON) -> Bool) -> Int {
        var failures = 0
        failures += readRaw(paths) { place, bytes in
            switch parse(bytes) {
            case .success(let value): return handle(place, value)
            case .failure(let error):
                failures += 1
                reportError(path: place, error)
                return true
            }
        }
        return failures
    }

    /// True for a stream-mode error record (`{"error": …, "input": …}`) rather than a report.
    static func isErrorRecord(_ v: JSON) -> Bool {
        v["error"] != nil && v["text"] == nil
    }
}
