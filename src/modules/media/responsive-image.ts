import type { ResponsiveImage } from '../../platform/picture-markup.js'
import type { MediaVariants, VariantShape } from './media-variants.js'

/** The public path of a stored media file. */
export const mediaPath = (key: string) => `/media/${key}`

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
