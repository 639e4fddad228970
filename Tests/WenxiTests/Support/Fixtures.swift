import Foundation
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Locations of the package's test fixtures and a shared way to analyse them.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let inputs = packageRoot.appendingPathComponent("Tests/WenxiTests/Fixtures/inputs")
    static let expected = packageRoot.appendingPathComponent("Tests/WenxiTests/Fixtures/expected")
    static let seeds = packageRoot.appendingPathComponent("seeds")
    /// The package's own dictionary folder.
    static let dictionaries = packageRoot.appendingPathComponent("Dictionaries")
    /// ../shared beside the checkout, when present (evaluation data; absent in a user's clone).
    static let shared: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// Golden cases: every file in Fixtures/inputs plus every seed, as (name, file URL).
    static var goldenCases: [String] {
        let fm = FileManager.default
        let inputs = ((try? fm.contentsOfDirectory(atPath: inputs.path)) ?? []).filter { !$0.hasPrefix(".") }
        let seeds = ((try? fm.contentsOfDirectory(atPath: seeds.path)) ?? []).filter { !$0.hasPrefix(".") }
        return (inputs.map { "inputs/\($0)" } + seeds.map { "seeds/\($0)" }).sorted()
    }

    static func url(ofCase name: String) -> URL {
        name.hasPrefix("seeds/")
            ? packageRoot.appendingPathComponent(name)
            : inputs.appendingPathComponent(String(name.dropFirst("inputs/".count)))
    }

    static let resources: Resources = {
        do { return try Resources(dictionaries: Fixtures.dictionaries) } catch { fatalError("cannot load default resources: \(error)") }
    }()

    /// Analyses a golden case with tokens included; the report's path is the case name, so the
    /// output does not depend on where the checkout lives.
    static func analyze(case name: String) throws -> Report {
        let bytes = try [UInt8](Data(contentsOf: url(ofCase: name)))
        let analyzer = try Analyzer(resources: resources, options: AnalyzeOptions(includeTokens: true))
        return try analyzer.analyze(InputDocument(path: name, bytes: bytes))
    }
}
