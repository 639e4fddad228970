import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse files, directories or stdin; write one JSON report per input (JSON Lines).",
        discussion: """
        PATH may be a file, a directory (read recursively, each directory's
        entries in sorted order) or - for stdin. Reports go to stdout in input
        order, one per line (--pretty for indented JSON), whatever --jobs is.
        Errors go to stderr as `wenxi: error: PATH: reason`; the batch goes on,
        and the exit status is 1 when any input failed. When stdout's reader
        goes away (`| head`), wenxi stops quietly; any other write error (a full
        disk) is reported and the exit status is 1. --jobs is capped at 256 and
        --batch at 1024 (with a warning).

        With --input jsonl each PATH (or stdin) holds one JSON object per line:
        {"id": …, "text": …}, {"id": …, "html": …} or {"id": …, "post": …}.
        Each line gives one report with the same id or, when it cannot be
        analysed, an error record on stdout
        {"error": …, "id": …, "input": …, "line": …, "schema": "wenxi.error/1"}
        and `wenxi: error: INPUT:LINE: reason` on stderr. Blank lines are
        skipped. Error records are output, so the exit status is 0 when every
        line gave a report or an error record (what Spark's pipe(), Hadoop
        streaming and Dask expect of a stage); --strict makes it 1 when any
        line gave an error record.

        Examples:
          wenxi analyze seeds/ | jq -r .meta.title
          wenxi analyze -j 2 seeds/ > reports.jsonl
          cat article.txt | wenxi analyze - | jq .sentences
          printf '{"id":"a","text":"行政院開會。"}\\n' | wenxi analyze --input jsonl - | jq .id
        """
    )

    enum InputMode: String, ExpressibleByArgument, CaseIterable {
        /// Each path is a document (or a directory of them).
        case files
        /// Each path is JSON Lines, one document per line.
        case jsonl
    }

    @Argument(help: "Files, directories, or - for stdin.")
    var paths: [String]

    @Flag(help: "Indent the JSON for humans (one report then spans many lines).")
    var pretty = false

    @Option(name: [.customShort("j", allowingJoined: true), .long], parsing: .unconditional, help: "Documents analysed at once (default: all cores; at most 256).")
    var jobs: Int?

    @Option(help: "How to read the inputs: files (one document each) or jsonl (one per line).")
    var input: InputMode = .files

    @Flag(inversion: .prefixedNo, help: "Show a progress line on stderr (default: when stderr is a terminal).")
    var progress: Bool?

    @Option(parsing: .unconditional, help: "Refuse inputs (files, stdin, stream lines) larger than this many bytes.")
    var maxBytes: Int = InputFiles.defaultMaxBytes

    @Option(parsing: .unconditional, help: ArgumentHelp("""
        Documents a worker takes through each stage together (default: batches of 1, 2, 4 … \
        then 64). Batches keep each stage's tables in the processor's caches; the output is \
        the same for any size. With --input jsonl a batch takes only lines already read, so \
        a report never waits for lines that have not arrived.
        """, valueName: "N"))
    var batch: Int?

    @Flag(help: "At the end, print on stderr the CPU seconds spent in each pipeline stage.")
    var timings = false

    @Flag(help: "With --input jsonl: exit with status 1 when any line gave an error record (by default error records are output and the status is 0).")
    var strict = false

    @OptionGroup var pipeline: PipelineOptions

    /// The largest `--batch` (larger values are capped, with a warning).
    static let maxBatch = 1024
    /// Stream-line bytes one batch takes at most (see `run`).
    static let maxBatchLineBytes = 1 << 20

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
        if let batch, batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        let out = StandardOutput()
        let resources = try pipeline.resources()
        let options = pipeline.analyzeOptions()
        // Fails the run early (not once per document) if ICU cannot open its iterators.
        _ = try Analyzer(resources: resources, options: options)

        var jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        if jobs > OrderedExecutor.maxJobs {
            writeStandardError("wenxi: warning: --jobs \(jobs) is more than \(OrderedExecutor.maxJobs); using \(OrderedExecutor.maxJobs)\n")
            jobs = OrderedExecutor.maxJobs
        }
        var largestBatch = batch ?? 64
        if largestBatch > Analyze.maxBatch {
            writeStandardError("wenxi: warning: --batch \(largestBatch) is more than \(Analyze.maxBatch); using \(Analyze.maxBatch)\n")
            largestBatch = Analyze.maxBatch
        }
        let worker = Worker.Config(resources: resources, options: options, pretty: pretty, maxBytes: maxBytes,
                                   timings: timings)
        let meter = ProgressDisplay(enabled: progress ?? (isatty(2) == 1))
        if meter.enabled {
            let paths = self.paths, tracker = meter.tracker
            Thread.detachNewThread {
                if let total = InputQueue.totalBytes(paths) { tracker.expect(bytes: total) }
            }
        }

        var inputs = InputQueue(paths: paths, jsonl: input == .jsonl, maxBytes: maxBytes)
        // Without --batch, batches grow 1, 2, 4 … 64: the first reports come at once and a small
        // run is still shared between the workers.
        var batchSize = batch == nil ? 1 : largestBatch
        var failures = 0
        var stageTimes = StageTimes()
        OrderedExecutor(jobs: jobs).run(
            next: {
                // A batch never waits for stream lines that have not arrived: it takes what is ready.
                // Stream lines are held in memory until analysed: a batch takes at most
                // `maxBatchLineBytes` of them (and at least one line), so the window of batches
                // in flight stays bounded in bytes, not only in count.
                var items: [WorkItem] = []
                var lineBytes = 0
                while items.count < batchSize, lineBytes < Analyze.maxBatchLineBytes,
                      items.isEmpty || inputs.hasReadyItem, let item = inputs.next() {
                    if case .line(let bytes, _, _) = item { lineBytes += bytes.count }
                    items.append(item)
                }
                batchSize = min(batchSize * 2, largestBatch)
                return items.isEmpty ? nil : items
            },
            ready: { inputs.hasReadyItem },
            makeState: { Worker(worker) },
            process: { w, items in w.process(items) },
            emit: { batch in
                if let t = batch.times { stageTimes.merge(t) }
                for result in batch.results {
                    meter.tracker.record(bytes: result.bytes, failed: result.error != nil)
                    if let error = result.error {
                        // A stream line's error record is its output: it fails the run only
                        // with --strict.
                        if result.output == nil || strict { failures += 1 }
                        meter.clear()
                        writeStandardError(error)
                    }
                    if let data = result.output, !out.write(data) { return false }
                }
                meter.tick()
                return true
            })
        meter.finish()
        try out.finish()
        if timings { writeStandardError("wenxi: " + stageTimes.table()) }
        if failures > 0 { throw ExitCode(1) }
    }
}

/// One worker thread's pipeline: its own Analyzer (ICU iterators are per thread) over the shared
/// resources. Turns a work item into the bytes to print and the error to report.
struct Worker {
    struct Config: Sendable {
        var resources: Resources
        var options: AnalyzeOptions
        var pretty: Bool
        var maxBytes: Int
        var timings = false
    }

    struct Result: Sendable {
        /// What goes to stdout (a report, or a stream-mode error record), newline included.
        var output: Data?
        /// What goes to stderr (`wenxi: error: PATH: reason\n`).
        var error: String?
        /// Input bytes, for progress.
        var bytes: Int
    }

    /// The results of a batch of work items, in order.
    struct Batch: Sendable {
        var results: [Result]
        /// CPU seconds per stage for the batch (with `--timings`).
        var times: StageTimes?
    }

    /// An item read and ready for the analyzer, or already settled.
    private enum Prepared {
        case done(Result)
        /// `path` names it in errors; stream lines also get an error record with their `id`.
        case document(InputDocument, path: String, bytes: Int, line: (input: String, number: Int)?)
    }

    let config: Config
    /// The worker's analyzer, or why it could not be made (its ICU iterators failed to open).
    let analyzer: Swift.Result<Analyzer, any Error>
    let encoder: ReportEncoder

    init(_ config: Config) {
        self.config = config
        analyzer = Swift.Result { try Analyzer(resources: config.resources, options: config.options) }
        if case .success(let a) = analyzer { a.recordsTimes = config.timings }
        encoder = ReportEncoder(pretty: config.pretty)
    }

    /// Reads the batch's inputs, analyses the readable ones together (`Analyzer.analyze(_:)` runs
    /// them stage by stage), and encodes each report or error, in order.
    func process(_ items: [WorkItem]) -> Batch {
        var clock = config.timings ? StageClock() : nil
        var times = StageTimes()
        let prepared = items.map(prepare)
        clock?.lap(.read, into: &times)

        var documents: [InputDocument] = []
        for case .document(let doc, _, _, _) in prepared { documents.append(doc) }
        let reports: [Swift.Result<Report, any Error>]
        switch analyzer {
        case .success(let analyzer):
            reports = analyzer.analyze(documents)
            times.merge(analyzer.lastTimes)
        case .failure(let error):
            reports = documents.map { _ in .failure(error) }
        }
        clock?.restart()

        var next = 0
        let results = prepared.map { p -> Result in
            switch p {
            case .done(let r):
                return r
            case .document(let doc, let path, let bytes, let line):
                defer { next += 1 }
                do {
                    return Result(output: try encoder.encodeLine(try reports[next].get()), error: nil, bytes: bytes)
                } catch {
                    // A stream line also gets an error record on stdout, with its id.
                    let record = line.map { StreamErrorRecord(id: doc.id, input: $0.input, line: $0.number, error: "\(error)") }
                    return Result(output: record.flatMap(encodeLine), error: errorLine(path: path, error), bytes: bytes)
                }
            }
        }
        clock?.lap(.encode, into: &times)
        return Batch(results: results, times: config.timings ? times : nil)
    }

    private func prepare(_ item: WorkItem) -> Prepared {
        switch item {
        case .file(let path):
            return read(path: path) { try InputSource(path: path).read(maxBytes: config.maxBytes) }
        case .stdin:
            return read(path: "-") { try InputSource(path: "-").read(maxBytes: config.maxBytes) }
        case .failure(let path, let error, let input, let line):
            let record = input.flatMap { i in line.map { StreamErrorRecord(id: nil, input: i, line: $0, error: error.description) } }
            return .done(Result(output: record.flatMap(encodeLine), error: errorLine(path: path, error), bytes: 0))
        case .line(let bytes, let input, let number):
            switch StreamInput.parse(bytes, line: number, source: input) {
            case nil:
                return .done(Result(output: nil, error: nil, bytes: bytes.count + 1))
            case .failure(let e)?:
                return .done(Result(output: encodeLine(StreamErrorRecord(id: e.id, input: input, line: number, error: e.reason)),
                                    error: errorLine(path: "\(input):\(number)", WenxiError.malformed(e.reason)),
                                    bytes: bytes.count + 1))
            case .success(let doc)?:
                return .document(doc, path: "\(input):\(number)", bytes: bytes.count + 1, line: (input, number))
            }
        }
    }

    private func read(path: String, _ read: () throws -> InputDocument) -> Prepared {
        do {
            let doc = try read()
            return .document(doc, path: path, bytes: doc.bytes.count, line: nil)
        } catch {
            return .done(Result(output: nil, error: errorLine(path: path, error), bytes: 0))
        }
    }

    private func encodeLine<T: Encodable>(_ value: T) -> Data? {
        guard var data = try? encoder.encode(value) else { return nil }
        data.append(0x0A)
        return data
    }
}

/// The progress line on stderr: redrawn in place at most five times a second, cleared before an
/// error message is printed, left on screen (with a newline) at the end.
final class ProgressDisplay {
    let enabled: Bool
    let tracker = BatchProgress()
    private var lastDraw = 0.0
    private var shown = false

    init(enabled: Bool) { self.enabled = enabled }

    func tick() {
        guard enabled else { return }
        let now = BatchProgress.now()
        if now - lastDraw < 0.2 { return }
        lastDraw = now
        writeStandardError("\r\u{1B}[K" + "wenxi: " + tracker.line(now: now))
        shown = true
    }

    func clear() {
        guard enabled, shown else { return }
        writeStandardError("\r\u{1B}[K")
        shown = false
    }

    func finish() {
        guard enabled else { return }
        writeStandardError("\r\u{1B}[K" + "wenxi: " + tracker.line() + "\n")
    }
}
