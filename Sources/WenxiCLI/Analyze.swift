import ArgumentParser
import Foundation
import Wenxi

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse files, directories or stdin; write one JSON report per input (JSON Lines).",
        discussion: """
        PATH may be a file, a directory (read recursively, each directory's
        entries in sorted order) or - for stdin. Reports go to stdout in input
        order, one per line (--pretty for indented JSON), whatever --jobs is.
        Errors go to stderr as `wenxi: error: PATH: reason`; the batch goes on,
        and the exit status is 1 when any input failed. When stdout's reader
        goes away (`| head`), wenxi stops quietly.

        With --input jsonl each PATH (or stdin) holds one JSON object per line:
        {"id": …, "text": …}, {"id": …, "html": …} or {"id": …, "post": …}.
        Each line gives one report with the same id or, when it cannot be
        analysed, an error record on stdout
        {"error": …, "id": …, "input": …, "line": …, "schema": "wenxi.error/1"}
        and `wenxi: error: INPUT:LINE: reason` on stderr. Blank lines are
        skipped.

        Examples:
          wenxi analyze seeds/ | jq -r .meta.title
          wenxi analyze -j 2 posts/ > reports.jsonl
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

    @Option(name: [.short, .long], help: "Documents analysed at once (default: all cores).")
    var jobs: Int?

    @Option(help: "How to read the inputs: files (one document each) or jsonl (one per line).")
    var input: InputMode = .files

    @Flag(inversion: .prefixedNo, help: "Show a progress line on stderr (default: when stderr is a terminal).")
    var progress: Bool?

    @Option(help: "Refuse inputs (files, stdin, stream lines) larger than this many bytes.")
    var maxBytes: Int = InputFiles.defaultMaxBytes

    @Flag(help: "At the end, print on stderr the CPU seconds spent in each pipeline stage.")
    var timings = false

    @OptionGroup var pipeline: PipelineOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if maxBytes < 1 { throw ValidationError("--max-bytes must be at least 1") }
    }

    func run() throws {
        let out = StandardOutput()
        let resources = try pipeline.resources()
        let options = pipeline.analyzeOptions()
        // Fails the run early (not once per document) if ICU cannot open its iterators.
        _ = try Analyzer(resources: resources, options: options)

        let jobs = self.jobs ?? ProcessInfo.processInfo.activeProcessorCount
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
        var failures = 0
        var stageTimes = StageTimes()
        OrderedExecutor(jobs: jobs).run(
            next: { inputs.next() },
            makeState: { Worker(worker) },
            process: { w, item in w.process(item) },
            emit: { result in
                meter.tracker.record(bytes: result.bytes, failed: result.error != nil)
                if let t = result.times { stageTimes.merge(t) }
                if let error = result.error {
                    failures += 1
                    meter.clear()
                    writeStandardError(error)
                }
                if let data = result.output, !out.write(data) { return false }
                meter.tick()
                return true
            })
        meter.finish()
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
        /// The bare reason of `error` (without `wenxi: error: PATH: `), for error records.
        var reason: String? = nil
        /// CPU seconds per stage for this input (with `--timings`).
        var times: StageTimes? = nil
    }

    let config: Config
    let analyzer: Analyzer?
    let encoder: ReportEncoder

    init(_ config: Config) {
        self.config = config
        analyzer = try? Analyzer(resources: config.resources, options: config.options)
        analyzer?.recordsTimes = config.timings
        encoder = ReportEncoder(pretty: config.pretty)
    }

    func process(_ item: WorkItem) -> Result {
        switch item {
        case .file(let path):
            return analyze(path: path) { try InputSource(path: path).read(maxBytes: config.maxBytes) }
        case .stdin:
            return analyze(path: "-") { try InputSource(path: "-").read(maxBytes: config.maxBytes) }
        case .failure(let path, let error, let input, let line):
            let record = input.flatMap { i in line.map { StreamErrorRecord(id: nil, input: i, line: $0, error: error.description) } }
            return Result(output: record.flatMap(encodeLine), error: errorLine(path: path, error), bytes: 0)
        case .line(let bytes, let input, let number):
            switch StreamInput.parse(bytes, line: number, source: input) {
            case nil:
                return Result(output: nil, error: nil, bytes: bytes.count + 1)
            case .failure(let e)?:
                return Result(output: encodeLine(StreamErrorRecord(id: e.id, input: input, line: number, error: e.reason)),
                              error: errorLine(path: "\(input):\(number)", WenxiError.malformed(e.reason)),
                              bytes: bytes.count + 1)
            case .success(let doc)?:
                var r = analyze(path: "\(input):\(number)") { doc }
                r.bytes = bytes.count + 1
                if r.error != nil, r.output == nil, let msg = r.reason {
                    r.output = encodeLine(StreamErrorRecord(id: doc.id, input: input, line: number, error: msg))
                }
                return r
            }
        }
    }

    private func analyze(path: String, _ read: () throws -> InputDocument) -> Result {
        var bytes = 0
        var clock = config.timings ? StageClock() : nil
        var times = StageTimes()
        do {
            let doc = try read()
            clock?.lap(.read, into: &times)
            bytes = doc.bytes.count
            guard let analyzer else { throw WenxiError.icu("opening break iterators", code: -1) }
            let report = try analyzer.analyze(doc)
            clock?.restart()
            var data = try encoder.encode(report)
            data.append(0x0A)
            clock?.lap(.encode, into: &times)
            times.merge(analyzer.lastTimes)
            return Result(output: data, error: nil, bytes: bytes, times: config.timings ? times : nil)
        } catch {
            var r = Result(output: nil, error: errorLine(path: path, error), bytes: bytes)
            r.reason = "\(error)"
            return r
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
