import { z } from 'zod'
import { INSTANT, pageOf, TEXT_BY_LANGUAGE } from '../../http/response-schemas.js'

/** What the Admin API answers about the media library and galleries. */

export const MEDIA_VIEW = z
  .object({
    id: z.number().int(),
    url: z.string(),
    filename: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    width: z.number().int(),
    height: z.number().int(),
    alt: TEXT_BY_LANGUAGE,
    caption: TEXT_BY_LANGUAGE,
    credit: z
      .string()
      .nullable()
      .describe('The credit of every language without its own form in creditByLanguage'),
    creditByLanguage: TEXT_BY_LANGUAGE,
    copyright: z.string().nullable(),
    focalPoint: z.object({ x: z.number(), y: z.number() }),
    dominantColor: z.string().nullable(),
    variants: z
      .array(
        z.object({
          shape: z.string(),
          format: z.string(),
          width: z.number().int(),
          height: z.number().int(),
          url: z.string(),
        }),
      )
      .nullable()
      .describe('Null while the variant job has not run yet; the original is served meanwhile'),
    createdAt: INSTANT,
  })
  .meta({ id: 'MediaItem', description: 'A media library item' })

export const MEDIA_PAGE = pageOf(MEDIA_VIEW).meta({ id: 'MediaPage' })

export const MEDIA_USAGE = z.object({
  usage: z.array(
    z
      .object({
        kind: z.enum([
          'articleHero',
          'articleBody',
          'articleSeo',
          'pageBody',
          'gallery',
          'authorAvatar',
        ]),
        id: z.number().int(),
        label: z.string(),
      })
      .meta({ id: 'MediaUsage', description: 'A place that shows a media item' }),
  ),
})

export const GALLERY_VIEW = z
  .object({
    id: z.number().int(),
    title: TEXT_BY_LANGUAGE,
    items: z.array(
      z.object({
        mediaId: z.number().int(),
        position: z.number().int(),
        caption: TEXT_BY_LANGUAGE.nullable().describe("This gallery's caption, else the item's"),
        credit: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Gallery' })
