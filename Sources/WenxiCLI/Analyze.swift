import ArgumentParser
import Foundation
import Wenxi

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse files, directories or stdin; write one JSON report per input (JSON Lines).",
        discussion: """
        PATH may be a file, a directory (read recursively, files in sorted order) or - for stdin.
        Reports are written to stdout in input order, one per line (--pretty for indented JSON).
        Errors go to stderr as `wenxi: error: PATH: reason`; the batch goes on, and the exit
        status is 1 when any input failed.

        Examples:
          wenxi analyze seeds/ | jq -r .meta.title
          wenxi analyze --include tokens post.md | jq '.tokens[] | .text'
          cat article.txt | wenxi analyze - | jq .sentences
        """
    )

    @Argument(help: "Files, directories, or - for stdin.")
    var paths: [String]

    @Flag(help: "Indent the JSON for humans (one report then spans many lines).")
    var pretty = false

    @OptionGroup var pipeline: PipelineOptions

    func run() throws {
        let analyzer = try Analyzer(resources: try pipeline.resources(), options: pipeline.analyzeOptions())
        let encoder = ReportEncoder(pretty: pretty)
        let out = StandardOutput()
        var failures = 0
        for input in InputCollector.collect(paths, onError: { path, error in
            failures += 1
            reportError(path: path, error)
        }) {
            do {
                let doc = try input.read()
                let report = try analyzer.analyze(doc)
                var data = try encoder.encode(report)
                data.append(0x0A)
                out.write(data)
            } catch {
                failures += 1
                reportError(path: input.path, error)
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
