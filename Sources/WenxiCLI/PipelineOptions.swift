import Foundation
import ArgumentParser
import Wenxi
import WenxiBatch

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

    /// Loads the dictionaries. When they cannot be loaded nothing can run: the reason goes to
    /// stderr as `wenxi: error: …` and the exit status is 2.
    func resources() throws -> Resources {
        // The name model's evaluation hooks (README, "How a person is found"): the command reads
        // the environment, the library is told.
        let environment = ProcessInfo.processInfo.environment
        if let spec = environment["WENXI_NAME_WEIGHTS"] { NameModelTuning.weights = NameModelTuning.weights(from: spec) }
        if environment["WENXI_NAME_DEBUG"] != nil { NameModelTuning.trace = { writeStandardError($0 + "\n") } }
        do {
            return try Resources(dictionaryPath: try DictionaryLocator.defaultDirectory(), userDictionaryPaths: dictionaries,
                                 cache: DictionaryLocator.foldCache())
        } catch {
            writeStandardError("wenxi: error: \(error)\n")
            throw ExitCode(2)
        }
    }
}
