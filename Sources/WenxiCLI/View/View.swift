import ArgumentParser
import Foundation
import Wenxi
import WenxiView

struct View: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write report JSON Lines (from `wenxi analyze`) as a folder of static HTML pages.",
        discussion: """
        Writes DIR/index.html, the corpus page (documents per day, the top
        people, agencies and organizations, money by currency, role and holder,
        the largest amounts, a searchable list of the documents), and one page
        per report in DIR/reports/: the text with every entity highlighted by
        type (hover or focus one for its canonical name, id and source), the
        captions, related links, findings and the report's summary. Everything
        is inline (no network, no server): the folder opens from disk.

        Page names come from source paths, with anything but letters, digits,
        - _ . replaced, so no report can write outside DIR; repeats get -2, -3.
        DIR must be empty or a folder written by wenxi view before (its old
        pages are removed). A line that is not a report is reported on stderr
        and skipped (exit status 1); stream-mode error records are listed on
        the corpus page. Prints the path of index.html.

        Examples:
          wenxi analyze posts/ | wenxi view --out view && xdg-open view/index.html
          wenxi view --out view reports.jsonl
        """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write.", valueName: "DIR"))
    var out: String = "wenxi-view"

    @Argument(help: ArgumentHelp("Report JSONL files, or - for stdin (the default).", valueName: "FILE"))
    var paths: [String] = ["-"]

    /// Marks a folder as written by `wenxi view`, so a later run may replace its pages.
    static let marker = ".wenxi-view"

    func run() throws {
        let pages = try OutputFolder.prepare(out)
        var namer = PageNamer()
        var index = CorpusIndex()
        var writeError: Error?
        let failures = ReportLines.read(paths) { _, line in
            if ReportLines.isErrorRecord(line) {
                index.addError(line)
                return true
            }
            let name = namer.name(for: line["source"]?["path"]?.string ?? line["id"]?.scalarText ?? "report")
            let page = ReportPage.render(line)
            do {
                try OutputFolder.write(page.html, to: pages + "/" + name)
            } catch {
                writeError = error
                return false
            }
            index.add(line, page: name)
            return true
        }
        if let writeError {
            reportError(path: out, writeError)
            throw ExitCode(2)
        }
        let indexPath = out + "/index.html"
        do {
            try OutputFolder.write(index.render(), to: indexPath)
        } catch {
            reportError(path: out, error)
            throw ExitCode(2)
        }
        StandardOutput().write(Data((indexPath + "\n").utf8))
        if failures > 0 { throw ExitCode(1) }
    }
}

/// The output folder of `wenxi view`.
enum OutputFolder {
    /// Creates `dir` and `dir/reports` (or empties `reports` of a folder written before) and
    /// returns the path of `reports`. Refuses a folder holding anything else, so a mistyped
    /// `--out` never mixes pages into someone's files.
    static func prepare(_ dir: String) throws -> String {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let reports = dir + "/reports"
        if fm.fileExists(atPath: dir, isDirectory: &isDir) {
            guard isDir.boolValue else { throw ValidationError("--out \(dir): exists and is not a folder") }
            let entries = (try? fm.contentsOfDirectory(atPath: dir)) ?? []
            if !entries.isEmpty {
                guard entries.contains(View.marker) else {
                    throw ValidationError("--out \(dir): folder is not empty and was not written by wenxi view; name an empty or new folder")
                }
                for name in (try? fm.contentsOfDirectory(atPath: reports)) ?? [] where name.hasSuffix(".html") {
                    try? fm.removeItem(atPath: reports + "/" + name)
                }
            }
        }
        do {
            try fm.createDirectory(atPath: reports, withIntermediateDirectories: true)
            try write(Array("Written by wenxi view; a later `wenxi view --out` here replaces the pages.\n".utf8),
                      to: dir + "/" + View.marker)
        } catch let e as WenxiError {
            throw e
        } catch {
            throw WenxiError.unreadable("cannot create the folder: \(error.localizedDescription)")
        }
        return reports
    }

    /// Writes a whole file; does not follow a symlink in the last component.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WenxiError.malformed("cannot write \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WenxiError.malformed("cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += n
            }
        }
    }
}
