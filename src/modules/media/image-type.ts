/** An image type Masthead accepts, as told by the file's first bytes. */
export interface ImageType {
  mimeType: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif' | 'image/gif'
  extension: 'jpg' | 'png' | 'webp' | 'avif' | 'gif'
  /** The name sharp's metadata gives the format. */
  sharpFormat: 'jpeg' | 'png' | 'webp' | 'heif' | 'gif'
}

/** How many leading bytes detectImageType needs. */
export const IMAGE_TYPE_HEAD_BYTES = 64

const ascii = (bytes: Buffer, start: number, end: number) => bytes.toString('latin1', start, end)

/** AVIF is an ISO-BMFF file whose `ftyp` box names `avif` or `avis` as a brand. */
function isAvif(head: Buffer): boolean {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return false
  const boxEnd = Math.min(head.readUInt32BE(0), head.length)
  for (let offset = 8; offset + 4 <= boxEnd; offset += 4) {
    if (offset === 12) continue // minor version, not a brand
    const brand = ascii(head, offset, offset + 4)
    if (brand === 'avif' || brand === 'avis') return true
  }
  return false
}

/**
 * The type of an image from its content, never from its name: JPEG, PNG, WebP, AVIF or GIF.
 * Anything else (SVG, HEIC, TIFF, text) is undefined.
 */
export function detectImageType(head: Buffer): ImageType | undefined {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return { mimeType: 'image/jpeg', extension: 'jpg', sharpFormat: 'jpeg' }
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { mimeType: 'image/png', extension: 'png', sharpFormat: 'png' }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP')
    return { mimeType: 'image/webp', extension: 'webp', sharpFormat: 'webp' }
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')
    return { mimeType: 'image/gif', extension: 'gif', sharpFormat: 'gif' }
  if (isAvif(head)) return { mimeType: 'image/avif', extension: 'avif', sharpFormat: 'heif' }
  return undefined
}
