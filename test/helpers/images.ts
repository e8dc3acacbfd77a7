import { deflateSync } from 'node:zlib'
import sharp from 'sharp'

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif'

/** A small picture drawn by sharp: a colour field with a darker square, in the given format. */
export async function makeImage(
  format: ImageFormat,
  options: { width?: number; height?: number; color?: string } = {},
): Promise<Buffer> {
  const width = options.width ?? 64
  const height = options.height ?? 48
  const square = await sharp({
    create: {
      width: Math.ceil(width / 4),
      height: Math.ceil(height / 4),
      channels: 3,
      background: '#203040',
    },
  })
    .png()
    .toBuffer()
  return sharp({
    create: { width, height, channels: 3, background: options.color ?? '#d06030' },
  })
    .composite([{ input: square, left: 0, top: 0 }])
    .toFormat(format, format === 'avif' ? { effort: 0 } : {})
    .toBuffer()
}

/** A JPEG camera photo: EXIF orientation (stored sideways) and a GPS position. */
export async function makeCameraPhoto(width: number, height: number): Promise<Buffer> {
  const base = await makeImage('png', { width, height })
  return sharp(base)
    .withExif({
      IFD0: { Make: 'Test Camera' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '33/1 30/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '36/1 18/1 0/1',
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .toBuffer()
}

function iimDataset(record: number, dataset: number, text: string): Buffer {
  const data = Buffer.from(text, 'utf8')
  const head = Buffer.from([0x1c, record, dataset, 0, 0])
  head.writeUInt16BE(data.length, 3)
  return Buffer.concat([head, data])
}

/** Splices an IPTC block (Photoshop APP13 with UTF-8 IIM datasets) into a JPEG after its SOI. */
export function withIptc(
  jpeg: Buffer,
  fields: { caption?: string; credit?: string; byline?: string; copyright?: string },
): Buffer {
  const datasets = Buffer.concat([
    iimDataset(1, 90, '\x1b%G'),
    ...(fields.byline ? [iimDataset(2, 80, fields.byline)] : []),
    ...(fields.credit ? [iimDataset(2, 110, fields.credit)] : []),
    ...(fields.copyright ? [iimDataset(2, 116, fields.copyright)] : []),
    ...(fields.caption ? [iimDataset(2, 120, fields.caption)] : []),
  ])
  const size = Buffer.alloc(4)
  size.writeUInt32BE(datasets.length)
  const resource = Buffer.concat([
    Buffer.from('8BIM', 'latin1'),
    Buffer.from([0x04, 0x04, 0, 0]),
    size,
    datasets,
    datasets.length % 2 ? Buffer.from([0]) : Buffer.alloc(0),
  ])
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource])
  const segment = Buffer.alloc(4)
  segment.writeUInt16BE(0xffed, 0)
  segment.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([jpeg.subarray(0, 2), segment, payload, jpeg.subarray(2)])
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A valid, black, one-bit PNG of width × height pixels: a decompression bomb of about 100 kB for
 * 30,000 × 30,000 (900 megapixels), built row by row so the test never holds the pixels.
 */
export function makePngBomb(width: number, height: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([1, 0, 0, 0, 0], 8)
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}
