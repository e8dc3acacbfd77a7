import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { VariantFile } from '../../../src/modules/media/media-variants.js'
import { createMediaHarness, type MediaHarness } from '../../helpers/media-harness.js'
import { makeImage } from '../../helpers/images.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

/** 2400 × 1200: the left half red, the right half blue (pictures of equal pixels share files). */
async function twoColourPicture(red = '#ff0000'): Promise<Buffer> {
  const blue = await sharp({
    create: { width: 1200, height: 1200, channels: 3, background: '#0000ff' },
  })
    .png()
    .toBuffer()
  return sharp({ create: { width: 2400, height: 1200, channels: 3, background: red } })
    .composite([{ input: blue, left: 1200, top: 0 }])
    .jpeg()
    .toBuffer()
}

describeEachDatabase('media variants', (store) => {
  let media: MediaHarness
  beforeAll(() => {
    media = createMediaHarness(store())
  })
  afterAll(() => media.dispose())

  const reload = (id: number) => media.media.get(id)
  const sizes = (files: VariantFile[], shape: string) =>
    files
      .filter((file) => file.shape === shape)
      .map((file) => `${file.format} ${file.width}x${file.height}`)

  async function meanColour(key: string) {
    const { channels } = await sharp(await media.storage.get(key)).stats()
    return { red: channels[0]?.mean ?? 0, blue: channels[2]?.mean ?? 0 }
  }

  it('makes every width in AVIF, WebP and JPEG, and the crops at their sizes', async () => {
    const item = await media.upload(await twoColourPicture(), 'river.jpg')
    await media.variantJob.handle({ mediaId: item.id })
    const files = (await reload(item.id)).variants?.files ?? []
    const widths = [320, 640, 960, 1280, 1920]
    expect(sizes(files, 'full')).toEqual(
      widths.flatMap((w) => ['avif', 'webp', 'jpeg'].map((f) => `${f} ${w}x${w / 2}`)),
    )
    expect(sizes(files, '16:9')).toEqual(
      ['320x180', '640x360', '960x540'].flatMap((s) =>
        ['avif', 'webp', 'jpeg'].map((f) => `${f} ${s}`),
      ),
    )
    expect(sizes(files, '4:3')).toHaveLength(9)
    expect(sizes(files, '1:1')).toContain('jpeg 960x960')
    expect(sizes(files, 'social')).toEqual(['jpeg 1200x630'])
    for (const file of files) {
      const metadata = await sharp(await media.storage.get(file.key)).metadata()
      expect([metadata.format, metadata.width, metadata.height]).toEqual([
        file.format === 'avif' ? 'heif' : file.format,
        file.width,
        file.height,
      ])
    }
  })

  it('cuts the crops around the focal point, keeps the widths and removes the old crops', async () => {
    const item = await media.upload(await twoColourPicture('#f00010'), 'focal.jpg')
    await media.media.update(media.context, item.id, { focalPoint: { x: 0.95, y: 0.5 } })
    await media.variantJob.handle({ mediaId: item.id })
    const first = (await reload(item.id)).variants?.files ?? []
    const square = (files: VariantFile[]) =>
      files.find((file) => file.shape === '1:1' && file.format === 'jpeg' && file.width === 320)
    const blueSquare = await meanColour(square(first)?.key ?? '')
    expect(blueSquare.blue).toBeGreaterThan(200)
    expect(blueSquare.red).toBeLessThan(50)

    expect(media.jobs.filter((job) => job.uniqueKey === `media.variants:${item.id}`)).toHaveLength(
      2,
    )
    await media.media.update(media.context, item.id, { focalPoint: { x: 0.05, y: 0.5 } })
    expect(media.jobs.filter((job) => job.uniqueKey === `media.variants:${item.id}`)).toHaveLength(
      3,
    )
    await media.variantJob.handle({ mediaId: item.id })
    const second = (await reload(item.id)).variants
    expect(second).toMatchObject({ focalX: 0.05, focalY: 0.5 })
    const redSquare = await meanColour(square(second?.files ?? [])?.key ?? '')
    expect(redSquare.red).toBeGreaterThan(200)
    expect(redSquare.blue).toBeLessThan(50)
    const fullKeys = (files: VariantFile[]) =>
      files.filter((file) => file.shape === 'full').map((file) => file.key)
    expect(fullKeys(second?.files ?? [])).toEqual(fullKeys(first))
    expect(await media.storage.has(square(first)?.key ?? '')).toBe(false)
  })

  it('never enlarges a small picture', async () => {
    const item = await media.upload(
      await makeImage('png', { width: 500, height: 250 }),
      'small.png',
    )
    await media.variantJob.handle({ mediaId: item.id })
    const files = (await reload(item.id)).variants?.files ?? []
    expect(sizes(files, 'full')).toEqual(['avif 320x160', 'webp 320x160', 'jpeg 320x160'])
    expect(Math.max(...files.map((file) => file.width))).toBeLessThanOrEqual(500)
    expect(sizes(files, 'social')).toEqual(['jpeg 476x250'])
  })

  it('gives an animated GIF no variants, so the original keeps playing', async () => {
    const item = await media.upload(await makeImage('gif'), 'loop.gif')
    await media.variantJob.handle({ mediaId: item.id })
    expect((await reload(item.id)).variants).toEqual({ focalX: 0.5, focalY: 0.5, files: [] })
  })

  it('does nothing for a media item deleted before its job ran', async () => {
    await expect(media.variantJob.handle({ mediaId: 999_999 })).resolves.toBeUndefined()
    await expect(media.variantJob.handle({})).rejects.toThrow(/mediaId/)
  })
})
