import ArgumentParser
import Foundation
import Wenxi
import WenxiBatch

struct Dict: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dict",
        abstract: "Check the dictionaries, or print their size and build time.",
        subcommands: [DictCheck.self, DictStats.self]
    )
}

struct DictCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate dictionaries; print every problem as file:line: message.",
        discussion: """
        Without FILE, checks the default dictionaries. With FILE, checks those files as
        --dictionary would load them (after the default dictionaries; a same id overrides) and
        prints the problems of those files only; --alone checks them without the defaults.
        stdout: one problem per line. stderr: a one-line summary. Exit status 1 when any problem.

        Examples:
          wenxi dict check
          wenxi dict check my-agencies.tsv | cut -d: -f1,2
        """
    )

    @Argument(help: "Dictionary files (TSV).")
    var files: [String] = []

    @Flag(help: "Check FILE without the default dictionaries.")
    var alone = false

    func run() throws {
        var defaults: [DictionaryFile] = []
        if files.isEmpty || !alone {
            let dir = try DictionaryLocator.defaultDirectoryOrExit()
            for path in DictionaryFolder.tsvFiles(in: dir) {
                defaults.append(try DictionaryChecker.load(path: path, name: "Dictionaries/" + (path as NSString).lastPathComponent))
            }
        }
        var user: [DictionaryFile] = []
        for path in files {
            guard FileManager.default.fileExists(atPath: path) else { throw WenxiError.malformed("\(path): no such file") }
            user.append(try DictionaryChecker.load(path: path, name: path))
        }
        var problems = try DictionaryChecker.check(defaults: defaults, user: user, cache: DictionaryLocator.foldCache())
        if !files.isEmpty {
            let names = Set(files)
            problems = problems.filter { names.contains($0.file) }
        }
        let out = StandardOutput()
        out.write(Data(problems.map { $0.description + "\n" }.joined().utf8))
        try out.finish()
        let checked = files.isEmpty ? defaults : user
        let entries = checked.reduce(0) { $0 + $1.entries.count }
        let summary = problems.isEmpty
            ? "wenxi dict check: \(checked.count) files, \(entries) entries, no problems\n"
            : "wenxi dict check: \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(Set(problems.map(\.file)).count) of \(checked.count) files (\(entries) entries)\n"
        writeStandardError(summary)
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

struct DictStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the dictionaries' size, load and automaton build time (JSON); optionally time matching.",
        discussion: """
        Examples:
          wenxi dict stats | jq '.load_ms + .build_ms'
          wenxi dict stats --match ../shared/corpus/posts | jq .match_mb_per_s
        """
    )

    @Option(name: .customLong("dictionary"), help: ArgumentHelp("A user dictionary to add (repeatable).", valueName: "FILE"))
    var dictionaries: [String] = []

    @Option(help: ArgumentHelp("Files or directories whose bodies to run the matcher over, to time it.", valueName: "PATH"))
    var match: [String] = []

    func run() throws {
        let lexicon = try Lexicon(directory: DictionaryLocator.defaultDirectoryOrExit(), extra: dictionaries, cache: DictionaryLocator.foldCache())
        var stats: [String: Double] = [
            "entries": Double(lexicon.entries.count),
            "patterns": Double(lexicon.refs.count),
            "states": Double(lexicon.automaton.stateCount),
            "alphabet": Double(lexicon.automaton.alphabetSize),
            "simplified_pairs": Double(lexicon.fold.simplifiedPairs),
            "load_ms": (lexicon.loadSeconds * 1e5).rounded() / 100,
            "build_ms": (lexicon.buildSeconds * 1e5).rounded() / 100,
            "load_cpu_ms": (lexicon.loadCPUSeconds * 1e5).rounded() / 100,
            "build_cpu_ms": (lexicon.buildCPUSeconds * 1e5).rounded() / 100,
        ]
        for (name, secs) in lexicon.buildPhases { stats["build_ms_\(name)"] = (secs * 1e5).rounded() / 100 }
        if !match.isEmpty {
            let timing = try MatchTiming.run(lexicon: lexicon, paths: match)
            stats.merge(timing) { $1 }
        }
        var data = try JSONSerialization.data(withJSONObject: stats, options: [.sortedKeys])
        data.append(0x0A)
        let out = StandardOutput()
        out.write(data)
        try out.finish()
    }
}

/// Times the matcher over document bodies (ingested as `wenxi analyze` would).
enum MatchTiming {
    static func run(lexicon: Lexicon, paths: [String]) throws -> [String: Double] {
        let inputs = InputCollector.collect(paths, onError: { p, e in reportError(path: p, e) })
        var bodies: [TextBuffer] = []
        var bytes = 0
        for input in inputs {
            guard let doc = try? input.read(), let ingested = try? Ingestor.ingest(doc) else { continue }
            let body = ingested.paragraphs.joined(separator: "\n")
            bytes += body.utf8.count
            bodies.append(TextBuffer(body))
        }
        let segmenter = try Segmenter()
        let tagger = EntityTagger(lexicon: lexicon)
        var found = 0
        let t0 = Date(), c0 = threadCPUSeconds()
        for b in bodies { found += lexicon.automaton.scan(b.scalars).count }
        let scan = Date().timeIntervalSince(t0), scanCPU = threadCPUSeconds() - c0
        // Tagging is timed per document, as the pipeline runs it (ICU segmentation, which the
        // tagger needs, is done just before and not timed).
        var entities = 0
        var tag = 0.0, tagCPU = 0.0
        for b in bodies {
            let context = TaggingContext(text: b, sentences: [], tokens: try segmenter.tokenSpans(b), meta: Meta())
            let t1 = Date(), c1 = threadCPUSeconds()
            entities += tagger.tag(context).count
            tag += Date().timeIntervalSince(t1)
            tagCPU += threadCPUSeconds() - c1
        }
        let mb = Double(bytes) / 1_000_000
        return [
            "match_documents": Double(bodies.count),
            "match_mb": (mb * 100).rounded() / 100,
            "match_raw_hits": Double(found),
            "match_mb_per_s": (mb / scan * 10).rounded() / 10,
            "tag_entities": Double(entities),
            "tag_mb_per_s": (mb / tag * 10).rounded() / 10,
            "match_cpu_mb_per_s": (mb / scanCPU * 10).rounded() / 10,
            "tag_cpu_mb_per_s": (mb / tagCPU * 10).rounded() / 10,
        ]
    }
}
