import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// The closed vocabularies of reports and dictionaries (`EntityType`, `EntityRole`,
/// `JurisdictionSource`, `InputFormat`, `DictionaryKind`): their raw values are what reports and `# kind:` headers
/// say, so renaming a case's raw value would change every report. Each round-trips through
/// `JSONEncoder`/`JSONDecoder` and through the direct report writer.
@Suite("Typed kinds")
struct TypedKindsTests {
    /// Every raw value, as reports and dictionary files write them.
    @Test func rawValuesAreTheWrittenOnes() {
        #expect(EntityType.allCases.map(\.rawValue) == ["person", "agency", "organization", "place", "money", "quantity", "percent", "date"])
        #expect(JurisdictionSource.allCases.map(\.rawValue) == ["name", "prefix", "back-reference", "context", "dateline", "title", "document", "script"])
        #expect(InputFormat.allCases.map(\.rawValue) == ["post", "html", "text"])
        #expect(EntityRole.allCases.map(\.rawValue) == [
            "budget", "subsidy", "fine", "compensation", "price", "revenue", "profit", "loss", "investment",
            "market_value", "donation", "salary", "cost", "assets", "debt", "other", "staff",
        ])
        #expect(DictionaryKind.allCases.map(\.rawValue) == [
            "agency", "organization", "person", "place", "surname", "person-cue", "cue", "money-cue", "generic-body",
            "state-word", "org-head", "village", "name-surname", "name-char", "name-translit", "name-japanese", "name-blocker",
            "name-simplified", "name-context", "name-known", "name-latin-given", "not-name",
            "place-head", "encyclopedic-context", "context-frame",
        ])
    }

    static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    /// `value` encodes as its raw value in quotes and decodes back to itself.
    static func roundTrips<T: Codable & Equatable & RawRepresentable>(_ value: T) throws -> Bool where T.RawValue == String {
        let data = try encoder.encode([value])
        let back = try JSONDecoder().decode([T].self, from: data)
        return String(decoding: data, as: UTF8.self) == "[\"\(value.rawValue)\"]" && back == [value]
    }

    @Test(arguments: EntityType.allCases)
    func entityTypeRoundTrips(_ type: EntityType) throws {
        #expect(try Self.roundTrips(type))
        // In an entity and a holder, through both writers.
        var e = Entity(type: type, text: "字", start: 0, end: 1, source: "t")
        e.holder = Holder(text: "市府", start: 0, end: 1, type: type, canonical: nil, id: nil)
        let viaEncoder = String(decoding: try Self.encoder.encode(e), as: UTF8.self)
        var out = JSONBytes(capacity: 64)
        e.writeJSON(to: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self) == viaEncoder)
        #expect(viaEncoder.contains("\"type\":\"\(type.rawValue)\""))
        #expect(try JSONDecoder().decode(Entity.self, from: Data(viaEncoder.utf8)) == e)
    }

    @Test(arguments: JurisdictionSource.allCases)
    func jurisdictionSourceRoundTrips(_ source: JurisdictionSource) throws {
        #expect(try Self.roundTrips(source))
        var e = Entity(type: .agency, text: "市府", start: 0, end: 2, source: "t")
        e.jurisdictionSource = source
        var out = JSONBytes(capacity: 64)
        e.writeJSON(to: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self) == String(decoding: try Self.encoder.encode(e), as: UTF8.self))
    }

    @Test(arguments: EntityRole.allCases)
    func roleRoundTrips(_ role: EntityRole) throws {
        #expect(try Self.roundTrips(role))
        var e = Entity(type: role == .staff ? .person : .money, text: "字", start: 0, end: 1, source: "t")
        e.role = role
        var out = JSONBytes(capacity: 64)
        e.writeJSON(to: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self) == String(decoding: try Self.encoder.encode(e), as: UTF8.self))
    }

    @Test(arguments: InputFormat.allCases)
    func inputFormatRoundTrips(_ format: InputFormat) throws {
        #expect(try Self.roundTrips(format))
        let s = SourceInfo(path: "p", bytes: 1, sha256: "", encoding: "UTF-8", format: format)
        var out = JSONBytes(capacity: 64)
        s.writeJSON(to: &out)
        #expect(String(decoding: out.bytes, as: UTF8.self) == String(decoding: try Self.encoder.encode(s), as: UTF8.self))
    }

    @Test(arguments: DictionaryKind.allCases)
    func dictionaryKindRoundTrips(_ kind: DictionaryKind) throws {
        #expect(try Self.roundTrips(kind))
        // A file with that `# kind:` header parses to the kind, and its rows carry it.
        let main = DictionaryFile.mainColumn(kind: kind)
        let file = DictionaryFile.parse("# kind: \(kind.rawValue)\n# source: t\nid\t\(main)\nx\t王\n", name: "k.tsv")
        #expect(file.kind == kind)
        #expect(file.entries.map(\.kind) == [kind], "\(file.problems)")
        // Named kinds and entity types map onto each other; rule data has no entity type.
        if let type = kind.entityType { #expect(DictionaryKind(type) == kind) }
        #expect((kind.entityType != nil) == (kind.priority < DictionaryKind.surname.priority))
    }

    @Test func priorityFollowsTheNamedOrder() {
        #expect(EntityType.named.map { DictionaryKind($0)!.priority } == [0, 1, 2, 3])
        #expect(EntityType.allCases.filter(\.isNamed) == EntityType.allCases.filter { EntityType.named.contains($0) })
    }

    @Test func unknownKindIsAProblemAtItsLine() throws {
        let file = DictionaryFile.parse("# source: t\n# kind: planet\nid\tcanonical\nx\t火星\n", name: "k.tsv")
        #expect(file.kind == nil)
        #expect(file.entries.isEmpty)
        #expect(file.problems.map(\.description) == ["k.tsv:2: unknown kind 'planet' (known: \(DictionaryKind.listing))"])
        #expect(!file.problems.contains { $0.message.hasPrefix("missing '# kind:'") })
    }

    @Test func loadingRefusesAnUnknownKind() throws {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-kind-\(UUID().uuidString).tsv")
        try "# source: test\n# kind: Agency\nid\tcanonical\nuser.x\t數位發展部\n".write(to: tmp, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tmp) }
        #expect {
            _ = try DictionarySet.load(directory: TagFixtures.dictionaries, extra: [tmp.path])
        } throws: { error in
            "\(error)".contains("\(tmp.path):2: unknown kind 'Agency'")
        }
    }
}
