import Foundation
import Plot
import Testing
@testable import SoplaRender

@Suite("Safe Markdown")
struct SafeMarkdownTests {
    static func html(_ text: String) -> String {
        el("div", [], SafeMarkdown.render(text)).render()
    }

    @Test func theSubsetReportsUse() {
        let out = Self.html("# Lage\n\nDie **Quote** sinkt, *leicht*.\nZweite Zeile mit `Code`.\n\n- eins\n- [Atlas](/indikatoren)\n\n1. erstens\n\n> Zitat")
        #expect(out == "<div><h3>Lage</h3><p>Die <strong>Quote</strong> sinkt, <em>leicht</em>. Zweite Zeile mit <code>Code</code>.</p>"
            + "<ul><li>eins</li><li><a href=\"/indikatoren\">Atlas</a></li></ul><ol><li>erstens</li></ol><blockquote><p>Zitat</p></blockquote></div>")
    }

    @Test func htmlAndScriptsStayText() {
        let out = Self.html("<script>alert(1)</script> <img src=x onerror=alert(2)> [klick](javascript:alert(3)) [x](//evil.example)")
        #expect(!out.contains("<script") && !out.contains("<img") && !out.contains("href=\"javascript") && !out.contains("href=\"//"))
        #expect(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && out.contains("klick (javascript:alert(3))"))
        // An attribute cannot be broken out of.
        #expect(Self.html("[a](https://x.example/\"onmouseover=\"alert(1))").contains("href=\"https://x.example/&quot;onmouseover=&quot;alert(1\""))
    }
}
