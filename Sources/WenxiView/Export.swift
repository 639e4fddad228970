import Foundation

/// Tables of reports for spreadsheets (`wenxi export`): one row per body entity, or one row per
/// document, as TSV or CSV, with a header row.
package enum Export {
    package enum Format: String, CaseIterable, Sendable {
        case tsv, csv
    }

    package enum Table: String, CaseIterable, Sendable {
        case entities, documents
    }

    /// Columns of `entities`: the document (`path`, and `report_id` in stream mode), then the
    /// entity. `value` is the exact value as in the report; `holder` is the money holder's
    /// canonical name (or text); `sentence_text` is the sentence the entity starts in.
    package static let entityColumns = ["path", "report_id", "type", "text", "canonical", "entity_id", "jurisdiction",
                                       "role", "holder", "value", "currency", "start", "end", "sentence_text"]
    /// Columns of `documents`: counts are body entities per type, and findings.
    package static let documentColumns = ["path", "report_id", "title", "date", "url", "characters", "sentences",
                                         "entities", "person", "agency", "organization", "place", "money",
                                         "quantity", "percent", "date_mentions", "findings"]

    package static func columns(_ table: Table) -> [String] {
        table == .entities ? entityColumns : documentColumns
    }

    /// The rows for one report (no header).
    package static func rows(_ report: JSON, table: Table) -> [[String]] {
        let path = report["source"]?["path"]?.string ?? ""
        let id = report["id"]?.scalarText ?? ""
        let entities = report["entities"]?.array ?? []
        switch table {
        case .entities:
            let sentences = report["sentences"]?.array ?? []
            return entities.map { e in
                let sentence = e["sentence"]?.int.flatMap { sentences.indices.contains($0) ? sentences[$0]["text"]?.string : nil }
                let holder = e["holder"].flatMap { h -> String? in
                    if h.isNull { return nil }
                    return h["canonical"]?.string ?? h["text"]?.string ?? Generic.inline(h)
                }
                return [path, id, e["type"]?.string, e["text"]?.string, e["canonical"]?.string, e["id"]?.scalarText,
                        e["jurisdiction"]?.scalarText, e["role"]?.scalarText, holder, e["value"]?.scalarText,
                        e["currency"]?.string, e["start"]?.scalarText, e["end"]?.scalarText, sentence].map { $0 ?? "" }
            }
        case .documents:
            var counts: [String: Int] = [:]
            for e in entities { counts[e["type"]?.string ?? "", default: 0] += 1 }
            let meta = report["meta"] ?? .null
            let stats = report["stats"] ?? .null
            var row = [path, id, meta["title"]?.string ?? "", meta["date"]?.string ?? "", meta["url"]?.string ?? "",
                       stats["characters"]?.scalarText ?? "", stats["sentences"]?.scalarText ?? "", String(entities.count)]
            for t in ["person", "agency", "organization", "place", "money", "quantity", "percent", "date"] {
                row.append(String(counts[t] ?? 0))
            }
            row.append(String(report["findings"]?.array.count ?? 0))
            return [row]
        }
    }

    /// One record, with its line end: CSV per RFC 4180 (a field holding `"`, `,`, CR or LF is
    /// quoted, `"` doubled; lines end in CRLF); TSV with `\` escapes (`\t`, `\n`, `\r`, `\\`)
    /// so that a field can never split a row.
    package static func line(_ fields: [String], format: Format) -> String {
        switch format {
        case .csv:
            return fields.map { f in
                guard f.utf8.contains(where: { $0 == 0x22 || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else { return f }
                return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }.joined(separator: ",") + "\r\n"
        case .tsv:
            return fields.map { f in
                guard f.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return f }
                var out = ""
                for c in f.unicodeScalars {
                    switch c {
                    case "\t": out += "\\t"
                    case "\n": out += "\\n"
                    case "\r": out += "\\r"
                    case "\\": out += "\\\\"
                    default: out.unicodeScalars.append(c)
                    }
                }
                return out
            }.joined(separator: "\t") + "\n"
        }
    }
}
