import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Every input under Fixtures/fuzz-regressions/TARGET/ (crashes and hangs the fuzzers or the
/// reliability work found) goes through the same entry point as the fuzzer (`FuzzTargets`):
/// a crash fails the test run, a hang its time limit.
@Suite("Reliability: fuzz regression inputs")
struct FuzzRegressionTests {
    static let root = Fixtures.packageRoot.appendingPathComponent("Tests/WenxiTests/Fixtures/fuzz-regressions")

    static var inputs: [String] {
        FuzzTargets.names.flatMap { t -> [String] in
            let dir = root.appendingPathComponent(t)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(t)/\($0)" }
        }
    }

    @Test func everyTargetHasRegressionInputs() {
        for t in FuzzTargets.names {
            #expect(Self.inputs.contains { $0.hasPrefix(t + "/") }, "no regression input for \(t)")
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: inputs)
    func replays(_ input: String) throws {
        let target = String(input.split(separator: "/")[0])
        let bytes = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent(input)))
        FuzzTargets.run(target, bytes)
    }
}
