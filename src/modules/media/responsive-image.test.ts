import { describe, expect, it } from 'vitest'
import { renderDocumentHtml } from '../articles/document/render-document.js'
import type { MediaVariants, VariantFile } from './media-variants.js'
import { responsiveImage } from './responsive-image.js'

const file = (shape: VariantFile['shape'], format: VariantFile['format'], width: number) => ({
  shape,
  format,
  width,
  height: width / 2,
  key: `aa/bb/${shape === 'full' ? 'f' : 'c'}${format}${width}.${format === 'jpeg' ? 'jpg' : format}`,
})

const variants: MediaVariants = {
  focalX: 0.5,
  focalY: 0.5,
  files: [320, 640, 960, 1280].flatMap((width) =>
    (['avif', 'webp', 'jpeg'] as const).map((format) => file('full', format, width)),
  ),
}

describe('responsiveImage', () => {
  it('lists each format by width and falls back to a JPEG near 960 wide', () => {
    const image = responsiveImage(variants, 'full')
    expect(image?.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp'])
    expect(image?.sources[0]?.srcset).toBe(
      '/media/aa/bb/favif320.avif 320w, /media/aa/bb/favif640.avif 640w, ' +
        '/media/aa/bb/favif960.avif 960w, /media/aa/bb/favif1280.avif 1280w',
    )
    expect(image?.src).toBe('/media/aa/bb/fjpeg960.jpg')
    expect([image?.width, image?.height]).toEqual([1280, 640])
  })

  it('is undefined until the variants exist', () => {
    expect(responsiveImage(null, 'full')).toBeUndefined()
    expect(responsiveImage(variants, '16:9')).toBeUndefined()
  })
})

describe('body images', () => {
  const doc = {
    type: 'doc' as const,
    content: [
      {
        type: 'image' as const,
        attrs: {
          mediaId: 4,
          src: '/media/orig.jpg',
          alt: 'A "quoted" chart',
          width: 1280,
          height: 640,
        },
      },
    ],
  }
  const image = responsiveImage(variants, 'full')
  const images = new Map(image ? [[4, image]] : [])

  it('render as <picture> when their variants are known, and lazily', () => {
    const html = renderDocumentHtml(doc, { images })
    expect(html).toMatch(
      /^<figure class="image" data-media-id="4"><picture><source type="image\/avif" srcset="[^"]+" sizes="[^"]+"><source type="image\/webp"/,
    )
    expect(html).toContain(
      'alt="A &quot;quoted&quot; chart" width="1280" height="640" loading="lazy" decoding="async"></picture></figure>',
    )
  })
})
