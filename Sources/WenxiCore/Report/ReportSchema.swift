/// JSON Schema (draft 2020-12) of `Report`, printed by `wenxi schema`. The tests validate real
/// reports against it, so it must change together with the types in this folder.
public enum ReportSchema {
    /// The schema text.
    public static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://wenxi.dev/schema/report-1.json",
  "title": "Wenxi report",
  "description": "One analysed document. Offsets (start, end) are Unicode scalar offsets into `text`, half-open: in jq, .text[.start:.end] gives the span back.",
  "type": "object",
  "required": ["schema", "source", "meta", "text", "paragraphs", "sentences", "stats", "entities", "title_entities", "captions", "related", "summary", "findings"],
  "additionalProperties": false,
  "properties": {
    "schema": {"type": "string", "enum": ["wenxi.report/2"], "description": "Report schema version."},
    "id": {"type": "string", "description": "The input line's id (stream mode only)."},
    "source": {
      "type": "object",
      "required": ["path", "bytes", "sha256", "encoding", "format"],
      "additionalProperties": false,
      "properties": {
        "path": {"type": "string", "description": "Path as given, - for stdin, or the stream id."},
        "bytes": {"type": "integer", "minimum": 0, "description": "Size of the raw input."},
        "sha256": {"type": "string", "description": "Hex SHA-256 of the raw input bytes."},
        "encoding": {"type": "string", "description": "Encoding the input was read in."},
        "format": {"type": "string", "enum": ["post", "html", "text"], "description": "What the input was recognised as."}
      }
    },
    "meta": {
      "type": "object",
      "required": ["tags", "categories"],
      "additionalProperties": false,
      "properties": {
        "title": {"type": "string"},
        "date": {"type": "string"},
        "author": {"type": "string"},
        "url": {"type": "string"},
        "tags": {"type": "array", "items": {"type": "string"}},
        "categories": {"type": "array", "items": {"type": "string"}}
      }
    },
    "text": {"type": "string", "description": "The body text: paragraphs joined by a newline."},
    "paragraphs": {"type": "array", "items": {"$ref": "#/$defs/span"}},
    "sentences": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["start", "end", "text"],
        "additionalProperties": false,
        "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}, "text": {"type": "string"}}
      }
    },
    "tokens": {
      "type": "array",
      "description": "Only with --include tokens.",
      "items": {
        "type": "object",
        "required": ["start", "end", "text", "kind"],
        "additionalProperties": false,
        "properties": {
          "start": {"type": "integer", "minimum": 0},
          "end": {"type": "integer", "minimum": 0},
          "text": {"type": "string"},
          "kind": {"type": "string", "enum": ["word", "number", "letter", "punctuation", "space", "other"]},
          "entity": {"type": "boolean", "description": "The token was re-cut to an entity's edges."}
        }
      }
    },
    "stats": {
      "type": "object",
      "required": ["characters", "paragraphs", "sentences", "tokens"],
      "additionalProperties": false,
      "properties": {
        "characters": {"type": "integer", "minimum": 0},
        "paragraphs": {"type": "integer", "minimum": 0},
        "sentences": {"type": "integer", "minimum": 0},
        "tokens": {"type": "integer", "minimum": 0}
      }
    },
    "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
    "title_entities": {"type": "array", "description": "Entities of meta.title; offsets into the title.", "items": {"$ref": "#/$defs/entity"}},
    "captions": {"type": "array", "items": {"type": "string"}},
    "related": {
      "type": "array",
      "items": {
        "type": "object", "required": ["title", "url", "entities"], "additionalProperties": false,
        "properties": {
          "title": {"type": "string"},
          "url": {"type": "string"},
          "entities": {"type": "array", "description": "Entities of the link's title; offsets into it.", "items": {"$ref": "#/$defs/entity"}}
        }
      }
    },
    "byline": {
      "type": "object",
      "required": ["agency", "reporters", "text", "start", "end"],
      "additionalProperties": false,
      "properties": {
        "agency": {"type": "string"},
        "reporters": {"type": "array", "items": {"type": "string"}},
        "place": {"type": "string"},
        "date": {"type": "string"},
        "text": {"type": "string"},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0}
      }
    },
    "credits": {
      "type": "object",
      "required": ["editors", "translators", "checkers"],
      "additionalProperties": false,
      "properties": {
        "editors": {"type": "array", "items": {"type": "string"}},
        "translators": {"type": "array", "items": {"type": "string"}},
        "checkers": {"type": "array", "items": {"type": "string"}},
        "date_code": {"type": "string"},
        "date": {"type": "string"}
      }
    },
    "summary": {
      "type": "object",
      "required": ["entities", "money_totals", "money_by_role", "money_by_holder", "largest_amounts", "dates"],
      "additionalProperties": false,
      "properties": {
        "entities": {
          "type": "object",
          "additionalProperties": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["canonical", "mentions", "forms"],
              "additionalProperties": false,
              "properties": {
                "canonical": {"type": "string"},
                "id": {"type": "string"},
                "mentions": {"type": "integer", "minimum": 1},
                "forms": {"type": "array", "items": {"type": "string"}},
                "first_sentence": {"type": "integer", "minimum": 0, "description": "First body sentence naming it; absent when only the headline does."},
                "in_title": {"type": "boolean", "description": "The headline names it."},
                "jurisdiction": {"type": "string", "pattern": "^([A-Z]{2}|intl)$", "description": "Agencies: the body's jurisdiction."}
              }
            }
          }
        },
        "money_totals": {"type": "object", "description": "Per currency; conversions (equivalent_of) are not added.", "additionalProperties": {"$ref": "#/$defs/exact"}},
        "money_by_role": {
          "type": "object",
          "description": "Per currency, then per money role: .money_by_role.TWD.budget.",
          "additionalProperties": {"type": "object", "additionalProperties": {"$ref": "#/$defs/exact"}}
        },
        "money_by_holder": {
          "type": "array",
          "description": "Per holder (canonical name, else text), role and currency, in order of first mention.",
          "items": {
            "type": "object",
            "required": ["holder", "role", "currency", "total", "amounts"],
            "additionalProperties": false,
            "properties": {
              "holder": {"type": "string"},
              "id": {"type": "string"},
              "role": {"type": "string"},
              "currency": {"type": "string"},
              "total": {"$ref": "#/$defs/exact"},
              "amounts": {"type": "integer", "minimum": 1}
            }
          }
        },
        "largest_amounts": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["text", "value", "currency", "sentence", "sentence_text"],
            "additionalProperties": false,
            "properties": {
              "text": {"type": "string"},
              "value": {"$ref": "#/$defs/exact"},
              "currency": {"type": "string"},
              "sentence": {"type": "integer", "minimum": 0},
              "sentence_text": {"type": "string"},
              "role": {"type": "string"},
              "holder": {"type": "string", "description": "The holder's canonical name, else its text."}
            }
          }
        },
        "dates": {"type": "array", "items": {"type": "string"}}
      }
    },
    "findings": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["code", "message"],
        "additionalProperties": false,
        "properties": {
          "code": {"type": "string"},
          "message": {"type": "string"},
          "offset": {"type": "integer", "minimum": 0},
          "line": {"type": "integer", "minimum": 1}
        }
      }
    }
  },
  "$defs": {
    "span": {
      "type": "object", "required": ["start", "end"], "additionalProperties": false,
      "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}}
    },
    "exact": {
      "description": "An exact decimal: a JSON integer when whole, otherwise a decimal string such as \"0.66\".",
      "type": ["integer", "string"]
    },
    "entity": {
      "type": "object",
      "required": ["type", "text", "start", "end", "sentence", "source"],
      "additionalProperties": false,
      "properties": {
        "type": {"type": "string", "description": "person, agency, organization, place, money, quantity, percent, date"},
        "text": {"type": "string"},
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "sentence": {"type": "integer", "minimum": 0},
        "source": {"type": "string", "description": "Dictionary file and line, or rule:NAME."},
        "canonical": {"type": "string"},
        "id": {"type": "string"},
        "parent": {"type": "string"},
        "level": {"type": "string"},
        "ambiguous": {"type": "boolean"},
        "candidates": {"type": "array", "items": {"type": "string"}},
        "jurisdiction": {"type": "string", "pattern": "^([A-Z]{2}|intl)$", "description": "Agencies: ISO 3166-1 alpha-2 code of the government the body belongs to, or intl."},
        "jurisdiction_source": {"type": "string", "description": "What decided the jurisdiction: name, prefix, back-reference, context, dateline, title, script."},
        "value": {"$ref": "#/$defs/exact"},
        "currency": {"type": "string"},
        "unit": {"type": "string"},
        "qualifier": {"type": "string"},
        "range_to": {"$ref": "#/$defs/exact"},
        "inferred": {"type": "boolean"},
        "date": {"type": "string"},
        "role": {"type": "string", "description": "Money: budget, subsidy, fine, compensation, price, revenue, profit, loss, investment, market_value, donation, salary, cost, assets, debt, other. Persons: staff (bylines, credit lines)."},
        "holder": {
          "type": "object",
          "description": "Money: the entity mention the amount belongs to.",
          "required": ["text", "start", "end", "type"],
          "additionalProperties": false,
          "properties": {
            "text": {"type": "string"},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
            "type": {"type": "string", "enum": ["agency", "organization", "person", "place"]},
            "canonical": {"type": "string"},
            "id": {"type": "string"}
          }
        },
        "equivalent_of": {"$ref": "#/$defs/span", "description": "Money: offsets of the amount this one converts (not added again in totals)."}
      }
    }
  }
}
"""#
}
