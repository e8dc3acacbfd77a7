import { z } from 'zod'
import { ID, ID_TEXT, LANGUAGE_CODE, SLUG } from '../../http/common-schemas.js'
import { WIRE_FOLDER_PATTERN } from './read-wire-folder.js'

export const WIRE_FORMATS = ['rss', 'atom', 'ninjs'] as const

/** An agency feed as the Admin API takes it: exactly one of `url` and `folder`. */
export const WIRE_FEED = z.strictObject({
  sourceId: ID,
  name: z.string().trim().min(1).max(200),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  folder: z
    .string()
    .max(300)
    .regex(WIRE_FOLDER_PATTERN, 'a folder under the data folder\u2019s wires/, such as agency-en')
    .nullable()
    .optional(),
  format: z.enum(WIRE_FORMATS),
  language: LANGUAGE_CODE,
  pollIntervalSeconds: z.number().int().min(60).max(86_400).default(300),
  isEnabled: z.boolean().default(true),
})

export const WIRE_FEED_CHANGES = z.strictObject({
  sourceId: ID.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  url: WIRE_FEED.shape.url,
  folder: WIRE_FEED.shape.folder,
  format: z.enum(WIRE_FORMATS).optional(),
  language: LANGUAGE_CODE.optional(),
  pollIntervalSeconds: z.number().int().min(60).max(86_400).optional(),
  isEnabled: z.boolean().optional(),
})

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()])

export const WIRE_ITEM_QUERY = z.strictObject({
  sourceId: ID_TEXT.optional(),
  feedId: ID_TEXT.optional(),
  language: LANGUAGE_CODE.optional(),
  status: z.enum(['new', 'used']).optional(),
  q: z.string().max(200).optional(),
  since: instant.optional(),
  until: instant.optional(),
  page: z.coerce.number().int().min(1).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
})

export const WIRE_USE = z.strictObject({
  language: LANGUAGE_CODE.optional(),
  section: z.union([SLUG, ID]).optional(),
})
