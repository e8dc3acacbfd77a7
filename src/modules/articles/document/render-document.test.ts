import { describe, expect, it } from 'vitest'
import type { ArticleDocument } from './article-document.js'
import { paragraph } from './article-document.js'
import { documentPlainText, renderDocumentHtml } from './render-document.js'

const doc = (...content: ArticleDocument['content']): ArticleDocument => ({ type: 'doc', content })

describe('renderDocumentHtml', () => {
  it('escapes text and attributes so no markup can be injected', () => {
    const html = renderDocumentHtml(
      doc(paragraph('<script>alert(1)</script> & "quotes"'), {
        type: 'relatedArticle',
        attrs: {
          articleId: 7,
          headline: '"><img src=x onerror=alert(1)>',
          url: '/en/news/7-x"onmouseover="x',
        },
      }),
    )
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;')
    expect(html).toContain('href="/en/news/7-x&quot;onmouseover=&quot;x"')
  })

  it('renders marks, and drops links with unsafe schemes but keeps their text', () => {
    const html = renderDocumentHtml(
      doc({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          {
            type: 'text',
            text: ' site',
            marks: [
              { type: 'link', attrs: { href: 'https://agency.example/a' } },
              { type: 'italic' },
            ],
          },
          {
            type: 'text',
            text: ' trap',
            marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
          },
          {
            type: 'text',
            text: ' away',
            marks: [{ type: 'link', attrs: { href: '//elsewhere.example/' } }],
          },
        ],
      }),
    )
    expect(html).toBe(
      '<p><strong>bold</strong><a href="https://agency.example/a" rel="noopener noreferrer"><em> site</em></a> trap away</p>',
    )
  })

  it('renders quotes with their source, pull quotes, lists, galleries and rules', () => {
    const html = renderDocumentHtml(
      doc(
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: 'What comes next' }],
        },
        {
          type: 'blockquote',
          attrs: { cite: 'Minister of Water' },
          content: [paragraph('We will share the river.')],
        },
        { type: 'pullQuote', content: [{ type: 'text', text: 'A shared river' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('one')] }] },
        { type: 'gallery', attrs: { galleryId: 3 } },
        { type: 'horizontalRule' },
      ),
    )
    expect(html.split('\n')).toEqual([
      '<h2>What comes next</h2>',
      '<blockquote><p>We will share the river.</p><footer>Minister of Water</footer></blockquote>',
      '<aside class="pull-quote"><p>A shared river</p></aside>',
      '<ul><li><p>one</p></li></ul>',
      '<div class="gallery-block" data-gallery-id="3"></div>',
      '<hr>',
    ])
  })

  it('renders tables with escaped cells, spans and caption', () => {
    const html = renderDocumentHtml(
      doc({
        type: 'table',
        attrs: { caption: 'Rain <mm>' },
        content: [
          {
            type: 'tableRow',
            content: [
              { type: 'tableHeader', content: [{ type: 'text', text: 'City' }] },
              {
                type: 'tableHeader',
                attrs: { colspan: 2 },
                content: [{ type: 'text', text: 'A&B' }],
              },
            ],
          },
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableCell',
                content: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }],
              },
              { type: 'tableCell', attrs: { rowspan: '2" onclick="x' as unknown as number } },
              {
                type: 'tableCell',
                content: [{ type: 'text', text: '12', marks: [{ type: 'bold' }] }],
              },
            ],
          },
        ],
      }),
    )
    expect(html).toBe(
      '<table><caption>Rain &lt;mm&gt;</caption><tbody><tr><th>City</th><th colspan="2">A&amp;B</th></tr>' +
        '<tr><td>&lt;img src=x onerror=alert(1)&gt;</td><td></td><td><strong>12</strong></td></tr></tbody></table>',
    )
  })

  it('renders an image with its caption and credit, and nested lists', () => {
    const html = renderDocumentHtml(
      doc(
        {
          type: 'image',
          attrs: {
            mediaId: 4,
            src: '/media/4.jpg',
            alt: 'A "river"',
            caption: 'The river',
            credit: 'AFP',
            width: 800,
            height: 600,
          },
        },
        {
          type: 'orderedList',
          content: [
            {
              type: 'listItem',
              content: [
                paragraph('one'),
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [paragraph('two')] }],
                },
              ],
            },
          ],
        },
      ),
    )
    expect(html.split('\n')).toEqual([
      '<figure class="image" data-media-id="4"><img src="/media/4.jpg" alt="A &quot;river&quot;" width="800" height="600" loading="lazy" decoding="async"><figcaption>The river <span class="credit">AFP</span></figcaption></figure>',
      '<ol><li><p>one</p><ul><li><p>two</p></li></ul></li></ol>',
    ])
  })
  it('renders a remote picture (no media item) at its URL, without an id or a size', () => {
    const html = renderDocumentHtml(
      doc({ type: 'image', attrs: { src: 'https://old.example/a.jpg', alt: 'Quay' } }),
    )
    expect(html).toBe(
      '<figure class="image"><img src="https://old.example/a.jpg" alt="Quay" loading="lazy" decoding="async"></figure>',
    )
  })
})

describe('renderDocumentHtml with resolved blocks', () => {
  const body = doc(
    { type: 'gallery', attrs: { galleryId: 3 } },
    { type: 'relatedArticle', attrs: { articleId: 8, headline: 'Earlier', url: '/en/x/8' } },
    { type: 'gallery', attrs: { galleryId: 4 } },
    { type: 'relatedArticle', attrs: { articleId: 9, headline: 'Gone', url: '/en/x/9' } },
  )

  it('places the markup given for each gallery and card, and nothing for ids not given', () => {
    const html = renderDocumentHtml(body, {
      resolved: {
        galleries: new Map([[3, '<section class="gallery">3</section>']]),
        relatedCards: new Map([[8, '<aside class="related-card">8</aside>']]),
      },
    })
    expect(html.split('\n')).toEqual([
      '<section class="gallery">3</section>',
      '<aside class="related-card">8</aside>',
      '',
      '',
    ])
  })

  it('writes placeholders when nothing was resolved', () => {
    expect(renderDocumentHtml(body).split('\n')).toEqual([
      '<div class="gallery-block" data-gallery-id="3"></div>',
      '<aside class="related-card" data-article-id="8"><a href="/en/x/8">Earlier</a></aside>',
      '<div class="gallery-block" data-gallery-id="4"></div>',
      '<aside class="related-card" data-article-id="9"><a href="/en/x/9">Gone</a></aside>',
    ])
  })
})

describe('documentPlainText', () => {
  it('keeps the words of text blocks and leaves out cards and galleries', () => {
    const text = documentPlainText(
      doc(
        paragraph('مرحبا بالعالم'),
        { type: 'relatedArticle', attrs: { articleId: 1, headline: 'Elsewhere', url: '/en/x/1' } },
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('item')] }] },
      ),
    )
    expect(text).toBe('مرحبا بالعالم\nitem')
  })

  it('keeps the words of tables, row by row', () => {
    const cell = (text: string) => ({
      type: 'tableCell' as const,
      content: [{ type: 'text' as const, text }],
    })
    const text = documentPlainText(
      doc({
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('City'), cell('Rain')] },
          { type: 'tableRow', content: [cell('بيروت'), cell('12')] },
        ],
      }),
    )
    expect(text).toBe('City Rain\nبيروت 12')
  })
})
