import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// The fixture inputs (Tests/WenxiTests/Fixtures/inputs) each exercise one ingest path; this
/// checks they still do, before the golden reports compare every field.
@Suite("Ingest: fixture inputs")
struct IngestFixtureTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let file: String
        let format: InputFormat
        var encoding = "UTF-8"
        let paragraphs: Int
        var captions = 0
        var related = 0
        var findings: [String] = []
        var testDescription: String { file }
    }

    static let dir = Fixtures.inputs.path

    static let rows: [Row] = [
        Row(file: "bare.html", format: .html, paragraphs: 3, captions: 2, related: 2),
        Row(file: "broken-front-matter.md", format: .post, paragraphs: 1, findings: ["front-matter"]),
        Row(file: "credit-line.md", format: .post, paragraphs: 2),
        Row(file: "crlf.txt", format: .text, paragraphs: 2),
        Row(file: "fullwidth-digits.txt", format: .text, paragraphs: 2),
        Row(file: "malformed.html", format: .html, paragraphs: 3),
        Row(file: "no-front-matter.md", format: .post, paragraphs: 2, captions: 1, findings: ["front-matter"]),
        Row(file: "plain-text.txt", format: .text, paragraphs: 4),
        Row(file: "simplified.txt", format: .text, paragraphs: 2),
        Row(file: "utf16le-bom.txt", format: .text, encoding: "UTF-16LE", paragraphs: 1),
        Row(file: "utf8-bom.txt", format: .text, encoding: "UTF-8 with BOM", paragraphs: 1),
    ]

    @Test(arguments: rows)
    func fixture(_ row: Row) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.dir + "/" + row.file))
        let doc = try Ingestor.ingest(InputDocument(path: row.file, bytes: [UInt8](data)))
        #expect(doc.source.format == row.format)
        #expect(doc.source.encoding == row.encoding)
        #expect(doc.paragraphs.count == row.paragraphs)
        #expect(doc.captions.count == row.captions)
        #expect(doc.related.count == row.related)
        #expect(doc.findings.map(\.code) == row.findings)
        let body = doc.paragraphs.joined(separator: "\n")
        for s in boilerplateStrings { #expect(!body.contains(s)) }
        #expect(!body.contains("\r") && !body.contains("\u{FEFF}"))
    }
}
