import Foundation

/// Compact JSON with sorted keys for any `Encodable` (reports have their own direct writer, see
/// ReportJSON.swift), byte for byte what `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]` writes, about several times faster: it writes bytes
/// as it goes instead of building a tree of boxed values. Keys sort by `String` order; strings
/// escape `"`, `\`, and the controls below U+0020 (`\b \f \n \r \t`, others `\u00xx`), all
/// else is written as UTF-8.
///
/// It takes what synthesized `Codable` conformances and hand-written ones in the style of this
/// package ask for. Anything else — floating point, `Date`, `Data`, `URL`, `Decimal` (which
/// `JSONEncoder` formats by its own rules), nested or super encoders, a value that encodes
/// nothing, duplicate keys, or a value that throws — makes `encode` throw `Unsupported`, and
/// `ReportEncoder` hands the value to `JSONEncoder` instead, so the output never differs.
enum FastJSONEncoder {
    struct Unsupported: Error {}

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let w = Writer()
        w.out.reserveCapacity(4096)
        try w.value(value)
        return w.out
    }
}

private final class Writer {
    var out: [UInt8] = []
    var scratch: [UInt8] = []

    func value<T: Encodable>(_ v: T) throws {
        // Metadata comparisons first: far cheaper than dynamic casts on the common types.
        if T.self == String.self { string(unsafeBitCast(v, to: String.self)); return }
        if T.self == Int.self { integer(Int64(unsafeBitCast(v, to: Int.self))); return }
        if T.self == Bool.self { out.append(contentsOf: unsafeBitCast(v, to: Bool.self) ? Writer.trueBytes : Writer.falseBytes); return }
        if T.self == Int64.self { integer(unsafeBitCast(v, to: Int64.self)); return }
        if T.self == Int32.self { integer(Int64(unsafeBitCast(v, to: Int32.self))); return }
        if T.self == Int16.self { integer(Int64(unsafeBitCast(v, to: Int16.self))); return }
        if T.self == Int8.self { integer(Int64(unsafeBitCast(v, to: Int8.self))); return }
        if T.self == UInt.self { unsigned(UInt64(unsafeBitCast(v, to: UInt.self))); return }
        if T.self == UInt64.self { unsigned(unsafeBitCast(v, to: UInt64.self)); return }
        if T.self == UInt32.self { unsigned(UInt64(unsafeBitCast(v, to: UInt32.self))); return }
        if T.self == UInt16.self { unsigned(UInt64(unsafeBitCast(v, to: UInt16.self))); return }
        if T.self == UInt8.self { unsigned(UInt64(unsafeBitCast(v, to: UInt8.self))); return }
        if T.self == Double.self || T.self == Float.self || T.self == Date.self || T.self == Data.self
            || T.self == URL.self || T.self == Decimal.self {
            throw FastJSONEncoder.Unsupported()
        }
        let level = Level(writer: self, start: out.count)
        try v.encode(to: level)
        try level.finish()
    }

    static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8), nullBytes = Array("null".utf8)

    func null() { out.append(contentsOf: Writer.nullBytes) }

    func integer(_ i: Int64) { JSONBytes.integer(i, into: &out) }

    func unsigned(_ u: UInt64) {
        if u <= UInt64(Int64.max) { integer(Int64(u)) } else { out.append(contentsOf: String(u).utf8) }
    }

    func string(_ s: String) { JSONBytes.string(s, into: &out) }
}

/// The encoder handed to one value's `encode(to:)`: it holds that value's single container.
private final class Level: Encoder {
    enum Kind { case none, keyed, unkeyed, single }
    let writer: Writer
    let start: Int
    var kind = Kind.none
    var failed = false
    /// Keyed: each entry's key and the byte range of its value in `writer.out`.
    var entries: [(key: String, start: Int, end: Int)] = []
    var count = 0

    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(writer: Writer, start: Int) {
        self.writer = writer
        self.start = start
    }

    private func become(_ k: Kind) {
        if kind == .none {
            kind = k
            if k == .unkeyed { writer.out.append(0x5B) }
        } else if kind != k || k == .single {
            failed = true
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        become(.keyed)
        return KeyedEncodingContainer(KeyedContainer<Key>(level: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        become(.unkeyed)
        return UnkeyedContainer(level: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        become(.single)
        return SingleContainer(level: self)
    }

    func check() throws {
        if failed { throw FastJSONEncoder.Unsupported() }
    }

    /// Keyed: one value under `key`.
    func entry(_ key: String, _ write: () throws -> Void) throws {
        try check()
        let s = writer.out.count
        try write()
        entries.append((key, s, writer.out.count))
    }

    /// Unkeyed: the next element.
    func element(_ write: () throws -> Void) throws {
        try check()
        if count > 0 { writer.out.append(0x2C) }
        count += 1
        try write()
    }

    func finish() throws {
        try check()
        switch kind {
        case .none: throw FastJSONEncoder.Unsupported() // JSONEncoder's own rules apply
        case .single: if writer.out.count == start { throw FastJSONEncoder.Unsupported() }
        case .unkeyed: writer.out.append(0x5D)
        case .keyed:
            let sorted = entries.sorted { $0.key < $1.key }
            for i in sorted.indices.dropFirst() where sorted[i].key == sorted[i - 1].key {
                throw FastJSONEncoder.Unsupported()
            }
            var obj = writer.scratch
            obj.removeAll(keepingCapacity: true)
            obj.append(0x7B)
            for (i, e) in sorted.enumerated() {
                if i > 0 { obj.append(0x2C) }
                JSONBytes.string(e.key, into: &obj)
                obj.append(0x3A)
                obj.append(contentsOf: writer.out[e.start..<e.end])
            }
            obj.append(0x7D)
            writer.out.removeSubrange(start...)
            writer.out.append(contentsOf: obj)
            writer.scratch = obj
        }
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let level: Level
    var codingPath: [CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.null() } }
    mutating func encode(_ value: Bool, forKey key: Key) throws { try level.entry(key.stringValue) { try level.writer.value(value) } }
    mutating func encode(_ value: String, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.string(value) } }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw FastJSONEncoder.Unsupported() }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw FastJSONEncoder.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.integer(Int64(value)) } }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.integer(Int64(value)) } }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.integer(Int64(value)) } }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.integer(Int64(value)) } }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.integer(value) } }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.unsigned(UInt64(value)) } }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try level.entry(key.stringValue) { level.writer.unsigned(value) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try level.entry(key.stringValue) { try level.writer.value(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        level.failed = true
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(level: level))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        level.failed = true
        return UnkeyedContainer(level: level)
    }
    mutating func superEncoder() -> Encoder { level.failed = true; return level }
    mutating func superEncoder(forKey key: Key) -> Encoder { level.failed = true; return level }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let level: Level
    var codingPath: [CodingKey] { [] }
    var count: Int { level.count }

    mutating func encodeNil() throws { try level.element { level.writer.null() } }
    mutating func encode(_ value: String) throws { try level.element { level.writer.string(value) } }
    mutating func encode(_ value: Int) throws { try level.element { level.writer.integer(Int64(value)) } }
    mutating func encode(_ value: Int64) throws { try level.element { level.writer.integer(value) } }
    mutating func encode(_ value: Double) throws { throw FastJSONEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw FastJSONEncoder.Unsupported() }
    mutating func encode(_ value: Bool) throws { try level.element { try level.writer.value(value) } }
    mutating func encode(_ value: Int8) throws { try level.element { try level.writer.value(value) } }
    mutating func encode(_ value: Int16) throws { try level.element { try level.writer.value(value) } }
    mutating func encode(_ value: Int32) throws { try level.element { try level.writer.value(value) } }
    mutating func encode(_ value: UInt) throws { try level.element { try level.writer.value(value) } }
    mutating func encode(_ value: UInt8) throws { try level.element { try level.writer.value(value) } }
    mutating func encode(_ value: UInt16) throws { try level.element { try level.writer.value(value) } }
    mutating func encode(_ value: UInt32) throws { try level.element { try level.writer.value(value) } }
    mutating func encode(_ value: UInt64) throws { try level.element { try level.writer.value(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try level.element { try level.writer.value(value) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        level.failed = true
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(level: level))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        level.failed = true
        return self
    }
    mutating func superEncoder() -> Encoder { level.failed = true; return level }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let level: Level
    var codingPath: [CodingKey] { [] }

    private func once(_ write: () throws -> Void) throws {
        try level.check()
        if level.writer.out.count != level.start { throw FastJSONEncoder.Unsupported() }
        try write()
    }

    mutating func encodeNil() throws { try once { level.writer.null() } }
    mutating func encode(_ value: String) throws { try once { level.writer.string(value) } }
    mutating func encode(_ value: Int64) throws { try once { level.writer.integer(value) } }
    mutating func encode(_ value: Int) throws { try once { level.writer.integer(Int64(value)) } }
    mutating func encode(_ value: Double) throws { throw FastJSONEncoder.Unsupported() }
    mutating func encode(_ value: Float) throws { throw FastJSONEncoder.Unsupported() }
    mutating func encode(_ value: Bool) throws { try once { try level.writer.value(value) } }
    mutating func encode(_ value: Int8) throws { try once { try level.writer.value(value) } }
    mutating func encode(_ value: Int16) throws { try once { try level.writer.value(value) } }
    mutating func encode(_ value: Int32) throws { try once { try level.writer.value(value) } }
    mutating func encode(_ value: UInt) throws { try once { try level.writer.value(value) } }
    mutating func encode(_ value: UInt8) throws { try once { try level.writer.value(value) } }
    mutating func encode(_ value: UInt16) throws { try once { try level.writer.value(value) } }
    mutating func encode(_ value: UInt32) throws { try once { try level.writer.value(value) } }
    mutating func encode(_ value: UInt64) throws { try once { try level.writer.value(value) } }
    mutating func encode<T: Encodable>(_ value: T) throws { try once { try level.writer.value(value) } }
}
