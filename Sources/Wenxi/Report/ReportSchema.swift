/// JSON Schema (draft 2020-12) of `Report`. Placeholder until the schema issue work lands.
public enum ReportSchema {
    public static let json = #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}"#
}
