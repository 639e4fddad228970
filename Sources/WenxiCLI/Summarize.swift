import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch

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

    func run() throws {
        let out = StandardOutput()
        var summary = CorpusSummary(largest: top)
        // Lines are read as `wenxi view` and `wenxi export` read them (ReportLines).
        var badLines = 0
        let readFailures = ReportLines.readRaw(paths) { place, bytes in
            do {
                try summary.add(line: bytes)
            } catch {
                badLines += 1
                reportError(path: place, error)
            }
            return true
        }
        let failures = readFailures + badLines
        var data = try ReportEncoder(pretty: pretty).encode(summary.result(top: top))
        data.append(0x0A)
        out.write(data)
        try out.finish()
        if failures > 0 { throw ExitCode(1) }
    }
}
