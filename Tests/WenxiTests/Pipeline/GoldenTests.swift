import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Each input under Fixtures/inputs (and each seed) has its expected report under
/// Fixtures/expected/<name>.json. Re-record them all with `scripts/record-fixtures` and review
/// the diff.
@Suite("Golden reports")
struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["RECORD_FIXTURES"] == "1"

    @Test(arguments: Fixtures.goldenCases)
    func matchesExpected(_ name: String) throws {
        let report = try Fixtures.analyze(case: name)
        var data = try ReportEncoder(pretty: true).encode(report)
        data.append(0x0A)
        let actual = String(decoding: data, as: UTF8.self)
        let file = Fixtures.expected.appendingPathComponent(name.replacingOccurrences(of: "/", with: "__") + ".json")
        if GoldenTests.recording {
            try FileManager.default.createDirectory(at: Fixtures.expected, withIntermediateDirectories: true)
            try data.write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
            Issue.record("""
                \(name): report differs from \(file.lastPathComponent) at line \(line + 1)
                  expected: \(line < e.count ? String(e[line]) : "<end>")
                  actual:   \(line < a.count ? String(a[line]) : "<end>")
                (re-record with scripts/record-fixtures if the change is intended)
                """)
        }
    }

    @Test func everyExpectedFileHasAnInput() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.expected.path)) ?? []
        let known = Set(Fixtures.goldenCases.map { $0.replacingOccurrences(of: "/", with: "__") + ".json" })
        for f in files where f.hasSuffix(".json") {
            #expect(known.contains(f), "stale expected file \(f): its input is gone")
        }
    }
}
