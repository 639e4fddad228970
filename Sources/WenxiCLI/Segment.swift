import ArgumentParser
import Foundation
import Wenxi

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the sentences or words of inputs, for a quick look.",
        discussion: """
        Examples:
          wenxi segment --sentences seeds/
          echo 桃園市長張善政今天說 | wenxi segment --words -
        """
    )

    @Argument(help: "Files, directories, or - for stdin.")
    var paths: [String]

    @Flag(help: "One word per token, separated by spaces, one sentence per line.")
    var words = false

    @Flag(help: "One sentence per line (the default).")
    var sentences = false

    @Flag(help: "JSON Lines instead of text.")
    var json = false

    @OptionGroup var pipeline: PipelineOptions

    func run() throws {
        let analyzer = try Analyzer(resources: try pipeline.resources(), options: pipeline.analyzeOptions(includeTokens: true))
        var failures = 0
        let out = StandardOutput()
        for input in InputCollector.collect(paths, onError: { p, e in failures += 1; reportError(path: p, e) }) {
            do {
                let report = try analyzer.analyze(try input.read())
                if json {
                    let payload: [String] = words ? (report.tokens ?? []).map(\.text) : report.sentences.map(\.text)
                    var data = try ReportEncoder().encode(["path": [input.path], (words ? "words" : "sentences"): payload])
                    data.append(0x0A)
                    out.write(data)
                } else if words {
                    var lines = ""
                    for s in report.sentences {
                        let ws = (report.tokens ?? []).filter { $0.start >= s.start && $0.end <= s.end && $0.kind != .space }
                        lines += ws.map(\.text).joined(separator: " ") + "\n"
                    }
                    out.write(Data(lines.utf8))
                } else {
                    out.write(Data(report.sentences.map { $0.text + "\n" }.joined().utf8))
                }
            } catch {
                failures += 1
                reportError(path: input.path, error)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
