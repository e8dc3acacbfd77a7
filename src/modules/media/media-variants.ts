/** The widths every picture is offered in; never wider than the original. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const
/** The widths of each focal crop: cards and thumbnails never need more. */
export const CROP_WIDTHS = [320, 640, 960] as const
export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const

export type VariantFormat = (typeof VARIANT_FORMATS)[number]

/** Aspect-ratio crops around the focal point, and the fixed-size social (Open Graph) image. */
export const CROPS = {
  '16:9': { ratio: 16 / 9 },
  '4:3': { ratio: 4 / 3 },
  '1:1': { ratio: 1 },
  social: { ratio: 1200 / 630, width: 1200, height: 630 },
} as const

export type CropName = keyof typeof CROPS
/** `full` is the whole picture resized; the others are crops. */
export type VariantShape = 'full' | CropName

/** One generated file. */
export interface VariantFile {
  shape: VariantShape
  format: VariantFormat
  width: number
  height: number
  key: string
}

/** Everything the variant job made for a media item, and the focal point its crops were cut for. */
export interface MediaVariants {
  focalX: number
  focalY: number
  files: VariantFile[]
}

/** A rectangle in pixels of the original. */
export interface Region {
  left: number
  top: number
  width: number
  height: number
}

/** The widths to make for a picture `width` wide: the standard ones that fit, else its own. */
export function widthsFor(width: number, candidates: readonly number[]): number[] {
  const fitting = candidates.filter((candidate) => candidate <= width)
  return fitting.length ? fitting : [width]
}

/**
 * The largest region of the given aspect ratio inside the picture, as close to centred on the focal
 * point (fractions 0–1) as the picture's edges allow.
 */
export function cropRegion(
  size: { width: number; height: number },
  ratio: number,
  focal: { x: number; y: number },
): Region {
  const width = Math.min(size.width, Math.round(size.height * ratio))
  const height = Math.min(size.height, Math.round(width / ratio))
  const clamp = (value: number, max: number) => Math.max(0, Math.min(max, Math.round(value)))
  return {
    left: clamp(focal.x * size.width - width / 2, size.width - width),
    top: clamp(focal.y * size.height - height / 2, size.height - height),
    width,
    height,
  }
}

/** Parses the variants column; anything malformed reads as "not made yet". */
export function parseVariants(json: string | null): MediaVariants | null {
  if (json === null) return null
  const value = JSON.parse(json) as Partial<MediaVariants> | null
  if (!value || !Array.isArray(value.files)) return null
  return { focalX: value.focalX ?? 0.5, focalY: value.focalY ?? 0.5, files: value.files }
}
