import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Properties every report must have, checked on every golden input.
@Suite("Report invariants")
struct ReportInvariantTests {
    @Test(arguments: Fixtures.goldenCases)
    func validatesAgainstPublishedSchema(_ name: String) throws {
        let report = try Fixtures.analyze(case: name)
        let json = try JSONValue.parse(try ReportEncoder().encode(report))
        let schema = try JSONValue.parse(Data(ReportSchema.json.utf8))
        let errors = SchemaValidator(root: schema).validate(json)
        #expect(errors.isEmpty, "\(name): \(errors.prefix(10).joined(separator: "; "))")
    }

    @Test(arguments: Fixtures.goldenCases)
    func everyOffsetGivesItsTextBack(_ name: String) throws {
        let report = try Fixtures.analyze(case: name)
        let scalars = Array(report.text.unicodeScalars)
        func slice(_ s: Int, _ e: Int) -> String? {
            guard 0 <= s, s <= e, e <= scalars.count else { return nil }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[s..<e])
            return String(v)
        }
        for s in report.sentences { #expect(slice(s.start, s.end) == s.text, "\(name): sentence \(s)") }
        for t in report.tokens ?? [] { #expect(slice(t.start, t.end) == t.text, "\(name): token \(t)") }
        for e in report.entities {
            #expect(slice(e.start, e.end) == e.text, "\(name): entity \(e.type) \(e.text)")
            #expect(e.sentence < max(report.sentences.count, 1))
        }
        for p in report.paragraphs { #expect(slice(p.start, p.end) != nil) }
        // Title and related-link entities point into their own strings.
        func slice(_ s: String, _ start: Int, _ end: Int) -> String? {
            let sc = Array(s.unicodeScalars)
            guard 0 <= start, start <= end, end <= sc.count else { return nil }
            var v = String.UnicodeScalarView()
            v.append(contentsOf: sc[start..<end])
            return String(v)
        }
        for e in report.titleEntities {
            #expect(slice(report.meta.title ?? "", e.start, e.end) == e.text, "\(name): title entity \(e.text)")
        }
        for link in report.related {
            for e in link.entities { #expect(slice(link.title, e.start, e.end) == e.text, "\(name): related entity \(e.text)") }
        }
        if let b = report.byline { #expect(slice(b.start, b.end) == b.text, "\(name): byline") }
        #expect(report.stats.characters == scalars.count)
        #expect(report.stats.sentences == report.sentences.count)
        #expect(report.stats.paragraphs == report.paragraphs.count)
    }

    @Test(arguments: Fixtures.goldenCases)
    func sameInputGivesByteIdenticalOutput(_ name: String) throws {
        let a = try ReportEncoder().encode(try Fixtures.analyze(case: name))
        let b = try ReportEncoder().encode(try Fixtures.analyze(case: name))
        #expect(a == b)
    }

    @Test(arguments: Fixtures.goldenCases)
    func tokensTileTheTextWithoutOverlap(_ name: String) throws {
        let report = try Fixtures.analyze(case: name)
        let tokens = report.tokens ?? []
        for (a, b) in zip(tokens, tokens.dropFirst()) {
            #expect(a.end <= b.start, "\(name): tokens overlap \(a.text)|\(b.text)")
        }
        for e in report.entities {
            // No token crosses an entity edge, and the entity is exactly one token.
            for t in tokens where t.start < e.end && e.start < t.end {
                #expect(t.start == e.start && t.end == e.end, "\(name): token \(t.text) cuts entity \(e.text)")
            }
        }
        // Never two entities on one character.
        for (a, b) in zip(report.entities, report.entities.dropFirst()) {
            #expect(a.end <= b.start, "\(name): entities overlap \(a.text)|\(b.text)")
        }
    }
}
