import Foundation
import Testing
import Wenxi

/// The library reads only what it is given: the dictionary folder and cache passed as arguments,
/// never the environment, the home folder or the current directory (the command finds those).
@Suite struct LibraryInputsTests {
    /// In a child process with WENXI_DICTIONARIES and WENXI_CACHE_DIR pointing at nonsense, HOME
    /// and the current directory empty scratch folders: loading from an explicit URL works, the
    /// analysis finds its entities, and nothing is written anywhere. Exit code = failed step.
    @Test func loadsOnlyTheFolderItIsGivenAndWritesNothing() async {
        await #expect(processExitsWith: .exitCode(0)) {
            exit(LibraryInputsTests.isolatedRun())
        }
    }

    static func isolatedRun() -> Int32 {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-lib-\(UUID().uuidString)")
        let home = scratch.appendingPathComponent("home"), cwd = scratch.appendingPathComponent("cwd")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for d in [home, cwd] {
            guard (try? FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)) != nil else { return 10 }
        }
        setenv("WENXI_DICTIONARIES", "/nonexistent/garbage", 1)
        setenv("WENXI_CACHE_DIR", scratch.appendingPathComponent("env-cache").path, 1)
        setenv("HOME", home.path, 1)
        guard FileManager.default.changeCurrentDirectoryPath(cwd.path) else { return 11 }

        guard let resources = try? Resources(dictionaries: Fixtures.dictionaries),
              let analyzer = try? Analyzer(resources: resources),
              let report = try? analyzer.analyze(InputDocument(path: "t.txt", bytes: Array("桃園市政府今天宣布，市長張善政出席。".utf8)))
        else { return 1 }
        guard report.entities.contains(where: { $0.canonical == "桃園市政府" }) else { return 2 }
        // Nothing under HOME, the current directory, or the environment's cache folder.
        let written = (try? FileManager.default.contentsOfDirectory(atPath: home.path).count) ?? -1
        let inCwd = (try? FileManager.default.contentsOfDirectory(atPath: cwd.path).count) ?? -1
        guard written == 0 else { return 3 }
        guard inCwd == 0 else { return 4 }
        guard !FileManager.default.fileExists(atPath: scratch.appendingPathComponent("env-cache").path) else { return 5 }
        return 0
    }

    /// A cache passed as an argument is written when writable, then read: the compiled fold is
    /// the same with and without it; a read-only cache is never written.
    @Test func foldCacheIsUsedOnlyWhereGiven() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dir = Fixtures.dictionaries.path
        let readOnly = scratch.appendingPathComponent("ro")
        _ = try Lexicon(directory: dir, cache: FoldCache(directory: readOnly, writable: false))
        #expect(!FileManager.default.fileExists(atPath: readOnly.path))

        let cache = FoldCache(directory: scratch.appendingPathComponent("rw"), writable: true)
        let plain = try Lexicon(directory: dir)
        let first = try Lexicon(directory: dir, cache: cache)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
        #expect(files.count == 1 && files[0].hasPrefix("simplified-icu"))
        let second = try Lexicon(directory: dir, cache: cache)
        let sample = Array("台湾发展委員會说明国家".unicodeScalars)
        #expect(plain.fold.fold(sample) == first.fold.fold(sample))
        #expect(second.fold.fold(sample) == plain.fold.fold(sample))
        #expect(second.fold.simplifiedPairs == plain.fold.simplifiedPairs)
    }
}
