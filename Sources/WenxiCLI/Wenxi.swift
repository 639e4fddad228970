import ArgumentParser

@main
struct Wenxi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wenxi",
        abstract: "Turn Chinese news and government text into structured, checkable facts.",
        discussion: """
        Reads news posts (YAML front matter + HTML), HTML or plain text and writes one JSON
        report per document: clean text, sentences, tokens, and the people, agencies, money
        amounts and dates it mentions. stdout carries JSON only, so it pipes into jq.

        Example:
          wenxi analyze seeds/ | jq -r .meta.title
        """,
        subcommands: [Analyze.self, Segment.self, Summarize.self, Dict.self, Schema.self, Numbers.self],
        defaultSubcommand: nil
    )
}
