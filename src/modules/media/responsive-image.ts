import { escapeHtml } from '../../platform/escape-html.js'
import type { MediaVariants, VariantShape } from './media-variants.js'

/** The public path of a stored media file. */
export const mediaPath = (key: string) => `/media/${key}`

/** What `<picture>` needs: AVIF and WebP sources, the JPEG fallback with its srcset, and the size. */
export interface ResponsiveImage {
  sources: { type: string; srcset: string }[]
  src: string
  srcset: string
  width: number
  height: number
}

/** The width the fallback `src` aims at: what a browser without srcset support most likely needs. */
const FALLBACK_WIDTH = 960

/**
 * The responsive files of one shape (the whole picture, or a crop), or undefined while the variant
 * job has not made them, in which case templates serve the original.
 */
export function responsiveImage(
  variants: MediaVariants | null,
  shape: VariantShape,
): ResponsiveImage | undefined {
  const files = (variants?.files ?? [])
    .filter((file) => file.shape === shape)
    .sort((a, b) => a.width - b.width)
  const jpegs = files.filter((file) => file.format === 'jpeg')
  const largest = jpegs.at(-1)
  if (!largest) return undefined
  const srcsetOf = (format: string) =>
    files
      .filter((file) => file.format === format)
      .map((file) => `${mediaPath(file.key)} ${file.width}w`)
      .join(', ')
  const fallback = jpegs.find((file) => file.width >= FALLBACK_WIDTH) ?? largest
  return {
    sources: [
      { type: 'image/avif', srcset: srcsetOf('avif') },
      { type: 'image/webp', srcset: srcsetOf('webp') },
    ].filter((source) => source.srcset),
    src: mediaPath(fallback.key),
    srcset: srcsetOf('jpeg'),
    width: largest.width,
    height: largest.height,
  }
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
