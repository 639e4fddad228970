import ArgumentParser
import Wenxi

/// Options shared by the commands that run the pipeline.
struct PipelineOptions: ParsableArguments {
    @Option(name: .customLong("include"), help: "Optional report parts to include: tokens.")
    var include: [String] = []

    func validate() throws {
        for part in include where part != "tokens" {
            throw ValidationError("unknown --include part '\(part)' (known: tokens)")
        }
    }

    func analyzeOptions(includeTokens: Bool = false) -> AnalyzeOptions {
        AnalyzeOptions(includeTokens: includeTokens || include.contains("tokens"))
    }

    func resources() throws -> Resources {
        try Resources()
    }
}
