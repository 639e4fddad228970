import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch
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

    @Option(name: .shortAndLong, help: "Worker threads that parse and render pages (default: one per core).")
    var jobs: Int?

    @Argument(help: ArgumentHelp("Report JSONL files, or - for stdin (the default).", valueName: "FILE"))
    var paths: [String] = ["-"]

    /// Marks a folder as written by `wenxi view`, so a later run may replace its pages.
    static let marker = ".wenxi-view"

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// Lines taken at once: parsed and rendered in parallel, then added to the index in order.
    static let chunkLines = 64
    static let chunkBytes = 8 << 20

    func run() throws {
        let pages = try OutputFolder.prepare(out)
        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        var namer = PageNamer()
        var index = CorpusIndex()
        var failures = 0
        var writeError: Error?
        var chunk: [(place: String, bytes: [UInt8])] = []
        var chunkSize = 0

        // One chunk: parse in parallel; name pages in input order; render and write in
        // parallel; add to the index in input order. The pages do not depend on the order of
        // work, so the folder is the same for any --jobs.
        func flush() -> Bool {
            let parsed = Parallel.map(chunk, jobs: jobs) { ReportLines.parse($0.bytes) }
            var todo: [(json: JSON, name: String)] = []
            for (k, result) in parsed.enumerated() {
                switch result {
                case .failure(let error):
                    failures += 1
                    reportError(path: chunk[k].place, error)
                case .success(let json):
                    if ReportLines.isErrorRecord(json) {
                        index.addError(json)
                    } else {
                        todo.append((json, namer.name(for: json["source"]?["path"]?.string ?? json["id"]?.scalarText ?? "report")))
                    }
                }
            }
            let written = Parallel.map(todo, jobs: jobs) { item -> Error? in
                do {
                    try OutputFolder.write(ReportPage.render(item.json).html, to: pages + "/" + item.name)
                    return nil
                } catch {
                    return error
                }
            }
            chunk.removeAll(keepingCapacity: true)
            chunkSize = 0
            if let e = written.compactMap({ $0 }).first {
                writeError = e
                return false
            }
            for item in todo { index.add(item.json, page: item.name) }
            return true
        }

        failures += ReportLines.readRaw(paths) { place, bytes in
            chunk.append((place, bytes))
            chunkSize += bytes.count
            return chunk.count < View.chunkLines && chunkSize < View.chunkBytes ? true : flush()
        }
        if writeError == nil, !chunk.isEmpty { _ = flush() }
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

/// `map` over an array on `jobs` threads, results in input order.
enum Parallel {
    static func map<T, R>(_ items: [T], jobs: Int, _ transform: (T) -> R) -> [R] {
        if jobs <= 1 || items.count <= 1 { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
            results.initialize(repeating: nil)
            defer {
                _ = results.deinitialize()
                results.deallocate()
            }
            let workers = min(jobs, items.count)
            let box = UncheckedBox((items, transform, results))
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let (items, transform, results) = box.value
                // Worker w takes items w, w + workers, …: each slot is written by one thread.
                for i in stride(from: w, to: items.count, by: workers) { results[i] = transform(items[i]) }
            }
            return results.map { $0! }
        }
    }
}

/// Carries non-Sendable values into `concurrentPerform`, whose workers touch disjoint parts.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
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
