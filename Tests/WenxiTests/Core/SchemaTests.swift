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

@Suite("Entity merge policy")
struct MergePolicyTests {
    static func e(_ type: EntityType, _ start: Int, _ end: Int) -> Entity {
        Entity(type: type, text: String(repeating: "字", count: end - start), start: start, end: end, source: "t")
    }

    @Test(arguments: [
        ("disjoint both kept", [e(.place, 0, 2)], [e(.money, 3, 6)], ["place 0-2", "money 3-6"]),
        ("longer numeric wins over shorter named", [e(.place, 0, 2)], [e(.date, 0, 4)], ["date 0-4"]),
        ("longer named wins over shorter numeric", [e(.agency, 2, 8)], [e(.quantity, 5, 7)], ["agency 2-8"]),
        ("equal length: earlier start wins", [e(.place, 1, 3)], [e(.money, 0, 2)], ["money 0-2"]),
        ("equal span: named wins", [e(.person, 0, 3)], [e(.date, 0, 3)], ["person 0-3"]),
    ])
    func resolvesOverlaps(_ label: String, _ named: [Entity], _ numeric: [Entity], _ expected: [String]) {
        let merged = Analyzer.merge(named, numeric, sentences: [Span(start: 0, end: 10)])
        #expect(merged.map { "\($0.type) \($0.start)-\($0.end)" } == expected, "\(label)")
    }

    @Test func assignsSentenceIndices() {
        let merged = Analyzer.merge([Self.e(.place, 0, 1), Self.e(.place, 5, 6)], [Self.e(.money, 9, 10)],
                                    sentences: [Span(start: 0, end: 4), Span(start: 4, end: 8), Span(start: 8, end: 12)])
        #expect(merged.map(\.sentence) == [0, 1, 2])
    }
}
