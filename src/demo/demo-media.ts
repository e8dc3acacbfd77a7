import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { createGallery } from '../modules/media/gallery-queries.js'
import { createMediaItem } from '../modules/media/media-queries.js'
import type { MediaStorage } from '../platform/storage/media-storage.js'
import { DEMO_PICTURE_HEIGHT, DEMO_PICTURE_WIDTH, renderDemoPicture } from './demo-pictures.js'
import { DEMO_GALLERIES, DEMO_SECTIONS, type Localized } from './demo-taxonomy.js'

/** How many stand-alone pictures the stories share as hero images. */
const HERO_PICTURES = 14
/** Pictures rendered at once: sharp runs each on its own threads. */
const RENDER_CONCURRENCY = 4

interface PictureRequest {
  hue: number
  seed: number
  alt: Localized
  caption: Localized
  credit: Localized
}

async function renderAll(requests: PictureRequest[]): Promise<Buffer[]> {
  const pictures: Buffer[] = new Array<Buffer>(requests.length)
  let next = 0
  const worker = async () => {
    for (let index = next++; index < requests.length; index = next++) {
      const request = requests[index]
      if (request) pictures[index] = await renderDemoPicture(request.hue, request.seed)
    }
  }
  await Promise.all(Array.from({ length: RENDER_CONCURRENCY }, worker))
  return pictures
}

export interface DemoMedia {
  /** Media ids of the shared hero pictures. */
  heroPictureIds: number[]
  /** Gallery ids and their first picture, by gallery key. */
  galleries: Map<string, { galleryId: number; coverMediaId: number }>
}

/** Draws the demo pictures, stores them and creates the media items and galleries. */
export async function loadDemoMedia(
  db: Kysely<Database>,
  storage: MediaStorage,
  now: Date,
): Promise<DemoMedia> {
  const sectionNames = DEMO_SECTIONS.filter((section) => section.parent).map(
    (section) => section.name,
  )
  const heroRequests: PictureRequest[] = Array.from({ length: HERO_PICTURES }, (_, index) => {
    const theme = sectionNames[index % sectionNames.length] ?? { en: 'News', ar: 'أخبار' }
    return {
      hue: (index * 47) % 360,
      seed: 1000 + index,
      alt: { en: `Illustration: ${theme.en}`, ar: `صورة توضيحية: ${theme.ar}` },
      caption: { en: '', ar: '' },
      credit: { en: 'Masthead illustration', ar: 'رسم توضيحي من ماستهد' },
    }
  })
  const galleryRequests = DEMO_GALLERIES.flatMap((gallery, galleryIndex) =>
    gallery.images.map((image, index) => ({
      hue: gallery.palette[index % gallery.palette.length] ?? 0,
      seed: 2000 + galleryIndex * 100 + index,
      alt: image.alt,
      caption: image.caption,
      credit: gallery.credit,
    })),
  )
  const requests = [...heroRequests, ...galleryRequests]
  const pictures = await renderAll(requests)

  const mediaIds: number[] = []
  for (const [index, request] of requests.entries()) {
    const bytes = pictures[index] ?? Buffer.alloc(0)
    mediaIds.push(
      await createMediaItem(
        db,
        {
          storageKey: await storage.put(bytes, 'jpg'),
          originalFilename: `demo-${request.seed}.jpg`,
          mimeType: 'image/jpeg',
          sizeBytes: bytes.length,
          width: DEMO_PICTURE_WIDTH,
          height: DEMO_PICTURE_HEIGHT,
          alt: request.alt,
          caption: request.caption,
          // English is the one credit; the Arabic edition shows its own form.
          credit: request.credit.en,
          creditByLanguage: { ar: request.credit.ar },
        },
        now,
      ),
    )
  }

  const galleries = new Map<string, { galleryId: number; coverMediaId: number }>()
  let offset = HERO_PICTURES
  for (const gallery of DEMO_GALLERIES) {
    const ids = mediaIds.slice(offset, offset + gallery.images.length)
    offset += gallery.images.length
    const galleryId = await createGallery(
      db,
      { title: gallery.title, items: ids.map((mediaId) => ({ mediaId })) },
      now,
    )
    galleries.set(gallery.key, { galleryId, coverMediaId: ids[0] ?? 0 })
  }
  return { heroPictureIds: mediaIds.slice(0, HERO_PICTURES), galleries }
}
