import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the sentences or words of inputs, for a quick look.",
        discussion: """
        Inputs are read like `wenxi analyze` reads them (posts, HTML, text) and cut into the \
        sentences and tokens of its report. White space is never a token.

        --lines reads plain text instead and segments each input line on its own, printing one \
        line of space-separated words per input line (SIGHAN bakeoff format, see \
        scripts/eval-segmentation).

        --bench times the segmentation stage on the body texts of the inputs against ICU's raw \
        word break and prints one JSON line (MB/s of UTF-8 body text, best of --rounds).

        Examples:
          wenxi segment seeds/
          wenxi segment --words --json seeds/ | jq -c '.sentences[0].tokens'
          echo 桃園市長張善政今天說 | wenxi segment --words --lines -
          wenxi segment --bench ../shared/corpus/posts
        """
    )

    @Argument(help: "Files, directories, or - for stdin.")
    var paths: [String] = []

    @Flag(help: "Words (tokens other than white space) separated by single spaces, one sentence per line.")
    var words = false

    @Flag(help: "One sentence per line (the default).")
    var sentences = false

    @Flag(help: "JSON Lines instead of text: one object per input (per line with --lines).")
    var json = false

    @Flag(help: "Treat each input line as its own plain text; print its words on one line.")
    var lines = false

    @Flag(help: "Measure segmentation throughput against raw ICU word break; print one JSON line.")
    var bench = false

    @Option(parsing: .unconditional, help: "Rounds per measurement with --bench (the fastest is kept).")
    var rounds = 3

    @OptionGroup var pipeline: PipelineOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("name at least one input (a file, a directory, or - for stdin)") }
        if words && sentences { throw ValidationError("--words and --sentences exclude each other") }
        if bench && (lines || json || words || sentences) {
            throw ValidationError("--bench prints its own JSON line; it takes no output options")
        }
        if lines && sentences { throw ValidationError("--lines prints the words of each line; --sentences does not apply") }
        if rounds < 1 { throw ValidationError("--rounds must be at least 1") }
        if !pipeline.include.isEmpty {
            throw ValidationError("--include is an option of `wenxi analyze`; segment prints tokens with --words")
        }
    }

    func run() throws {
        var failures = 0
        let inputs = InputCollector.collect(paths) { p, e in failures += 1; reportError(path: p, e) }
        let out = StandardOutput()
        if bench {
            failures += try runBench(inputs, out)
        } else if lines {
            failures += try runLines(inputs, out)
        } else {
            failures += try runDocuments(inputs, out)
        }
        try out.finish()
        if failures > 0 { throw ExitCode(1) }
    }

    /// Documents: the same sentences and tokens as `wenxi analyze` reports.
    private func runDocuments(_ inputs: [InputSource], _ out: StandardOutput) throws -> Int {
        let analyzer = try Analyzer(
            resources: try pipeline.resources(), options: pipeline.analyzeOptions(includeTokens: words))
        var failures = 0
        for input in inputs where !out.closed {
            do {
                let report = try analyzer.analyze(try input.read())
                let grouped = SegmentOutput.group(report.sentences, report.tokens ?? [])
                var data: Data
                if json {
                    let doc = SegmentOutput.Document(
                        path: input.path,
                        sentences: grouped.map { .init(sentence: $0.0, tokens: words ? $0.1 : nil) })
                    data = try ReportEncoder().encode(doc)
                    data.append(0x0A)
                } else if words {
                    data = Data(grouped.map { $0.1.map(\.text).joined(separator: " ") + "\n" }.joined().utf8)
                } else {
                    data = Data(report.sentences.map { $0.text + "\n" }.joined().utf8)
                }
                out.write(data)
            } catch {
                failures += 1
                reportError(path: input.path, error)
            }
        }
        return failures
    }

    /// Plain text, one text per line (no ingest): the SIGHAN evaluation's input.
    private func runLines(_ inputs: [InputSource], _ out: StandardOutput) throws -> Int {
        let segmenter = try Segmenter()
        var failures = 0
        for input in inputs where !out.closed {
            do {
                let doc = try input.read()
                if let bad = UTF8Text.firstInvalid(doc.bytes) { throw WenxiError.invalidUTF8(byteOffset: bad) }
                // Split the bytes, not the String: "\r\n" is one Character.
                var lineNumber = 0
                var text = ""
                for l in ByteLines(doc.bytes) {
                    lineNumber += 1
                    let line = doc.bytes[l.content]
                    let tokens = try segmenter.tokens(TextBuffer(String(decoding: line, as: UTF8.self)))
                    if json {
                        let rec = SegmentOutput.Line(path: input.path, line: lineNumber, tokens: tokens)
                        text += String(decoding: try ReportEncoder().encode(rec), as: UTF8.self) + "\n"
                    } else {
                        text += tokens.map(\.text).joined(separator: " ") + "\n"
                    }
                    if text.utf8.count > 1 << 16 {
                        if !out.write(Data(text.utf8)) { break }
                        text = ""
                    }
                }
                out.write(Data(text.utf8))
            } catch {
                failures += 1
                reportError(path: input.path, error)
            }
        }
        return failures
    }

    /// Reads every input's body as `analyze` would, then times the segmenter on the bodies.
    private func runBench(_ inputs: [InputSource], _ out: StandardOutput) throws -> Int {
        var failures = 0
        var bodies: [String] = []
        for input in inputs {
            do {
                bodies.append(try Ingestor.ingest(try input.read()).paragraphs.joined(separator: "\n"))
            } catch {
                failures += 1
                reportError(path: input.path, error)
            }
        }
        var data = try ReportEncoder().encode(try SegmentBenchmark.run(texts: bodies, rounds: rounds))
        data.append(0x0A)
        out.write(data)
        return failures
    }
}

/// Shapes of `wenxi segment --json`.
enum SegmentOutput {
    struct Document: Encodable {
        var path: String
        var sentences: [SentenceOut]
    }
    struct SentenceOut: Encodable {
        var start: Int
        var end: Int
        var text: String
        var tokens: [Token]?
        init(sentence: Sentence, tokens: [Token]?) {
            start = sentence.start
            end = sentence.end
            text = sentence.text
            self.tokens = tokens
        }
    }
    struct Line: Encodable {
        var path: String
        var line: Int
        var tokens: [Token]
    }

    /// Pairs each sentence with the tokens that start inside it (both lists are in text order).
    static func group(_ sentences: [Sentence], _ tokens: [Token]) -> [(Sentence, [Token])] {
        var out: [(Sentence, [Token])] = []
        var t = 0
        for s in sentences {
            while t < tokens.count && tokens[t].start < s.start { t += 1 }
            var mine: [Token] = []
            while t < tokens.count && tokens[t].start < s.end { mine.append(tokens[t]); t += 1 }
            out.append((s, mine))
        }
        return out
    }
}
