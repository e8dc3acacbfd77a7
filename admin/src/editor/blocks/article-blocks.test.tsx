import { getSchema, type JSONContent, type NodeViewProps } from '@tiptap/react'
import type { ComponentType } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { ARTICLE_DOCUMENT_SCHEMA } from '../../../../src/modules/articles/document/document-schema.js'
import { I18nProvider } from '../../i18n/i18n-context.js'
import { toArticleDocument } from '../article-document.js'
import { bodyExtensions } from '../body-extensions.js'
import { ArticleLanguageContext } from './article-language.js'
import { EmbedBlockView } from './embed-block.js'
import { GalleryBlockView } from './gallery-block.js'
import { ImageBlockView } from './image-block.js'
import { RelatedBlockView } from './related-block.js'

const schema = getSchema(bodyExtensions())

/** A document as the server stores it, through TipTap's schema and back to the server's form. */
function roundTrip(content: JSONContent[]): JSONContent {
  const node = schema.nodeFromJSON({ type: 'doc', content })
  node.check()
  return toArticleDocument(node.toJSON() as JSONContent)
}

const BLOCKS: Record<string, JSONContent> = {
  image: {
    type: 'image',
    attrs: {
      mediaId: 7,
      src: '/media/ab/cd/abcd.jpg',
      alt: 'Fishing boats at the quay',
      caption: 'Boats back before the storm',
      credit: 'Coast Desk',
      width: 1600,
      height: 900,
    },
  },
  'image without caption or credit': {
    type: 'image',
    attrs: { mediaId: 8, src: '/media/x.png', alt: '', width: 64, height: 48 },
  },
  gallery: { type: 'gallery', attrs: { galleryId: 3 } },
  relatedArticle: {
    type: 'relatedArticle',
    attrs: {
      articleId: 12,
      headline: 'الميناء الجديد يستقبل أول سفينة',
      url: 'https://news.example/ar/economy/12-port',
    },
  },
  embed: {
    type: 'embed',
    attrs: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', provider: 'youtube' },
  },
  pullQuote: { type: 'pullQuote', content: [{ type: 'text', text: 'We will sail at dawn.' }] },
  blockquote: {
    type: 'blockquote',
    attrs: { cite: 'A harbour pilot' },
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'The tide decides.' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Not us.' }] },
    ],
  },
  'blockquote without attribution': {
    type: 'blockquote',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quiet.' }] }],
  },
  horizontalRule: { type: 'horizontalRule' },
}

describe("the body's blocks between TipTap and the server's article document", () => {
  for (const [name, block] of Object.entries(BLOCKS)) {
    it(`keeps a ${name} block as it was, in a form the server accepts`, () => {
      const document = { type: 'doc', content: [block] }
      const result = roundTrip([block])
      expect(result).toEqual(document)
      expect(ARTICLE_DOCUMENT_SCHEMA.safeParse(result).success).toBe(true)
    })
  }

  it('keeps every block in order in one document', () => {
    const content = Object.values(BLOCKS)
    expect(roundTrip(content)).toEqual({ type: 'doc', content })
  })

  it('refuses what the server refuses: a heading inside a block quote', () => {
    expect(() =>
      roundTrip([
        {
          type: 'blockquote',
          content: [
            { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'H' }] },
          ],
        },
      ]),
    ).toThrow()
  })
})

/** A node view drawn as HTML, in an English interface, for an article in `language`. */
function renderView(View: ComponentType<NodeViewProps>, block: JSONContent, language = 'en') {
  const props = {
    node: schema.nodeFromJSON(block),
    selected: false,
    updateAttributes: () => undefined,
    deleteNode: () => undefined,
  } as unknown as NodeViewProps
  return renderToStaticMarkup(
    <I18nProvider>
      <ArticleLanguageContext.Provider value={language}>
        <View {...props} />
      </ArticleLanguageContext.Provider>
    </I18nProvider>,
  )
}

describe("the blocks' node views", () => {
  beforeAll(() => {
    vi.stubGlobal('localStorage', { getItem: () => 'en', setItem: () => undefined })
  })

  it('shows a photo with its alt text and caption as labelled fields in the article language', () => {
    const html = renderView(ImageBlockView, BLOCKS['image'] ?? {}, 'ar')
    expect(html).toContain('src="/media/ab/cd/abcd.jpg"')
    expect(html).toContain('alt="Fishing boats at the quay"')
    expect(html).toMatch(
      /<label for="([^"]+)-alt">Alt text<\/label><input id="\1-alt" lang="ar" dir="rtl"/,
    )
    expect(html).toMatch(/<label for="([^"]+)-caption">Caption<\/label>/)
    expect(html).toContain('value="Boats back before the storm"')
    expect(html).toContain('Coast Desk')
    expect(html).toContain('Remove this block')
  })

  it('shows a gallery with a button to change its images', () => {
    const html = renderView(GalleryBlockView, BLOCKS['gallery'] ?? {})
    expect(html).toContain('aria-label="Gallery"')
    expect(html).toContain('Change the images')
  })

  it('shows a related story as its headline, isolated in its own direction', () => {
    const html = renderView(RelatedBlockView, BLOCKS['relatedArticle'] ?? {})
    expect(html).toContain('<strong dir="auto">الميناء الجديد يستقبل أول سفينة</strong>')
    expect(html).toContain('https://news.example/ar/economy/12-port')
  })

  it('shows an embed as a placeholder that loads nothing from the provider', () => {
    const html = renderView(EmbedBlockView, BLOCKS['embed'] ?? {})
    expect(html).toContain('YouTube embed — loads on the public site only')
    expect(html).not.toMatch(/<(iframe|script|img)/)
  })
})
