import { h } from '../jsx/html.js'
import type { ImageView } from '../view-models.js'

/**
 * An image with its AVIF and WebP sources and a JPEG srcset once the variants exist, the original
 * until then; always with width and height, lazy unless it is the lead image.
 */
export function Picture(props: {
  image: ImageView
  sizes: string
  alt?: string
  class?: string
  /** The lead image: loaded at once and with high priority. */
  isLead?: boolean
  /** Loaded at once without raising its priority (the first of a gallery above the fold). */
  isEager?: boolean
}) {
  const { image } = props
  const isEager = props.isLead === true || props.isEager === true
  const img = (
    <img
      class={props.class}
      src={image.src}
      srcset={image.srcset}
      sizes={image.srcset ? props.sizes : undefined}
      alt={props.alt ?? image.alt}
      width={image.width}
      height={image.height}
      loading={isEager ? 'eager' : 'lazy'}
      fetchpriority={props.isLead ? 'high' : undefined}
      decoding="async"
    />
  )
  if (!image.sources?.length) return img
  return (
    <picture>
      {image.sources.map((source) => (
        <source type={source.type} srcset={source.srcset} sizes={props.sizes} />
      ))}
      {img}
    </picture>
  )
}
