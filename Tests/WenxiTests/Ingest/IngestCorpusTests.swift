import Foundation
import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

/// Shared data next to the project (`../shared`), absent in a user's clone: these tests skip then.
enum SharedData {
    static let root: URL = Fixtures.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static func path(_ rel: String) -> String { root.appendingPathComponent(rel).path }
    static func exists(_ rel: String) -> Bool { FileManager.default.fileExists(atPath: path(rel)) }
}

/// Strings that are never article text: the newsletter widget, the related-links box, feed
/// footers, promos and embed notices found in the corpus.
let boilerplateStrings = [
    "訂閱《早安世界》", "請輸入正確的電子信箱格式", "感謝您的訂閱", "請輸入電子信箱", "延伸閱讀",
    "获取更多RSS", "feedx.net", "继续浏览后续", "汤森路透“信任原则”", "我们的标准：",
    "告知：第三方内容可能包含广告", "...more", "© 2020 AFP", "Feed enhanced by Better Feed", "get_post_time(",
]

private let boilerplateBytes = boilerplateStrings.map { Array($0.utf8) }

/// Byte search with memchr/memcmp (fast even in debug builds, unlike String.contains).
func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
    return needle.withUnsafeBytes { n in
        haystack.withUnsafeBytes { h in
            let first = Int32(needle[0])
            var at = h.baseAddress!
            let last = h.baseAddress! + (h.count - n.count)
            while at <= last {
                guard let hit = memchr(at, first, last - at + 1) else { return false }
                if memcmp(hit, n.baseAddress!, n.count) == 0 { return true }
                at = UnsafeRawPointer(hit) + 1
            }
            return false
        }
    }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    var failures: [String] = []
    var leaks: [String] = []
    var documents = 0
    func add(failure: String? = nil, leaks more: [String] = []) {
        lock.lock(); defer { lock.unlock() }
        documents += 1
        if let failure { failures.append(failure) }
        leaks += more
    }
}

@Suite("Ingest: whole corpus and CNA answer key (../shared)")
struct IngestCorpusTests {
    @Test(.enabled(if: SharedData.exists("corpus/posts"), "needs ../shared/corpus/posts"))
    func corpusHasNoBoilerplateInAnyBody() throws {
        let dir = SharedData.path("corpus/posts")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.sorted()
        let collected = Collected()
        DispatchQueue.concurrentPerform(iterations: names.count) { i in
            let path = dir + "/" + names[i]
            guard let data = FileManager.default.contents(atPath: path) else {
                collected.add(failure: "\(names[i]): unreadable")
                return
            }
            do {
                let doc = try Ingestor.ingest(InputDocument(path: path, bytes: [UInt8](data)))
                let body = Array(doc.paragraphs.joined(separator: "\n").utf8)
                collected.add(leaks: boilerplateBytes.filter { occurs($0, in: body) }.map {
                    "\(names[i]): \(String(decoding: $0, as: UTF8.self))"
                })
            } catch {
                collected.add(failure: "\(names[i]): \(error)")
            }
        }
        #expect(collected.documents == names.count)
        #expect(names.count > 7000)
        #expect(collected.failures == [])
        #expect(collected.leaks == [])
    }

    /// Our body for the 30 CNA dev articles against the answer key's texts (the `<p>` text that
    /// `extract.py` keeps): nearly every key paragraph must be one of our paragraphs.
    @Test(.enabled(if: SharedData.exists("eval/cna_dev/files.txt") && SharedData.exists("corpus/posts"),
                   "needs ../shared/eval/cna_dev"))
    func cnaDevBodiesMatchTheAnswerKey() throws {
        let files = try String(contentsOfFile: SharedData.path("eval/cna_dev/files.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(files.count == 30)
        var keyParagraphs = 0, matched = 0, extra = 0
        var misses: [String] = []
        for (n, name) in files.enumerated() {
            let data = try #require(FileManager.default.contents(atPath: SharedData.path("corpus/posts/" + name)))
            let doc = try Ingestor.ingest(InputDocument(path: name, bytes: [UInt8](data)))
            let key = try String(contentsOfFile: SharedData.path(String(format: "eval/cna_dev/texts/%02d.txt", n + 1)), encoding: .utf8)
                .split(separator: "\n").compactMap { TextNormalizer.paragraph(String($0)) }
            let ours = Set(doc.paragraphs)
            keyParagraphs += key.count
            for p in key {
                if ours.contains(p) { matched += 1 } else { misses.append("\(n + 1): \(p)") }
            }
            extra += Set(doc.paragraphs).subtracting(key).count
        }
        let rate = Double(matched) / Double(keyParagraphs)
        #expect(rate >= 0.97, "matched \(matched)/\(keyParagraphs) key paragraphs; misses: \(misses)")
        #expect(extra <= files.count, "\(extra) paragraphs of ours are not in the key")
    }
}

@Suite("Ingest: corpus test helpers")
struct IngestCorpusHelperTests {
    @Test(arguments: [
        ("本文。訂閱《早安世界》電子報", "訂閱《早安世界》", true),
        ("本文。延伸閱", "延伸閱讀", false),
        ("延伸閱讀", "延伸閱讀", true),
        ("abc", "", true),
        ("ab", "abc", false),
    ])
    func occursFindsBytes(_ haystack: String, _ needle: String, _ expected: Bool) {
        #expect(occurs(Array(needle.utf8), in: Array(haystack.utf8)) == expected)
    }
}
