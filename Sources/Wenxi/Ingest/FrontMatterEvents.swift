internal import CYaml
import Foundation

/// The front matter of nearly every post — one mapping of plain keys to scalars and lists of
/// scalars — read from the events of libyaml, the C parser Yams is built on (Yams' `CYaml`
/// module), without Yams' `compose`: no `Node` tree, no `Tag` and `Event` objects, no Foundation
/// String per scalar, no `Dictionary` for the duplicate-key check. Only the values of the keys
/// ingest reads become Strings, cleaned straight from libyaml's bytes.
///
/// Anything outside that shape gives nil, and `PostParts` hands the whole front matter to Yams'
/// `compose` as before, so Yams alone decides errors and their messages (libyaml's errors,
/// duplicate keys, a second document), anchors, aliases, tags and nested mappings. Within the
/// shape the values are those `compose` gives: the same libyaml events and the scalars' bytes as
/// libyaml wrote them, with keys compared as Yams compares them (with the basic resolver every
/// untagged scalar key is a `str`; the keys are ASCII here, where equal bytes are equal Strings).
///
/// `CYaml` is a target of the Yams package, not one of its products: SwiftPM hands its module
/// map to every target that depends on Yams (Yams' public module needs it), which is what lets
/// this file import it. Should that ever stop, the one call in `PostParts.parseYAML` goes and
/// every front matter is Yams' again, with the same results.
enum FrontMatterEvents {
    /// The values of the keys `PostParts.Field` names, in order; nil: not the common shape.
    static func read(_ yaml: UnsafeBufferPointer<UInt8>) -> [(PostParts.Field, PostParts.FieldValue)]? {
        guard let base = yaml.baseAddress, !yaml.isEmpty else { return nil }
        // libyaml's parser points into itself (its read handler's data): it must not move.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, base, yaml.count)

        var event = yaml_event_t()
        defer { yaml_event_delete(&event) }
        /// The next event's type (`event` holds it); no event on an error.
        func next() -> yaml_event_type_t {
            yaml_event_delete(&event)
            return yaml_parser_parse(parser, &event) == 1 ? event.type : YAML_NO_EVENT
        }
        /// Whether `event` is a scalar without anchor or tag, whose value does not open with a
        /// byte-order mark (which a String made by Foundation might not keep).
        func isBareScalar() -> Bool {
            let s = event.data.scalar
            guard event.type == YAML_SCALAR_EVENT, s.anchor == nil, s.tag == nil else { return false }
            return !(s.length >= 3 && s.value[0] == 0xEF && s.value[1] == 0xBB && s.value[2] == 0xBF)
        }
        func scalarBytes() -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
        }
        func isPlainStyle() -> Bool { event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE }

        guard next() == YAML_STREAM_START_EVENT, next() == YAML_DOCUMENT_START_EVENT,
              next() == YAML_MAPPING_START_EVENT,
              event.data.mapping_start.anchor == nil, event.data.mapping_start.tag == nil else { return nil }
        var pairs: [(PostParts.Field, PostParts.FieldValue)] = []
        pairs.reserveCapacity(8)
        // The keys so far, end to end, for the duplicate-key check.
        var keys: [UInt8] = [], keyEnds: [Int] = []
        keys.reserveCapacity(128)
        keyEnds.reserveCapacity(16)
        while true {
            let type = next()
            if type == YAML_MAPPING_END_EVENT { break }
            guard isBareScalar() else { return nil }
            let key = scalarBytes()
            guard key.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0
            for end in keyEnds {
                if end - start == key.count,
                   key.isEmpty || memcmp(keys.withUnsafeBufferPointer { $0.baseAddress! + start }, key.baseAddress!, key.count) == 0 {
                    return nil
                }
                start = end
            }
            keys.append(contentsOf: key)
            keyEnds.append(keys.count)
            let field = PostParts.Field(key)

            switch next() {
            case YAML_SCALAR_EVENT:
                guard isBareScalar() else { return nil }
                if let field {
                    pairs.append((field, field.isList ? .list(PostParts.list(splitting: String(decoding: scalarBytes(), as: UTF8.self)))
                                                      : .text(PostParts.string(scalarBytes(), plain: isPlainStyle()))))
                }
            case YAML_SEQUENCE_START_EVENT:
                guard event.data.sequence_start.anchor == nil, event.data.sequence_start.tag == nil else { return nil }
                var items: [String] = []
                while next() != YAML_SEQUENCE_END_EVENT {
                    guard isBareScalar() else { return nil }
                    if field?.isList == true, let s = PostParts.string(scalarBytes(), plain: isPlainStyle()) { items.append(s) }
                }
                if let field { pairs.append((field, field.isList ? .list(items) : .text(nil))) }
            default:
                return nil
            }
        }
        guard next() == YAML_DOCUMENT_END_EVENT, next() == YAML_STREAM_END_EVENT else { return nil }
        return pairs
    }
}
