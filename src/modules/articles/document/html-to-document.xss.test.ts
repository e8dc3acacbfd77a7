import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import type { ImageNode } from './article-document.js'
import { htmlToDocument, type ImageSource } from './html-to-document.js'
import { renderDocumentHtml } from './render-document.js'

// Classic payloads: script and event handlers, javascript:/data:/vbscript: URLs hidden by case,
// entities, whitespace and control characters, SVG and MathML, styles, srcdoc, formaction,
// comment and attribute break-outs. Each must come back from render without anything executable.
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="/media/a.jpg" alt="x" onerror="alert(1)">',
  '<img src="/media/a.jpg" alt=\'"><script>alert(1)</script>\'>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
  '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
  '<a href=" &#14;  javascript:alert(1)">x</a>',
  '<a href="\u0001javascript:alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="https://ok.example/" onclick="alert(1)" style="x:expression(alert(1))">x</a>',
  '<a href="https://ok.example/&quot; onmouseover=&quot;alert(1)">x</a>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">x</math>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="width: expression(alert(1))">x</p>',
  '<style>@import "javascript:alert(1)";</style>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" onload="alert(1)"></iframe>',
  '<form><button formaction="javascript:alert(1)">x</button></form>',
  '<input type="image" formaction="javascript:alert(1)" src="x">',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>x</details>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<x onclick=alert(1)>click</x>',
  '<video><source onerror="alert(1)"></video>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<template><script>alert(1)</script></template>',
  '<blockquote cite="javascript:alert(1)"><p>q</p></blockquote>',
  '<table background="javascript:alert(1)"><tr><td onmouseover=alert(1)>x</td></tr></table>',
  '<figure><img src="javascript:alert(1)"><figcaption><script>alert(1)</script></figcaption></figure>',
  '<aside class="related-card" data-article-id="1"><a href="javascript:alert(1)">x</a></aside>',
  '<div class="gallery-block" data-gallery-id="1 onload=alert(1)"></div>',
  '"><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
]

const ELEMENTS = new Set(
  'p h2 h3 h4 strong em a br blockquote footer aside ul ol li figure img figcaption span div hr table caption tbody tr th td'.split(
    ' ',
  ),
)
const ATTRIBUTES = new Set(
  'href rel class src alt width height loading decoding data-media-id data-gallery-id data-article-id data-provider colspan rowspan'.split(
    ' ',
  ),
)
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i

const resolveImage = (image: ImageSource): ImageNode['attrs'] => ({
  mediaId: 1,
  width: 10,
  height: 10,
  ...image,
})

describe('htmlToDocument against XSS payloads', () => {
  it.each(PAYLOADS)('renders %s without executable markup', (payload) => {
    const html = renderDocumentHtml(htmlToDocument(payload, { resolveImage }).document)
    for (const element of parse(html).querySelectorAll('*')) {
      const tag = element.tagName.toLowerCase()
      expect(ELEMENTS, tag).toContain(tag)
      for (const [name, value] of Object.entries(element.attributes)) {
        expect(ATTRIBUTES, name).toContain(name.toLowerCase())
        if (name === 'href' || name === 'src') expect(value).toMatch(SAFE_URL)
      }
    }
    expect(html).not.toMatch(/<(script|svg|math|iframe|object|embed|form|style|base|meta)/i)
    expect(html).not.toMatch(/\son\w+\s*=/i)
    expect(html).not.toMatch(/(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i)
  })
})
