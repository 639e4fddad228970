import ArgumentParser

@main
struct Wenxi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wenxi",
        abstract: "Turn Chinese news and government text into structured, checkable facts.",
        discussion: """
        Reads news posts (YAML front matter + HTML), HTML or plain text and writes one JSON report per document: clean text, sentences, tokens, and the people, agencies, organizations, places, money amounts, quantities and dates it mentions, each with its offsets and its source. stdout carries JSON only, so it pipes into jq; errors go to stderr as `wenxi: error: PATH: reason`.

        Offsets are Unicode scalar offsets into the report's `text`: in jq, `.text[.start:.end]` gives a span back.

        Examples:
          wenxi analyze seeds/ | jq -r .meta.title
          wenxi analyze posts/ | jq -c '.entities[] | [.type, .text, .canonical]'
          wenxi analyze posts/ | jq '.summary.money_totals'
          wenxi analyze posts/ > reports.jsonl && wenxi summarize reports.jsonl
          wenxi analyze posts/ | wenxi view --out view    # then open view/index.html
          wenxi analyze posts/ | wenxi export --format csv > entities.csv
          wenxi schema > report.schema.json
        """,
        subcommands: [Analyze.self, Segment.self, Summarize.self, View.self, ExportCommand.self, Dict.self, Schema.self, Numbers.self],
        defaultSubcommand: nil
    )
}
