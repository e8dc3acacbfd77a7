import { describe, expect, it } from 'vitest'
import type { ImageNode } from './article-document.js'
import { htmlToDocument, type ImageSource } from './html-to-document.js'
import { renderDocumentHtml } from './render-document.js'

const SAMPLES = [
  '<p>قال <strong>محمد العلي</strong>، وزير المياه، إن عام 2024 شهد نمواً بنسبة 3.5% في <a href="https://agency.example/تقرير">تقرير OPEC</a>.</p>',
  '<h2>الأمم المتحدة &amp; UNESCO</h2><p>«نص» بين <em>Reuters</em> و<b>AFP</b> — 1,250 شخصاً</p>',
  '<p>5 &lt; 6 &amp;&amp; "double" \'single\' &gt; 4 &amp;amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
  '<p>  spaced   <b> bold </b>  <i>it</i>  end  </p>',
  'bare text <a href="/ar/news/1-x">رابط</a> and <u>more</u><br>after a break',
  '<ul><li>one<ul><li>two <b>bold</b></li></ul></li><li><p>three</p><p>four</p></li></ul><ol><li>first</li></ol>',
  '<blockquote><p>We will share the river.</p><footer>Minister of Water</footer></blockquote>',
  '<blockquote cite="https://agency.example/q"><p>q</p></blockquote><blockquote class="wp-block-quote"><p>a</p><cite>ب</cite></blockquote>',
  '<figure class="wp-block-pullquote"><blockquote><p>Pulled</p><cite>Someone</cite></blockquote></figure>',
  '<figure><img src="/media/a.jpg" alt="نهر &quot;النيل&quot;"><figcaption>Nile &amp; delta <span class="credit">AFP / Getty</span></figcaption></figure>',
  '<img src="/media/b.jpg" alt=""><hr><p>after</p>',
  '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><p>https://vimeo.com/76979871</p>',
  '<table><caption>جدول</caption><tr><th>City</th><th colspan="2">Rain &lt;mm&gt;</th></tr><tr><td>بيروت</td><td><a href="mailto:desk@x.example">12</a></td><td></td></tr></table>',
  '<pre>line one\n  line two</pre><p>x<br><br>y</p>',
  '<div class="gallery-block" data-gallery-id="3"></div><aside class="related-card" data-article-id="7"><a href="/en/world/7-x">Elsewhere &amp; beyond</a></aside>',
  '<h5><a href="https://a.example/"><strong>linked</strong> heading</a></h5><p><a href="/en/notes">note</a>\u00a0\u200fنص</p>',
  '<span>stray</span><div><p>nested <span>spans</span></p> tail</div><section><h1>Section</h1></section>',
]

const resolveImage = (image: ImageSource): ImageNode['attrs'] => ({
  mediaId: image.src.length,
  width: 640,
  height: 480,
  ...image,
})

const convert = (html: string) => htmlToDocument(html, { resolveImage }).document
const roundTrip = (html: string) => {
  const first = convert(html)
  const rendered = renderDocumentHtml(first)
  return { first, rendered, second: convert(rendered) }
}

// A small seeded generator, so that a failure can be replayed.
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

const WRAPPERS = [
  '<b>%</b>',
  '<em>%</em>',
  '<span>%</span>',
  '<div>%</div>',
  ' % ',
  '%<br>',
  '<a href="/x">%</a>',
]

describe('rendering a converted document and converting it again', () => {
  it.each(SAMPLES)('gives the same document for %s', (html) => {
    const { first, rendered, second } = roundTrip(html)
    expect(first.content.length).toBeGreaterThan(0)
    expect(second).toEqual(first)
    expect(renderDocumentHtml(second)).toBe(rendered)
  })

  it('gives the same document for random mixtures of the samples', () => {
    const next = random(20261129)
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)] as T
    for (let run = 0; run < 200; run++) {
      const parts = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
        pick(WRAPPERS).replace('%', pick(SAMPLES)),
      )
      const html = parts.join(pick(['', ' ', '\n']))
      const { first, second } = roundTrip(html)
      expect(second, html).toEqual(first)
    }
  })
})
