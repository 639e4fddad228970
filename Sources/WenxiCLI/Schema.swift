import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the report.",
        discussion: "Example: wenxi schema | jq .properties.entities"
    )

    func run() throws {
        let out = StandardOutput()
        out.write(ReportSchema.json + "\n")
        try out.finish()
    }
}
