import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch

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
          wenxi analyze seeds/ | jq -c '.entities[] | [.type, .text, .canonical]'
          wenxi analyze seeds/ | jq '.summary.money_by_role'
          wenxi analyze seeds/ > reports.jsonl && wenxi summarize reports.jsonl
          wenxi analyze seeds/ | wenxi view --out view    # then open view/index.html
          wenxi analyze seeds/ | wenxi export --format csv > entities.csv
          wenxi schema > report.schema.json
          wenxi --version
        """,
        subcommands: [Analyze.self, Segment.self, Summarize.self, View.self, ExportCommand.self, Dict.self, Schema.self, Numbers.self],
        defaultSubcommand: nil
    )

    @Flag(help: "Print the versions of wenxi and ICU and the dictionary set in force (entries, SHA-256), then exit.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        let out = StandardOutput()
        out.write(Data("wenxi \(VersionInfo.wenxiVersion)\nICU \(VersionInfo.icuVersion), Unicode \(VersionInfo.unicodeVersion)\n".utf8))
        do {
            let d = try DictionaryFingerprint(directory: DictionaryLocator.defaultDirectory())
            out.write(Data("dictionaries: \(d.files.count) files, \(d.entries) entries, sha256 \(d.sha256)\ndictionary folder: \(d.directory)\n".utf8))
        } catch {
            writeStandardError("wenxi: error: \(error)\n")
            throw ExitCode(2)
        }
    }
}
