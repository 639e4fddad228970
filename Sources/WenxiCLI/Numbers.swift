import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch

/// Hidden helper for evaluation: reads one string per line and prints what the amounts stage
/// makes of it, without the rest of the pipeline.
struct Numbers: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse numbers and amounts, one input line at a time (for evaluation).",
        discussion: """
        Each stdin line becomes one JSON line: {"input", "value", "entities"}. `value` is the
        whole line read as one number (null when it is not exactly a number); `entities` are the
        money, percent, quantity and date entities the amounts stage finds in the line.

        Example:
          printf '一千兩百萬\\n新台幣1兆5674億元\\n' | wenxi numbers | jq -c '[.value, .entities[0].value]'
        """,
        shouldDisplay: false
    )

    @Option(help: "Article date (YYYY-MM-DD) to resolve relative dates against.")
    var date: String?

    struct Line: Encodable {
        var input: String
        var value: ExactNumber?
        var entities: [Entity]
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(input, forKey: .input)
            if let value { try c.encode(value, forKey: .value) } else { try c.encodeNil(forKey: .value) }
            try c.encode(entities, forKey: .entities)
        }
        enum CodingKeys: String, CodingKey { case input, value, entities }
    }

    func run() throws {
        let encoder = ReportEncoder()
        let out = StandardOutput()
        while let line = readLine(strippingNewline: true) {
            let result = AmountTagger.tag(text: line, articleDate: date)
            var data = try encoder.encode(Line(input: line, value: AmountTagger.parseNumber(line), entities: result.entities))
            data.append(0x0A)
            if !out.write(data) { break }
        }
        try out.finish()
    }
}
