import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Schema")
struct SchemaTests {
    static let schema = try! JSONValue.parse(Data(ReportSchema.json.utf8))

    static func minimalReport() throws -> JSONValue {
        var r = Report(source: SourceInfo(path: "x", bytes: 1, sha256: "00", encoding: "UTF-8", format: .text),
                       meta: Meta(), text: "一")
        r.paragraphs = [Span(start: 0, end: 1)]
        return try JSONValue.parse(try ReportEncoder().encode(r))
    }

    @Test func acceptsAMinimalReport() throws {
        #expect(SchemaValidator(root: Self.schema).validate(try Self.minimalReport()).isEmpty)
    }

    // The validator must be able to fail, or the schema tests prove nothing.
    @Test(arguments: [
        ("unknown top-level key", #"{"bogus": 1}"#, "unexpected key bogus"),
        ("wrong type", #"{"text": 3}"#, "$.text: expected string"),
        ("bad enum", #"{"schema": "v0"}"#, "not one of the enum values"),
    ])
    func rejects(_ label: String, _ patch: String, _ message: String) throws {
        guard case .object(var obj) = try Self.minimalReport(),
              case .object(let p) = try JSONValue.parse(Data(patch.utf8)) else {
            Issue.record("setup"); return
        }
        for (k, v) in p { obj[k] = v }
        let errors = SchemaValidator(root: Self.schema).validate(.object(obj))
        #expect(errors.contains { $0.contains(message) }, "\(label): \(errors)")
    }

    @Test func missingRequiredKeyIsReported() throws {
        guard case .object(var obj) = try Self.minimalReport() else { return }
        obj["sentences"] = nil
        #expect(SchemaValidator(root: Self.schema).validate(.object(obj)) == ["$: missing required key sentences"])
    }
}
