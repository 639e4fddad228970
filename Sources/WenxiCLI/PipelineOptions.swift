import ArgumentParser
import Wenxi

/// Options shared by the commands that run the pipeline.
struct PipelineOptions: ParsableArguments {
    @Option(name: .customLong("include"), help: "Optional report parts to include: tokens.")
    var include: [String] = []

    @Option(name: .customLong("dictionary"),
            help: ArgumentHelp("A user dictionary (TSV, same format as Dictionaries/*.tsv) that adds or overrides entries (same id overrides; later files win). Repeatable.",
                               valueName: "FILE"))
    var dictionaries: [String] = []

    func validate() throws {
        for part in include where part != "tokens" {
            throw ValidationError("unknown --include part '\(part)' (known: tokens)")
        }
    }

    func analyzeOptions(includeTokens: Bool = false) -> AnalyzeOptions {
        AnalyzeOptions(includeTokens: includeTokens || include.contains("tokens"))
    }

    func resources() throws -> Resources {
        try Resources(dictionaries: dictionaries)
    }
}
