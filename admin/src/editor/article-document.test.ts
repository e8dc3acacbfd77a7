import { describe, expect, it } from 'vitest'
import { toArticleDocument } from './article-document.js'

describe("turning TipTap's JSON into the article document", () => {
  it("drops the attributes TipTap adds that the server's schema refuses", () => {
    const doc = toArticleDocument({
      type: 'doc',
      content: [
        { type: 'orderedList', attrs: { start: 1, type: null }, content: [] },
        { type: 'heading', attrs: { level: 3, id: null }, content: [{ type: 'text', text: 'A' }] },
        {
          type: 'paragraph',
          attrs: {},
          content: [
            {
              type: 'text',
              text: 'site',
              marks: [
                { type: 'bold' },
                {
                  type: 'link',
                  attrs: {
                    href: 'https://a.example',
                    target: '_blank',
                    rel: 'noopener',
                    class: null,
                  },
                },
              ],
            },
          ],
        },
      ],
    })
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'orderedList', content: [] },
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'A' }] },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'site',
              marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://a.example' } }],
            },
          ],
        },
      ],
    })
  })

  it('keeps the attributes of blocks the editor carries through, without empty ones', () => {
    const image = {
      type: 'image',
      attrs: {
        mediaId: 4,
        src: '/m/4.jpg',
        alt: 'A port',
        caption: null,
        credit: null,
        width: 800,
        height: 600,
      },
    }
    expect(toArticleDocument({ type: 'doc', content: [image] }).content).toEqual([
      {
        type: 'image',
        attrs: { mediaId: 4, src: '/m/4.jpg', alt: 'A port', width: 800, height: 600 },
      },
    ])
  })
})
