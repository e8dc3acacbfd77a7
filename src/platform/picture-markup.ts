import { escapeHtml } from './escape-html.js'

/** What `<picture>` needs: AVIF and WebP sources, the JPEG fallback with its srcset, and the size. */
export interface ResponsiveImage {
  sources: { type: string; srcset: string }[]
  src: string
  srcset: string
  width: number
  height: number
}

/**
 * The opening of a `<picture>` (its sources) and the attributes its `<img>` adds, as HTML strings,
 * for bodies rendered outside the TSX templates.
 */
export function pictureParts(image: ResponsiveImage, sizes: string) {
  const sizesAttribute = `sizes="${escapeHtml(sizes)}"`
  return {
    open:
      '<picture>' +
      image.sources
        .map(
          (source) =>
            `<source type="${source.type}" srcset="${escapeHtml(source.srcset)}" ${sizesAttribute}>`,
        )
        .join(''),
    imgAttributes: `src="${escapeHtml(image.src)}" srcset="${escapeHtml(image.srcset)}" ${sizesAttribute}`,
    close: '</picture>',
  }
}

/** The sizes of an image in an article body, which is at most 46rem wide. */
export const BODY_IMAGE_SIZES = '(min-width: 48rem) 46rem, 100vw'
