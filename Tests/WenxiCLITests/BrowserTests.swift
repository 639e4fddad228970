import Foundation
import Testing

/// Headless Chromium (Debian's `chromium`, installed by scripts/deps), for tests that load the
/// pages of `wenxi view` from disk as a person would.
enum Browser {
    /// `$WENXI_CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on PATH.
    static let path: String? = {
        let env = ProcessInfo.processInfo.environment
        if let p = env["WENXI_CHROMIUM"], FileManager.default.isExecutableFile(atPath: p) { return p }
        for dir in (env["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
                let p = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: p) { return p }
            }
        }
        return nil
    }()

    static var available: Bool { path != nil }

    /// Where screenshots go: `$WENXI_SCREENSHOTS`, else `.build/screenshots` of the package.
    static var screenshots: URL {
        if let d = ProcessInfo.processInfo.environment["WENXI_SCREENSHOTS"] { return URL(fileURLWithPath: d) }
        return CLI.packageRoot.appendingPathComponent(".build/screenshots")
    }

    /// Runs Chromium headless on `url` with `args`; returns stdout. Each run has its own profile
    /// folder, and is killed after `timeout` seconds.
    static func run(_ args: [String], url: URL, timeout: TimeInterval = 120) throws -> String {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("wenxi-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                       "--user-data-dir=\(tmp.path)/profile"] + args + [url.absoluteString]
        let outURL = tmp.appendingPathComponent("out")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning {
            p.terminate()
            p.waitUntilExit()
            throw BrowserError(message: "chromium did not finish within \(Int(timeout)) s on \(url.path)")
        }
        try out.close()
        return String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
    }

    /// The DOM after the page's scripts ran, serialized.
    static func dumpDOM(_ url: URL) throws -> String {
        try run(["--dump-dom"], url: url)
    }

    /// Saves a PNG of the page's first `height` pixels at 1280 px wide.
    static func screenshot(_ url: URL, name: String, height: Int = 1400) throws -> URL {
        try FileManager.default.createDirectory(at: screenshots, withIntermediateDirectories: true)
        let png = screenshots.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: png)
        _ = try run(["--screenshot=\(png.path)", "--window-size=1280,\(height)"], url: url)
        return png
    }

    struct BrowserError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// A highlight as serialized in the DOM.
struct Highlight {
    var part: String
    var index: Int
    var type: String
    var text: String
}

/// The `<mark class="e">` highlights of a serialized DOM, in document order.
func highlights(in dom: String) -> [Highlight] {
    let mark = try! NSRegularExpression(pattern: "<mark class=\"e\"([^>]*)>([^<]*)</mark>")
    let attr = try! NSRegularExpression(pattern: "\\s(data-part|data-i|data-type)=\"([^\"]*)\"")
    let ns = dom as NSString
    return mark.matches(in: dom, range: NSRange(location: 0, length: ns.length)).map { m in
        let attrs = ns.substring(with: m.range(at: 1))
        var values: [String: String] = [:]
        let an = attrs as NSString
        for a in attr.matches(in: attrs, range: NSRange(location: 0, length: an.length)) {
            values[an.substring(with: a.range(at: 1))] = htmlUnescape(an.substring(with: a.range(at: 2)))
        }
        return Highlight(part: values["data-part"] ?? "", index: Int(values["data-i"] ?? "") ?? -1,
                         type: values["data-type"] ?? "", text: htmlUnescape(ns.substring(with: m.range(at: 2))))
    }
}

func htmlUnescape(_ s: String) -> String {
    s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&nbsp;", with: "\u{A0}").replacingOccurrences(of: "&amp;", with: "&")
}

func count(_ needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}

func isPNG(_ url: URL) -> Bool {
    guard let d = FileManager.default.contents(atPath: url.path), d.count > 10_000 else { return false }
    return Array(d.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
}

@Suite("Browser: wenxi view in headless Chromium", .serialized,
       .enabled(if: Browser.available, "chromium not found: scripts/deps installs it (Debian package chromium), or set WENXI_CHROMIUM"))
struct BrowserTests {
    @Test func seedPageHighlightsEveryEntityOnceWithItsType() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let (a, v) = try analyzeAndView(["seeds/"], out: d.path + "/v")
        #expect(v.status == 0, "\(v.stderr)")
        let report = try #require(jsonLines(a.stdout).first)
        let entities = report["entities"] as? [[String: Any]] ?? []
        let titleEntities = report["title_entities"] as? [[String: Any]] ?? []
        #expect(entities.count > 20)

        let page = URL(fileURLWithPath: d.path + "/v/reports/seeds_000_4178ea0d03230c78.txt.html")
        let dom = try Browser.dumpDOM(page)
        #expect(dom.contains("id=\"text\""), "no page: \(dom.prefix(300))")
        let marks = highlights(in: dom)
        let body = marks.filter { $0.part == "body" }
        #expect(body.map(\.index) == Array(entities.indices), "each body entity once, in order")
        for m in body where entities.indices.contains(m.index) {
            #expect(m.type == entities[m.index]["type"] as? String)
            #expect(m.text == entities[m.index]["text"] as? String)
        }
        #expect(marks.filter { $0.part == "title" }.count == titleEntities.count)
        // Every element carrying data-type is one of those highlights.
        #expect(count(" data-type=\"", in: dom) == marks.count)
        // Tooltips name canonical, id and source.
        #expect(dom.contains("data-tip=\"agency\ncanonical: 桃園市政府\nid: agency:tw.loc.tyc\n"))
        // The legend names each type; the side panel holds the summary.
        for type in Set(entities.compactMap { $0["type"] as? String }) {
            #expect(dom.contains("data-legend=\"\(type)\""), "legend lacks \(type)")
        }
        #expect(dom.contains("id=\"summary\"") && dom.contains("data-summary=\"agency\"") && dom.contains("id=\"money-by-role\""))
        #expect(dom.contains("id=\"related\""))

        let png = try Browser.screenshot(page, name: "report.png")
        #expect(isPNG(png), "no screenshot at \(png.path)")
    }

    @Test func corpusPageDrawsChartsAndTheList() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        try Corpus.generate(30, in: d)
        let (a, v) = try analyzeAndView([d.path, "seeds/"], out: d.path + "/v")
        #expect(v.status == 0, "\(v.stderr)")
        let n = jsonLines(a.stdout).count
        let index = URL(fileURLWithPath: d.path + "/v/index.html")
        let dom = try Browser.dumpDOM(index)
        #expect(dom.contains("data-list=\"ready\""), "the list script did not run")
        for chart in ["chart-days", "chart-person", "chart-agency", "chart-organization", "chart-money-currency",
                      "chart-money-role", "chart-money-holder"] {
            #expect(dom.contains("<svg class=\"chart-svg\" id=\"\(chart)\""), "no chart \(chart)")
        }
        #expect(count("<rect class=\"bar", in: dom) > 10)
        #expect(dom.contains("id=\"docs-info\">documents 1–\(n) of \(n)<"))
        #expect(dom.contains("href=\"reports/seeds_000_4178ea0d03230c78.txt.html\""))

        let png = try Browser.screenshot(index, name: "index.png", height: 1600)
        #expect(isPNG(png), "no screenshot at \(png.path)")
    }

    @Test func tenThousandDocumentsArePagedAndSearchable() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        var lines = ""
        for i in 0..<10_000 {
            let name = String(format: "doc-%05d.md", i)
            lines += "{\"source\":{\"path\":\"\(name)\"},\"meta\":{\"title\":\"標題\(i)\",\"date\":\"2020-0\(1 + i % 9)-1\(i % 10)\"},"
            lines += "\"text\":\"市府說明\",\"entities\":[{\"type\":\"agency\",\"text\":\"市府\",\"canonical\":\"機關\(i % 50)\",\"start\":0,\"end\":2}]}\n"
        }
        let v = try CLI.run(["view", "--out", d.path + "/v"], stdin: Data(lines.utf8))
        #expect(v.status == 0, "\(v.stderr)")
        let index = URL(fileURLWithPath: d.path + "/v/index.html")
        let dom = try Browser.dumpDOM(index)
        #expect(dom.contains("id=\"docs-info\">documents 1–100 of 10000<"))
        #expect(count("<a href=\"reports/doc-", in: dom) >= 100)
        // `#q=` searches: one title matches.
        let search = try Browser.dumpDOM(URL(string: index.absoluteString + "#q=doc-09999")!)
        #expect(search.contains("id=\"docs-info\">documents 1–1 of 1 (search: 10000 in all)<"))
        #expect(search.contains("<td><a href=\"reports/doc-09999.md.html\">標題9999</a></td>"))
        // Names are searchable too: 機關7 is named in 200 documents.
        let byName = try Browser.dumpDOM(URL(string: index.absoluteString + "#q=%E6%A9%9F%E9%97%9C7")!)
        #expect(byName.contains("of 200 (search: 10000 in all)<"))
    }

    @Test func scriptInAnArticleShowsAsTextAndRunsNothing() throws {
        let d = try Scratch()
        defer { d.cleanup() }
        let marker = "document.body.setAttribute('data-pwned','1')"
        let post = try d.write("in/evil.md", """
        ---
        title: "<img src=x onerror=\\"\(marker)\\">標題"
        date: 2023-09-19
        ---
        <p>市府說&lt;script&gt;alert(1)&lt;/script&gt;預算，&lt;script&gt;\(marker)&lt;/script&gt;結束。</p>
        <p>&lt;img src=x onerror=&quot;\(marker)&quot;&gt;</p>

        """)
        let (a, v) = try analyzeAndView([post], out: d.path + "/v")
        #expect(v.status == 0, "\(v.stderr)")
        let report = try #require(jsonLines(a.stdout).first)
        #expect((report["text"] as? String)?.contains("<script>alert(1)</script>") == true, "the article must hold the script text")

        // The marker text is in the article; the attribute it sets would show as data-pwned="1".
        let ran = "data-pwned=\""
        let pages = try FileManager.default.contentsOfDirectory(atPath: d.path + "/v/reports")
        #expect(pages.count == 1)
        let page = URL(fileURLWithPath: d.path + "/v/reports/" + pages[0])
        let dom = try Browser.dumpDOM(page)
        #expect(dom.contains("id=\"text\""))
        #expect(dom.contains("setAttribute('data-pwned','1')"))
        #expect(!dom.contains(ran), "a script from the article ran")
        #expect(!dom.contains("<script") && !dom.contains("<img"))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(dom.contains("&lt;img src=x onerror="))

        let indexDOM = try Browser.dumpDOM(URL(fileURLWithPath: d.path + "/v/index.html"))
        #expect(indexDOM.contains("data-list=\"ready\""))
        #expect(!indexDOM.contains(ran))
        #expect(count("<script", in: indexDOM) == 2, "only the page's own data block and list script")
        #expect(!indexDOM.contains("<img"))
    }
}
