import Testing
@testable import WenxiCore
@testable import Wenxi
@testable import WenxiBatch

@Suite("Ingest: HTML body extraction")
struct IngestHTMLTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let html: String
        let paragraphs: [String]
        var captions: [String] = []
        var related: [Link] = []
        var testDescription: String { name }
    }

    static let widget = """
        <div class="SubscriptionInner mySubscriptionInner" data-listid="2"><div class="subscriInnTitle">訂閱《早安世界》電子報 每天3分鐘掌握10件天下事</div><div class="subsinput mySubsInput"><input type="text" class="myEpaperInputInner" placeholder="請輸入電子信箱"><div class="errorMsg myErrorMsgInner"><img src="error.svg" alt=""> 請輸入正確的電子信箱格式</div></div><a class="subslink" href="javascript:">訂閱</a><div class="endMsg"><div class="endcheck"><svg viewBox="0 0 5 5"><path class="circle" d="M1,1"></path></svg></div><div>感謝您的訂閱！</div></div></div>
        """

    static let cases: [Case] = [
        Case(name: "paragraphs in order", html: "<div><p>第一段。</p><p>第二段。</p>\n<p>第三段。</p></div>",
             paragraphs: ["第一段。", "第二段。", "第三段。"]),
        Case(name: "newsletter widget, double quotes", html: "<p>前段。</p>" + widget + "<p>後段。</p>",
             paragraphs: ["前段。", "後段。"]),
        Case(name: "newsletter widget, single quotes and bare attributes",
             html: "<p>前段。</p><div class='SubscriptionInner'><div class=subscriInnTitle>訂閱《早安世界》電子報</div><div class=errorMsg>請輸入正確的電子信箱格式</div><div>感謝您的訂閱！</div></div><p>後段。</p>",
             paragraphs: ["前段。", "後段。"]),
        Case(name: "related-links box",
             html: "<p>本文。</p><div class='paragraph moreArticle'><div class='moreArticle-title'>延伸閱讀</div><a class='moreArticle-link' href='https://a.tw/1'><i class='icon-dot'></i><span>相關新聞一</span></a><a class='moreArticle-link' href='https://a.tw/2'><span>相關 &amp; 新聞二</span></a></div>",
             paragraphs: ["本文。"],
             related: [Link(title: "相關新聞一", url: "https://a.tw/1"), Link(title: "相關 & 新聞二", url: "https://a.tw/2")]),
        Case(name: "BBC list of story links between paragraphs",
             html: "<p>甲。</p><ul class=\"story-body__unordered-list\"><li class=\"story-body__list-item\"><a href=\"https://b.co/1\" class=\"story-body__link\">相關報導一</a></li><li class=\"story-body__list-item\"><a href=\"https://b.co/2\" class=\"story-body__link\">相關報導二</a></li></ul><p>乙。</p>",
             paragraphs: ["甲。", "乙。"],
             related: [Link(title: "相關報導一", url: "https://b.co/1"), Link(title: "相關報導二", url: "https://b.co/2")]),
        Case(name: "bullet list and unstyled link list stay body text",
             html: "<ul class=\"story-body__unordered-list\"><li>第一點</li><li>第二點</li></ul><ul><li><a href=\"#1\">新聞一</a></li><li><a href=\"#2\">新聞二</a></li></ul>",
             paragraphs: ["第一點", "第二點", "新聞一", "新聞二"]),
        Case(name: "inline related link in a media box",
             html: "<p>甲。</p><div class='media'><div class='insertGroup'><div><a class='insert' href='https://a.tw/3'><span>插入連結</span></a></div></div></div><p>乙。</p>",
             paragraphs: ["甲。", "乙。"], related: [Link(title: "插入連結", url: "https://a.tw/3")]),
        Case(name: "script, style, svg, iframe, form, noscript",
             html: "<p>甲<script>var x = '<p>不是本文</p>';</script>乙</p><style>p{color:red}</style><svg><text>圖</text></svg><iframe src='x'>框</iframe><form><label>姓名</label><input value='x'><button>送出</button></form><noscript>請開啟</noscript><p>丙</p>",
             paragraphs: ["甲乙", "丙"]),
        Case(name: "embedded tweet and instagram",
             html: "<p>甲。</p><div class='media'><div class='twitterMedia'><blockquote class='twitter-tweet'><p>tweet text</p>&mdash; someone</blockquote></div></div><blockquote class=\"instagram-media\"><p>ig</p></blockquote><p>乙。</p>",
             paragraphs: ["甲。", "乙。"]),
        Case(name: "a quote that is not an embed is body text",
             html: "<blockquote><p>引述的一段話。</p></blockquote>", paragraphs: ["引述的一段話。"]),
        Case(name: "ad slots by class and id",
             html: "<p>甲。</p><div class='paragraph bottomArticleBanner show'><div class='pcBox adslot_infinite'>廣告</div></div><section id='imu'><div id='dfp-ad-imu1-wrapper' class='dfp-tag-wrapper'>AD</div></section><div class='AdSlot__container___2BqUD'>ad</div><p>乙。</p>",
             paragraphs: ["甲。", "乙。"]),
        Case(name: "CNA picture caption",
             html: "<div class='fullPic'><div class='floatImg center'><div class='wrap'><img src='a.jpg' alt='市長主持會議。'></div><div class='picinfo'>市長主持會議。（中央社）</div></div></div><p>本文。</p>",
             paragraphs: ["本文。"], captions: ["市長主持會議。（中央社）"]),
        Case(name: "figcaption and alt text",
             html: "<figure><img src='a.jpg' alt='示意圖'><figcaption>夜市的租借站。</figcaption></figure><p>本文。</p>",
             paragraphs: ["本文。"], captions: ["示意圖", "夜市的租借站。"]),
        Case(name: "WordPress caption",
             html: "<div class=\"wp-caption aligncenter\"><img src='a.jpg' alt=''><p class=\"wp-caption-text\">孩童（網絡圖片）</p></div><p>本文。</p>",
             paragraphs: ["本文。"], captions: ["孩童（網絡圖片）"]),
        Case(name: "small caption under an image",
             html: "<img src='a.jpg' width='100%'><div><small style='color: #999;'>人民大會堂。</small></div><p>本文。</p>",
             paragraphs: ["本文。"], captions: ["人民大會堂。"]),
        Case(name: "small inside a paragraph is body text",
             html: "<p><small>MORE THAN</small> 200 people</p>", paragraphs: ["MORE THAN 200 people"]),
        Case(name: "entities",
             html: "<p>A&amp;B &lt;條款&gt; &quot;引號&quot; &#x4E00;&#20108; &ldquo;三&rdquo;&nbsp;四&hellip;</p>",
             paragraphs: ["A&B <條款> \"引號\" 一二 “三” 四…"]),
        Case(name: "br, li, headings and table cells are boundaries",
             html: "<p>甲<br>乙<br/><br/>丙</p><h2>小標</h2><ul><li>一</li><li>二</li></ul><table><tr><td>格一</td><td>格二</td></tr></table>",
             paragraphs: ["甲", "乙", "丙", "小標", "一", "二", "格一", "格二"]),
        Case(name: "inline tags do not split",
             html: "<p>衛生局長<b>黃志中</b>呼籲<a href='x'>民眾</a>落實<span class='x'>巡、倒、清、刷</span>。</p>",
             paragraphs: ["衛生局長黃志中呼籲民眾落實巡、倒、清、刷。"]),
        Case(name: "pretty-printed CJK folds without spaces",
             html: "<p>\n    或許，世界歷史在當代\n    最宏偉的戲劇正拉開帷幕。\n</p><p>  Joe\n  Biden  said   so  </p>",
             paragraphs: ["或許，世界歷史在當代最宏偉的戲劇正拉開帷幕。", "Joe Biden said so"]),
        Case(name: "empty paragraphs dropped",
             html: "<p> </p><p>&nbsp;</p><p>\u{200B}</p><p>本文。</p><div></div>", paragraphs: ["本文。"]),
        Case(name: "feed footer after a rule",
             html: "<div><p>本文。</p><br><hr><div>获取更多RSS：<br><a href=\"https://feedx.net\">https://feedx.net</a> <br><a href=\"https://feedx.xyz\">https://feedx.xyz</a><br></div></div>",
             paragraphs: ["本文。"]),
        Case(name: "WordPress feed footer after a rule",
             html: "<p>本文。</p><hr /><p><small>&copy; ykxykx for <a href='https://x.net'>中国数字时代</a>, get_post_time('Y'). |<a href='https://x.net/1'>Permalink</a> |<a href='https://x.net/2'>No comment</a><br/>Post tags: <a href='t1'>公民记者</a>, <a href='t2'>德国之声</a><br/></small></p><p><small>Feed enhanced by <a href='https://p.com'>Better Feed</a> from <a href='https://p.com/b'>Ozh</a></small></p>",
             paragraphs: ["本文。"]),
        Case(name: "a rule followed by article text is kept",
             html: "<p>上半。</p><hr><p>下半的文字相當長，遠遠超過任何訂閱頁尾的長度，所以它是正文的一部分，而且當中還有<a href='x'>一個連結</a>，以及更多說明文字。</p>",
             paragraphs: ["上半。", "下半的文字相當長，遠遠超過任何訂閱頁尾的長度，所以它是正文的一部分，而且當中還有一個連結，以及更多說明文字。"]),
        Case(name: "RTI excerpt's more link",
             html: "<div><img src='a.jpg' alt='水庫洩洪。(圖：中央社)'><br>水情不能大意，水利署說：『南部應...<a target=\"_blank\" href=\"https://www.rti.org.tw/news/view/id/1\">...more</a>\n</div>",
             paragraphs: ["水情不能大意，水利署說：『南部應..."], captions: ["水庫洩洪。(圖：中央社)"]),
        Case(name: "CNA glossary box",
             html: "<div class='dictionary'><span>外界關心秋冬來臨，</span><span class='news-dic-inline'><span>流感</span><span class='dic-icon'></span></span><div class='dictionary-box'><p class='dictionary-title'>流感小百科</p><div class='news-dic-all seeArticlemore'>看更多</div><div class='news-dic-all closeBox'>關閉</div></div><span>疫苗將開打。</span></div>",
             // The dropped box is no paragraph boundary: the sentence runs on around it.
             paragraphs: ["外界關心秋冬來臨，流感疫苗將開打。"]),
        Case(name: "RFI promo and copyright line",
             html: "<p>本文。</p><p class=\"t-copyright\">© 2020 AFP</p><div class=\"o-self-promo o-self-promo--nl\">訂閱電子報</div><button class=\"m-interstitial__unlock-btn\"><span>继续浏览后续</span></button>",
             paragraphs: ["本文。"]),
        Case(name: "feed byline stamp at the top",
             html: "<div>\n<div><i>STEVEN LEE MYERS<br>2020-10-30 11:41:22</i></div><p>中國共產黨在北京舉行會議。</p></div>",
             paragraphs: ["中國共產黨在北京舉行會議。"]),
        Case(name: "italic lead paragraph further down is kept",
             html: "<div><p>甲。</p><div><i>乙。</i></div></div>",
             paragraphs: ["甲。", "乙。"]),
        Case(name: "placeholder alt texts are not captions",
             html: "<p>本文。<img src='a.png' alt='img'><img src='b.jpg' alt='DSC0012.jpg'><img src='c.jpg' alt='圖片'></p>",
             paragraphs: ["本文。"]),
        Case(name: "upper-case tags and a custom tag longer than 16 bytes",
             // libxml2 folds HTML tag names to lower case; a name the tag table cannot hold is inline.
             html: "<DIV>甲<SCRIPT>不是本文</SCRIPT><P>乙</P><Br>丙<my-very-long-custom-element>丁</my-very-long-custom-element></DIV>",
             paragraphs: ["甲", "乙", "丙丁"]),
        Case(name: "comments and processing instructions are not text",
             // (`<![CDATA[…]]>` is left out: libxml2 2.9 keeps it as text in HTML, newer versions drop it.)
             html: "<p>甲<!-- 註解 <p>不是</p> -->乙</p><?php echo 1; ?><p>己<!---->庚</p>",
             paragraphs: ["甲乙", "己庚"]),
        Case(name: "entities in captions and link titles",
             html: "<p>本文。</p><img src='a.jpg' alt='王&amp;李&nbsp;合影'><div class='moreArticle'><a class='moreArticle-link' href='https://a.tw/?a=1&amp;b=2'>甲&lt;乙&gt;</a></div>",
             paragraphs: ["本文。"], captions: ["王&李 合影"], related: [Link(title: "甲<乙>", url: "https://a.tw/?a=1&b=2")]),
        Case(name: "a repeated caption is kept once; one that an earlier caption starts with is dropped",
             html: "<img src='a.jpg' alt='市長主持會議（中央社）'><p>本文。</p><img src='b.jpg' alt='市長主持會議'><img src='c.jpg' alt='市長主持會議（中央社）'><figure><figcaption>另一張圖。</figcaption></figure>",
             paragraphs: ["本文。"], captions: ["市長主持會議（中央社）", "另一張圖。"]),
        Case(name: "nested boilerplate: a caption and a related box inside a media wrapper inside a dropped widget",
             html: "<p>甲。</p><div class='widget'><div class='media'><div class='picinfo'>不收</div><div class='moreArticle'><a class='moreArticle-link' href='https://a.tw/9'>不收</a></div></div></div><div class='media'>媒體字<div class='picinfo'>收的圖說</div></div><p>乙。</p>",
             paragraphs: ["甲。", "乙。"], captions: ["收的圖說"]),
        Case(name: "class tokens matched whole and case-sensitively, substrings lower-cased",
             html: "<div class='Media'>大寫的 Media 不是媒體框</div><div class='x-ADVERT-y'>廣告</div><div id='Newsletter-box'>訂閱</div><div class='mediaX'>不是 media</div>",
             paragraphs: ["大寫的 Media 不是媒體框", "不是 media"]),
        // The SAX tree has libxml2's tree shape (HTMLExtractor): these rows fail when it does not.
        Case(name: "a prefixed tag is named by its local part, as in libxml2's tree (Word's o:p is a p)",
             html: "<div>甲<o:p>乙</o:p>丙</div>", paragraphs: ["甲", "乙", "丙"]),
        Case(name: "an element after the root closed goes inside the root",
             html: "<html class='widget'><body><p>甲</p></body></html><p>乙</p>", paragraphs: []),
        Case(name: "after a leading comment, an element after the root closed follows it",
             html: "<!-- c --><html class='widget'><body><p>甲</p></body></html><p>乙</p>", paragraphs: ["乙"]),
        Case(name: "a comment splits a link's text, so it is no more link",
             html: "<div>甲<a href='x'>...<!---->more</a></div>", paragraphs: ["甲...more"]),
        Case(name: "text split by an entity is one text node",
             html: "<div>甲<a href='x'>&#46;..more</a></div>", paragraphs: ["甲"]),
        Case(name: "head is not body; its title is not a paragraph",
             html: "<html><head><title>標題</title><meta charset='utf-8'></head><body><p>本文。</p></body></html>",
             paragraphs: ["本文。"]),
    ]

    @Test(arguments: cases)
    func extracts(_ c: Case) throws {
        let result = try HTMLExtractor.extract(Array(c.html.utf8))
        #expect(result.paragraphs == c.paragraphs)
        #expect(result.captions == c.captions)
        #expect(result.related == c.related)
    }

    /// Every non-void tag that `BoilerplateRules` drops takes its text with it, and is no
    /// paragraph boundary; every block tag is one (the walk reads both lists through its own table).
    @Test func everyDroppedAndBlockTagOfTheRules() throws {
        let void: Set<String> = ["input", "meta", "link", "base", "area", "source", "track", "embed", "head", "frame", "frameset"]
        for tag in BoilerplateRules.droppedTags.subtracting(void).sorted() {
            let result = try HTMLExtractor.extract(Array("<div>甲<\(tag)>乙</\(tag)>丙</div>".utf8))
            #expect(result.paragraphs == ["甲丙"], "\(tag)")
        }
        // Tags libxml2 moves or drops outside their own context (table parts, html, body) are left out.
        let contextual: Set<String> = ["html", "body", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"]
        for tag in BoilerplateRules.blockTags.subtracting(contextual).sorted() {
            let result = try HTMLExtractor.extract(Array("<div>甲<span>乙<\(tag)>丙</\(tag)>丁</span></div>".utf8))
            #expect(result.paragraphs == ["甲乙", "丙", "丁"], "\(tag)")
        }
    }

    /// Many distinct class values in one page (the role cache grows past its first size), each
    /// met twice, with drops among them: the roles are those of `BoilerplateRules.role`.
    @Test func manyDistinctClassesKeepTheirRoles() throws {
        var html = ""
        var expected: [String] = []
        for round in 0..<2 {
            for i in 0..<150 {
                html += "<div class='c\(i) k\(i % 7)'>段\(round)-\(i)</div><div class='c\(i) share-\(i)'>分享</div>"
                expected.append("段\(round)-\(i)")
            }
        }
        let result = try HTMLExtractor.extract(Array(html.utf8))
        #expect(result.paragraphs == expected)
    }

    @Test func wholeDocumentTitleFillsMeta() throws {
        let html = "<!DOCTYPE html><html><head><title> 環境部 推動減塑 </title></head><body><h1>大標</h1><p>本文。</p></body></html>"
        let doc = try Ingestor.ingest(InputDocument(path: "page", bytes: Array(html.utf8)))
        #expect(doc.source.format == .html)
        #expect(doc.meta.title == "環境部 推動減塑")
        #expect(doc.paragraphs == ["大標", "本文。"])
    }

    @Test func nestingBeyondLibxml2sLimitIsAFinding() throws {
        let deep = "<p>頂層</p>" + String(repeating: "<div><span>", count: 200) + "深處"
            + String(repeating: "</span></div>", count: 200) + "<p>尾</p>"
        let doc = try Ingestor.ingest(InputDocument(path: "deep.html", bytes: Array(deep.utf8)))
        #expect(doc.paragraphs.first == "頂層")
        #expect(doc.findings.map(\.code) == ["html"])
        #expect(doc.findings.first?.message.contains("Excessive depth") == true)
    }

    @Test func parserContextsAreReusedWithoutCarryingErrors() throws {
        // A document that stops libxml2 and then a clean one, on the same pooled context.
        let deep = String(repeating: "<div>", count: 300) + "深處"
        for _ in 0..<3 {
            #expect(try HTMLExtractor.extract(Array(deep.utf8)).findings.count == 1)
            let clean = try HTMLExtractor.extract(Array("<p>甲</p>".utf8))
            #expect(clean.findings == [])
            #expect(clean.paragraphs == ["甲"])
        }
    }

    @Test func recoveredErrorsAreNotFindings() throws {
        let doc = try Ingestor.ingest(InputDocument(path: "m.html", bytes: Array("<div><p>甲 < 乙<p>丙</span>".utf8)))
        #expect(doc.paragraphs == ["甲 < 乙", "丙"])
        #expect(doc.findings == [])
    }

    @Test func malformedHTMLIsRecovered() throws {
        let html = "<div><p>甲 < 乙<p>丙<b>丁<div class=SubscriptionInner>訂閱《早安世界》</div><p>戊</div></span>"
        let result = try HTMLExtractor.extract(Array(html.utf8))
        #expect(result.paragraphs == ["甲 < 乙", "丙丁", "戊"])
    }
}
