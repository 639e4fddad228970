import Foundation

/// A parsed JSON value that keeps booleans, integers and other numbers apart (JSONSerialization
/// on Linux does not), for schema validation and golden comparisons.
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}

/// Validates JSON against the subset of JSON Schema (2020-12) that `wenxi schema` uses:
/// type, properties, required, additionalProperties, items, enum, minimum, $ref to #/$defs.
/// Returns one message per violation, with a JSON-pointer-like path.
struct SchemaValidator {
    let root: JSONValue

    func validate(_ value: JSONValue) -> [String] {
        var errors: [String] = []
        check(value, against: root, path: "$", errors: &errors)
        return errors
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard case .string(let ref)? = schema["$ref"] else { return schema }
        let prefix = "#/$defs/"
        precondition(ref.hasPrefix(prefix), "unsupported $ref \(ref)")
        guard let target = root["$defs"]?[String(ref.dropFirst(prefix.count))] else {
            preconditionFailure("dangling $ref \(ref)")
        }
        return target
    }

    private func typeName(_ v: JSONValue) -> [String] {
        switch v {
        case .null: return ["null"]
        case .bool: return ["boolean"]
        case .int: return ["integer", "number"]
        case .number: return ["number"]
        case .string: return ["string"]
        case .array: return ["array"]
        case .object: return ["object"]
        }
    }

    private func check(_ value: JSONValue, against raw: JSONValue, path: String, errors: inout [String]) {
        let schema = resolve(raw)
        if case .array(let alts)? = schema["anyOf"] {
            let ok = alts.contains { alt in
                var e: [String] = []
                check(value, against: alt, path: path, errors: &e)
                return e.isEmpty
            }
            if !ok { errors.append("\(path): matches none of anyOf") }
            return
        }
        if let t = schema["type"] {
            var allowed: [String] = []
            if case .string(let s) = t { allowed = [s] }
            if case .array(let a) = t { allowed = a.compactMap { if case .string(let s) = $0 { return s } else { return nil } } }
            if Set(allowed).isDisjoint(with: typeName(value)) {
                errors.append("\(path): expected \(allowed.joined(separator: "|")), got \(typeName(value)[0])")
                return
            }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            errors.append("\(path): not one of the enum values")
        }
        if let minimum = schema["minimum"] {
            if case .int(let m) = minimum, case .int(let v) = value, v < m {
                errors.append("\(path): \(v) < minimum \(m)")
            }
        }
        switch value {
        case .object(let obj):
            let props: [String: JSONValue]
            if case .object(let p)? = schema["properties"] { props = p } else { props = [:] }
            if case .array(let req)? = schema["required"] {
                for case .string(let k) in req where obj[k] == nil {
                    errors.append("\(path): missing required key \(k)")
                }
            }
            for (k, v) in obj.sorted(by: { $0.key < $1.key }) {
                if let p = props[k] {
                    check(v, against: p, path: "\(path).\(k)", errors: &errors)
                } else if let extra = schema["additionalProperties"] {
                    if case .bool(false) = extra {
                        errors.append("\(path): unexpected key \(k)")
                    } else if case .object = extra {
                        check(v, against: extra, path: "\(path).\(k)", errors: &errors)
                    }
                }
            }
        case .array(let items):
            if let itemSchema = schema["items"] {
                for (i, v) in items.enumerated() {
                    check(v, against: itemSchema, path: "\(path)[\(i)]", errors: &errors)
                }
            }
        default:
            break
        }
    }
}
