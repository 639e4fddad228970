import ArgumentParser
import Foundation
import Wenxi

struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise report JSON Lines (from `wenxi analyze`) into one JSON corpus summary.",
        discussion: """
        Reads the reports a line at a time (memory does not grow with their
        number) and writes one JSON object: documents, sentences, tokens; the
        top people, agencies and organizations by documents and by mentions
        (the staff of bylines and credit lines apart, under `staff`)
        (keyed by canonical name); money per currency, per currency and role
        (budget, subsidy, fine …), per holder, role and currency, and the
        largest amounts of each currency with their sentence and file
        (conversions such as （約新台幣…元） are not added again); the
        person–agency pairs named together in the most sentences; reports per
        day of meta.date. Stream-mode error
        records count as `errors`; a line that is not a report is reported on
        stderr and skipped (exit status 1).

        Examples:
          wenxi analyze seeds/ | wenxi summarize --top 5 | jq .money.by_role.TWD
          wenxi analyze seeds/ > reports.jsonl
          wenxi summarize reports.jsonl | jq .entities.agencies.by_documents
        """
    )

    @Argument(help: "Report JSONL files, or - for stdin (the default).")
    var paths: [String] = ["-"]

    @Option(parsing: .unconditional, help: "Entries per ranking.")
    var top: Int = 20

    @Flag(help: "Indent the JSON for humans.")
    var pretty = false

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be at least 0") }
    }

    /// A report line longer than this is refused (reports of inputs within --max-bytes are far smaller).
    static let maxLineBytes = 1 << 30

    func run() throws {
        let out = StandardOutput()
        var summary = CorpusSummary(largest: top)
        var failures = 0
        for path in paths {
            let reader: LineReader
            do {
                reader = path == "-" ? LineReader(fd: 0, maxBytes: Summarize.maxLineBytes)
                    : try LineReader(path: path, maxBytes: Summarize.maxLineBytes)
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
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                        do {
                            try summary.add(line: bytes)
                        } catch {
                            failures += 1
                            reportError(path: "\(path):\(n)", error)
                        }
                    }
                }
            } catch {
                failures += 1
                reportError(path: path, error)
            }
        }
        var data = try ReportEncoder(pretty: pretty).encode(summary.result(top: top))
        data.append(0x0A)
        out.write(data)
        try out.finish()
        if failures > 0 { throw ExitCode(1) }
    }
}
