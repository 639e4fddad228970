import Foundation
import Testing
@testable import Wenxi

/// Shared data next to the project (`../shared`), absent in a user's clone: these tests skip then.
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")
    static func path(_ rel: String) -> String { root.appendingPathComponent(rel).path }
    static func exists(_ rel: String) -> Bool { FileManager.default.fileExists(atPath: path(rel)) }
}

/// Strings that are never article text: the newsletter widget, the related-links box, feed
/// footers, promos and embed notices found in the corpus.
let boilerplateStrings = [
    "訂閱《早安世界》", "請輸入正確的電子信箱格式", "感謝您的訂閱", "請輸入電子信箱", "延伸閱讀",
    "获取更多RSS", "feedx.net", "继续浏览后续", "汤森路透“信任原则”", "我们的标准：",
    "告知：第三方内容可能包含广告", "...more", "© 2020 AFP",
]

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
                let body = doc.paragraphs.joined(separator: "\n")
                collected.add(leaks: boilerplateStrings.filter { body.contains($0) }.map { "\(names[i]): \($0)" })
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
