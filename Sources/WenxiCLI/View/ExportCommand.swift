import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch
import WenxiView

extension Export.Format: ExpressibleByArgument {}
extension Export.Table: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write report JSON Lines (from `wenxi analyze`) as a TSV or CSV table for spreadsheets.",
        discussion: """
        --table entities (the default): one row per body entity, with columns
        \(Export.entityColumns.joined(separator: ", ")).
        --table documents: one row per report, with columns
        \(Export.documentColumns.joined(separator: ", ")).

        The first row is the header. CSV follows RFC 4180 (fields holding a
        quote, comma or line break are quoted, quotes doubled, CRLF line ends);
        TSV escapes tab, line breaks and backslash as \\t \\n \\r \\\\. Values are
        exact, as in the report. Stream-mode error records are skipped; a line
        that is not a report is reported on stderr and skipped (exit status 1).

        Examples:
          wenxi analyze posts/ | wenxi export --format csv > entities.csv
          wenxi export --table documents reports.jsonl > documents.tsv
        """
    )

    @Option(help: "tsv or csv.")
    var format: Export.Format = .tsv

    @Option(help: "entities or documents.")
    var table: Export.Table = .entities

    @Flag(help: "Start with a UTF-8 byte order mark (for spreadsheets that need one to read UTF-8).")
    var bom = false

    @Argument(help: ArgumentHelp("Report JSONL files, or - for stdin (the default).", valueName: "FILE"))
    var paths: [String] = ["-"]

    func run() throws {
        let out = StandardOutput()
        var buffer = Data()
        buffer.reserveCapacity(1 << 17)
        if bom { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        buffer.append(contentsOf: Export.line(Export.columns(table), format: format).utf8)
        // A failed write stops the run: quietly when the reader has gone (`| head`, EPIPE),
        // with an error otherwise (a full disk).
        var writeErrno: Int32 = 0
        func flush() -> Bool {
            if out.write(buffer) {
                buffer.removeAll(keepingCapacity: true)
                return true
            }
            writeErrno = errno
            return false
        }
        let failures = ReportLines.read(paths) { _, line in
            if ReportLines.isErrorRecord(line) { return true }
            for row in Export.rows(line, table: table) {
                buffer.append(contentsOf: Export.line(row, format: format).utf8)
            }
            return buffer.count < 1 << 16 || flush()
        }
        if writeErrno == 0, !buffer.isEmpty { _ = flush() }
        if writeErrno != 0, writeErrno != EPIPE {
            reportError(path: "stdout", WenxiError.malformed("cannot write: \(String(cString: strerror(writeErrno)))"))
            throw ExitCode(1)
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
