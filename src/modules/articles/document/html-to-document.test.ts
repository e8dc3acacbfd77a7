import { describe, expect, it } from 'vitest'
import type { ArticleDocument, ImageNode } from './article-document.js'
import { htmlToDocument, type ImageSource } from './html-to-document.js'

const resolveImage = (image: ImageSource): ImageNode['attrs'] | undefined =>
  image.src.startsWith('/media/') ? { mediaId: 9, width: 800, height: 600, ...image } : undefined
const convert = (html: string) => htmlToDocument(html, { resolveImage })
const blocks = (html: string) => convert(html).document.content
const text = (value: string) => ({ type: 'text', text: value })

describe('htmlToDocument', () => {
  it('maps paragraphs, headings, marks and line breaks', () => {
    expect(
      blocks(
        '<h1>One</h1><h3>Three</h3><h6>Six</h6><p><b>b</b> <strong><em>both</em></strong> <i>i</i><br>next</p>',
      ),
    ).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [text('One')] },
      { type: 'heading', attrs: { level: 3 }, content: [text('Three')] },
      { type: 'heading', attrs: { level: 4 }, content: [text('Six')] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'b', marks: [{ type: 'bold' }] },
          text(' '),
          { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
          text(' '),
          { type: 'text', text: 'i', marks: [{ type: 'italic' }] },
          { type: 'hardBreak' },
          text('next'),
        ],
      },
    ])
  })

  it('collapses whitespace as a browser does and drops empty paragraphs', () => {
    expect(
      blocks('\n  <p>  a \n\t b <b> c </b> d  <br>  e </p><p> &nbsp; </p><p></p><p><br></p>'),
    ).toEqual([
      {
        type: 'paragraph',
        content: [
          text('a b '),
          { type: 'text', text: 'c ', marks: [{ type: 'bold' }] },
          text('d'),
          { type: 'hardBreak' },
          text('e'),
        ],
      },
    ])
  })

  it('wraps top-level text and inline runs in paragraphs, and splits at double line breaks', () => {
    expect(blocks('First <i>line</i><div>Block</div>After<br><br>Next')).toEqual([
      {
        type: 'paragraph',
        content: [text('First '), { type: 'text', text: 'line', marks: [{ type: 'italic' }] }],
      },
      { type: 'paragraph', content: [text('Block')] },
      { type: 'paragraph', content: [text('After')] },
      { type: 'paragraph', content: [text('Next')] },
    ])
  })

  it('keeps the text of unknown wrappers and counts them', () => {
    const { document, report } = convert(
      '<p><span style="color:red">red</span> <font face="x">font</font> <u>under</u></p>',
    )
    expect(document.content).toEqual([{ type: 'paragraph', content: [text('red font under')] }])
    expect(report.unwrappedElements).toEqual({ span: 1, font: 1, u: 1 })
  })

  it('drops scripts, styles, forms, objects and unknown iframes with their content', () => {
    const { document, report } = convert(
      '<p>kept</p><script>alert(1)</script><style>p{}</style><form><input value="x"><button>Go</button></form>' +
        '<object data="x.swf"><param name="a"></object><iframe src="https://ads.example/"></iframe>',
    )
    expect(document.content).toEqual([{ type: 'paragraph', content: [text('kept')] }])
    expect(report.droppedElements).toEqual({
      script: 1,
      style: 1,
      form: 1,
      object: 1,
      iframe: 1,
    })
  })

  it('keeps links with safe schemes only, and reports the others', () => {
    const { document, report } = convert(
      '<p><a href=" https://agency.example/a ">a</a> <a href="/en/x">b</a> ' +
        '<a href="jav&#x09;ascript:alert(1)">c</a> <a href="data:text/html,x">d</a> <a name="top">e</a></p>',
    )
    expect(document.content).toEqual([
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: 'a',
            marks: [{ type: 'link', attrs: { href: 'https://agency.example/a' } }],
          },
          text(' '),
          { type: 'text', text: 'b', marks: [{ type: 'link', attrs: { href: '/en/x' } }] },
          text(' c d e'),
        ],
      },
    ])
    expect(report.droppedUrls).toEqual(['jav\tascript:alert(1)', 'data:text/html,x'])
  })

  it('nests lists up to four levels and flattens deeper ones into paragraphs', () => {
    const nested = (depth: number): string =>
      depth === 0 ? '' : `<ul><li>level ${6 - depth}${nested(depth - 1)}</li></ul>`
    const [list] = blocks(nested(5))
    const item = (label: string, ...more: unknown[]) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [text(label)] }, ...more],
    })
    const bullet = (...items: unknown[]) => ({ type: 'bulletList', content: items })
    expect(list).toEqual(
      bullet(
        item(
          'level 1',
          bullet(
            item(
              'level 2',
              bullet(
                item(
                  'level 3',
                  bullet(item('level 4', { type: 'paragraph', content: [text('• level 5')] })),
                ),
              ),
            ),
          ),
        ),
      ),
    )
  })

  it('puts a list written straight inside a list into the item before it', () => {
    expect(blocks('<ol><li>one</li><ul><li>sub</li></ul><li>two</li></ol>')).toEqual([
      {
        type: 'orderedList',
        content: [
          {
            type: 'listItem',
            content: [
              { type: 'paragraph', content: [text('one')] },
              {
                type: 'bulletList',
                content: [
                  { type: 'listItem', content: [{ type: 'paragraph', content: [text('sub')] }] },
                ],
              },
            ],
          },
          { type: 'listItem', content: [{ type: 'paragraph', content: [text('two')] }] },
        ],
      },
    ])
  })

  it('turns quotes with their attribution, and the pull quotes of WordPress and others', () => {
    expect(
      blocks(
        '<blockquote class="wp-block-quote"><p>We will share the river.</p><cite>Minister</cite></blockquote>' +
          '<blockquote cite="https://agency.example/q"><p>Sourced</p></blockquote>' +
          '<figure class="wp-block-pullquote"><blockquote><p>Pulled</p><cite>Someone</cite></blockquote></figure>' +
          '<blockquote class="pullquote">Two</blockquote><aside class="pull-quote"><p>Three</p></aside>',
      ),
    ).toEqual([
      {
        type: 'blockquote',
        attrs: { cite: 'Minister' },
        content: [{ type: 'paragraph', content: [text('We will share the river.')] }],
      },
      {
        type: 'blockquote',
        attrs: { cite: 'https://agency.example/q' },
        content: [{ type: 'paragraph', content: [text('Sourced')] }],
      },
      { type: 'pullQuote', content: [text('Pulled'), { type: 'hardBreak' }, text('Someone')] },
      { type: 'pullQuote', content: [text('Two')] },
      { type: 'pullQuote', content: [text('Three')] },
    ])
  })

  it('resolves images with their caption and credit, and reports those it cannot', () => {
    const { document, report } = convert(
      '<figure class="wp-block-image"><a href="/big.jpg"><img src="/media/a.jpg" alt=" A  river "></a>' +
        '<figcaption>The river <span class="credit">AFP</span></figcaption></figure>' +
        '<p>Text <img src="https://elsewhere.example/b.jpg"> more</p><img src="data:image/png;base64,AA">',
    )
    expect(document.content).toEqual([
      {
        type: 'image',
        attrs: {
          mediaId: 9,
          width: 800,
          height: 600,
          src: '/media/a.jpg',
          alt: 'A river',
          caption: 'The river',
          credit: 'AFP',
        },
      },
      { type: 'paragraph', content: [text('Text more')] },
    ])
    expect(report.unresolvedImages).toEqual(['https://elsewhere.example/b.jpg'])
    expect(report.droppedUrls).toEqual(['data:image/png;base64,AA'])
  })

  it('recognises embeds from iframes, provider markup, WordPress embed blocks and lone URLs', () => {
    const embeds = blocks(
      '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>' +
        '<blockquote class="twitter-tweet"><p>Hello</p>&mdash; NASA <a href="https://twitter.com/NASA/status/123?ref_src=x">May 1</a></blockquote><script src="https://platform.twitter.com/widgets.js"></script>' +
        '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Cabc/?utm_source=x"></blockquote>' +
        '<figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/76979871\n</div></figure>' +
        '<p>https://soundcloud.com/forss/flickermood</p>' +
        '<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@scout2015/video/6718335390845095173"><section></section></blockquote>' +
        '<div class="fb-post" data-href="https://www.facebook.com/nasa/posts/10158"></div>',
    )
    expect(embeds.map((block) => (block.type === 'embed' ? block.attrs : block))).toEqual([
      { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      { provider: 'x', url: 'https://x.com/NASA/status/123' },
      { provider: 'instagram', url: 'https://www.instagram.com/p/Cabc/' },
      { provider: 'vimeo', url: 'https://vimeo.com/76979871' },
      { provider: 'soundcloud', url: 'https://soundcloud.com/forss/flickermood' },
      { provider: 'tiktok', url: 'https://www.tiktok.com/@scout2015/video/6718335390845095173' },
      { provider: 'facebook', url: 'https://www.facebook.com/nasa/posts/10158' },
    ])
  })

  it('keeps a link to a video with its own words as a link', () => {
    expect(blocks('<p><a href="https://youtu.be/dQw4w9WgXcQ">Watch</a></p>')[0]?.type).toBe(
      'paragraph',
    )
  })

  it('turns tables into rows of header and data cells, with spans and a caption', () => {
    expect(
      blocks(
        '<figure class="wp-block-table"><table><thead><tr><th>City</th><th colspan="2">Rain</th></tr></thead>' +
          '<tbody><tr><td>Beirut</td><td><b>12</b></td><td rowspan="x"></td></tr></tbody></table>' +
          '<figcaption>Rain in mm</figcaption></figure>',
      ),
    ).toEqual([
      {
        type: 'table',
        attrs: { caption: 'Rain in mm' },
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [text('City')] },
              { type: 'tableHeader', attrs: { colspan: 2 }, content: [text('Rain')] },
            ],
          },
          {
            type: 'tableRow',
            content: [
              { type: 'tableCell', content: [text('Beirut')] },
              {
                type: 'tableCell',
                content: [{ type: 'text', text: '12', marks: [{ type: 'bold' }] }],
              },
              { type: 'tableCell' },
            ],
          },
        ],
      },
    ])
  })

  it('fits blocks into containers that cannot hold them, moving images after the container', () => {
    expect(
      blocks(
        '<h2>Title <img src="/media/h.jpg" alt="h"></h2>' +
          '<blockquote><h3>Heading</h3><ol><li>one</li><li>two</li></ol></blockquote>',
      ),
    ).toEqual([
      { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
      {
        type: 'image',
        attrs: { mediaId: 9, width: 800, height: 600, src: '/media/h.jpg', alt: 'h' },
      },
      {
        type: 'blockquote',
        content: [
          { type: 'paragraph', content: [text('Heading')] },
          { type: 'paragraph', content: [text('1. one')] },
          { type: 'paragraph', content: [text('2. two')] },
        ],
      },
    ])
  })

  it('keeps preformatted lines as line breaks', () => {
    expect(blocks('<pre>\nline one\n  line two</pre>')).toEqual([
      { type: 'paragraph', content: [text('line one'), { type: 'hardBreak' }, text('line two')] },
    ])
  })

  it('reads blank lines as paragraphs and newlines as line breaks in classic WordPress text', () => {
    const classic =
      'First line\nsame paragraph\n\n<strong>Second</strong>\n\n<ul>\n<li>item</li>\n</ul>\n'
    expect(htmlToDocument(classic, { isAutoParagraph: true }).document.content).toEqual([
      {
        type: 'paragraph',
        content: [text('First line'), { type: 'hardBreak' }, text('same paragraph')],
      },
      { type: 'paragraph', content: [{ type: 'text', text: 'Second', marks: [{ type: 'bold' }] }] },
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('item')] }] }],
      },
    ])
    expect(blocks(classic).map((block) => block.type)).toEqual(['paragraph', 'bulletList'])
  })

  it('removes control characters and survives absurd nesting', () => {
    const deep = '<div>'.repeat(5000) + 'deep' + '</div>'.repeat(5000)
    const document: ArticleDocument = convert(`<p>a\u0000b\u0007c</p>${deep}`).document
    expect(document.content).toEqual([
      { type: 'paragraph', content: [text('abc')] },
      { type: 'paragraph', content: [text('deep')] },
    ])
  })
})
