import Foundation
import Wenxi

/// The entry points the fuzzers drive (`scripts/fuzz`, `Fuzz/main.swift`) and the regression
/// test replays (`FuzzRegressionTests`): one function per target, taking raw bytes. A target
/// must never crash or hang, whatever the bytes; it also checks the invariants every report
/// keeps (spans inside the text), trapping when one is broken so that the fuzzer reports it.
/// `scripts/fuzz` compiles `Fuzz/main.swift` with this package's `-package-name`, so it sees these.
package enum FuzzTargets {
    /// Target names, as `WENXI_FUZZ_TARGET` and the folders of `Tests/FuzzRegressions/` name them.
    package static let names = ["ingest", "amounts", "stream", "dictionary"]

    /// Runs `target` on `data`. Unknown targets trap (a misspelt name must not fuzz nothing).
    package static func run(_ target: String, _ data: [UInt8]) {
        switch target {
        case "ingest": ingest(data)
        case "amounts": amounts(data)
        case "stream": stream(data)
        case "dictionary": dictionary(data)
        default: fatalError("unknown fuzz target \(target) (known: \(names.joined(separator: ", ")))")
        }
    }

    /// The checkout's `Dictionaries/` folder, found from this source file's compile-time path:
    /// fuzzers and their regression tests run from a checkout.
    static let dictionaries = URL(fileURLWithPath: #filePath).deletingLastPathComponent() // Sources/WenxiBatch
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Dictionaries")

    /// One analyzer per thread, built on first use (loading the dictionaries takes a moment).
    private static let analyzer = ThreadAnalyzer()

    /// A whole document through the pipeline and the encoder. The first byte picks the format
    /// (post, HTML, text, or detected from the path), the rest is the file.
    package static func ingest(_ data: [UInt8]) {
        guard let first = data.first else { return }
        let paths = ["fuzz.md", "fuzz.html", "fuzz.txt", "fuzz"]
        let doc = InputDocument(path: paths[Int(first) % paths.count], bytes: Array(data.dropFirst()))
        analyze(doc)
    }

    /// The amounts stage and the number parser on text (lossily decoded), with and without an
    /// article date.
    package static func amounts(_ data: [UInt8]) {
        let text = String(decoding: data, as: UTF8.self)
        let n = text.unicodeScalars.count
        for date in [nil, "2024-02-29"] as [String?] {
            let result = AmountTagger.tag(text: text, articleDate: date)
            for e in result.entities { check(e.start >= 0 && e.start <= e.end && e.end <= n, "amount span \(e.start)..<\(e.end) outside \(n)") }
        }
        _ = AmountTagger.parseNumber(text)
    }

    /// A stream-mode line: parsed as `--input jsonl` parses it, then analysed, or its error
    /// record encoded.
    package static func stream(_ data: [UInt8]) {
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(8) {
            switch StreamInput.parse(Array(line), line: 1, source: "-") {
            case nil: break
            case .failure(let e)?:
                _ = try? ReportEncoder().encode(StreamErrorRecord(id: e.id, input: "-", line: 1, error: e.reason))
            case .success(let doc)?:
                analyze(doc)
            }
        }
    }

    /// A dictionary file: parsed and checked as `wenxi dict check FILE --alone` does, and its
    /// entries built into an automaton as `--dictionary FILE` would.
    package static func dictionary(_ data: [UInt8]) {
        let file = DictionaryChecker.file(bytes: data, name: "fuzz.tsv")
        _ = try? DictionaryChecker.check(defaults: [], user: [file])
        _ = try? Lexicon(set: DictionarySet(files: [file]))
    }

    private static func analyze(_ doc: InputDocument) {
        guard let analyzer = analyzer.get(), let report = try? analyzer.analyze(doc) else { return }
        let n = report.text.unicodeScalars.count
        for e in report.entities {
            check(e.start >= 0 && e.start <= e.end && e.end <= n, "entity span \(e.start)..<\(e.end) outside \(n)")
        }
        for s in report.sentences { check(s.start >= 0 && s.start <= s.end && s.end <= n, "sentence span outside the text") }
        _ = try? ReportEncoder().encode(report)
    }

    private static func check(_ ok: Bool, _ message: @autoclosure () -> String) {
        if !ok { fatalError("fuzz invariant broken: \(message())") }
    }
}

/// An `Analyzer` for the calling thread (ICU iterators are per thread); nil when none can be
/// built (no dictionaries found).
private final class ThreadAnalyzer: @unchecked Sendable {
    private let lock = NSLock()
    private var resources: Resources??

    func get() -> Analyzer? {
        let key = "wenxi.fuzz.analyzer"
        if let a = Thread.current.threadDictionary[key] as? Analyzer { return a }
        lock.lock()
        if resources == nil { resources = .some(try? Resources(dictionaries: FuzzTargets.dictionaries)) }
        let r = resources!
        lock.unlock()
        guard let r, let a = try? Analyzer(resources: r) else { return nil }
        Thread.current.threadDictionary[key] = a
        return a
    }
}
