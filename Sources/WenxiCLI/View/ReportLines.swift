import Wenxi
import WenxiView

/// Reads report JSON Lines (from `wenxi analyze`) from files or stdin, a line at a time, and
/// hands each parsed line on. A line that is not a JSON object is reported on stderr as
/// `wenxi: error: FILE:LINE: reason` and skipped; blank lines are skipped. Returns the number
/// of failures; `handle` returns false to stop reading (stdout closed).
enum ReportLines {
    /// A report line longer than this is refused (as in `wenxi summarize`).
    static let maxLineBytes = 1 << 30

    static func read(_ paths: [String], _ handle: (_ place: String, _ line: JSON) -> Bool) -> Int {
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
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                        let value: JSON
                        do {
                            value = try JSON.parse(bytes)
                        } catch {
                            failures += 1
                            reportError(path: "\(path):\(n)", error)
                            continue
                        }
                        guard case .object = value else {
                            failures += 1
                            reportError(path: "\(path):\(n)", WenxiError.malformed("not a report: not a JSON object"))
                            continue
                        }
                        if !handle("\(path):\(n)", value) { return failures }
                    }
                }
            } catch {
                failures += 1
                reportError(path: path, error)
            }
        }
        return failures
    }

    /// True for a stream-mode error record (`{"error": …, "input": …}`) rather than a report.
    static func isErrorRecord(_ v: JSON) -> Bool {
        v["error"] != nil && v["text"] == nil
    }
}
