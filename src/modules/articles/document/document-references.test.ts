import { describe, expect, it } from 'vitest'
import type { ArticleDocument, ImageNode } from './article-document.js'
import { paragraph } from './article-document.js'
import { documentReferences, referencedIds } from './document-references.js'

const doc = (...content: ArticleDocument['content']): ArticleDocument => ({ type: 'doc', content })

const image = (mediaId: number): ImageNode => ({
  type: 'image',
  attrs: { mediaId, src: `/media/${mediaId}.jpg`, alt: '', width: 800, height: 600 },
})

describe('documentReferences', () => {
  it('lists images, galleries, related stories and embeds in body order, numbered from 0', () => {
    const references = documentReferences(
      doc(
        paragraph('Lead.'),
        image(7),
        { type: 'gallery', attrs: { galleryId: 3 } },
        paragraph('More.'),
        { type: 'relatedArticle', attrs: { articleId: 12, headline: 'Earlier', url: '/en/x/12' } },
        {
          type: 'embed',
          attrs: { url: 'https://www.youtube.com/watch?v=abc', provider: 'youtube' },
        },
      ),
    )
    expect(references).toEqual([
      { position: 0, kind: 'media', targetId: 7, url: null, provider: null },
      { position: 1, kind: 'gallery', targetId: 3, url: null, provider: null },
      { position: 2, kind: 'article', targetId: 12, url: null, provider: null },
      {
        position: 3,
        kind: 'embed',
        targetId: null,
        url: 'https://www.youtube.com/watch?v=abc',
        provider: 'youtube',
      },
    ])
  })

  it('keeps a block shown twice as two references, and finds none in text alone', () => {
    expect(documentReferences(doc(image(5), paragraph('Between.'), image(5)))).toHaveLength(2)
    expect(
      documentReferences(
        doc(paragraph('Only text'), { type: 'heading', attrs: { level: 2 }, content: [] }),
      ),
    ).toEqual([])
    expect(documentReferences(doc())).toEqual([])
  })

  it('references no media for a remote picture kept at its URL', () => {
    const remote: ImageNode = {
      type: 'image',
      attrs: { src: 'https://old.example/a.jpg', alt: '' },
    }
    expect(documentReferences(doc(remote, image(3)))).toEqual([
      { position: 0, kind: 'media', targetId: 3, url: null, provider: null },
    ])
  })

  it('gives the distinct ids of one kind in body order', () => {
    const references = documentReferences(
      doc(image(9), { type: 'gallery', attrs: { galleryId: 2 } }, image(4), image(9)),
    )
    expect(referencedIds(references, 'media')).toEqual([9, 4])
    expect(referencedIds(references, 'gallery')).toEqual([2])
    expect(referencedIds(references, 'article')).toEqual([])
  })
})
