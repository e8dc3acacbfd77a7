import { z } from 'zod'
import { ARTICLE_DOCUMENT_SCHEMA } from '../articles/document/document-schema.js'
import { WORKFLOW_ACTION_NAMES } from './workflow.js'
import { ID, ID_PARAMS, ID_TEXT, LANGUAGE_CODE } from '../../http/common-schemas.js'
import { TAG_NAME_LENGTH } from '../tags/tag-queries.js'

/** The longest headline and dek an article may have; importers fit theirs to these too. */
export const ARTICLE_TEXT_LIMITS = { headline: 300, dek: 600 } as const

const reference = z.union([ID, z.string().trim().min(1).max(200)])
const instant = z.iso.datetime({ offset: true })
const optionalId = ID.nullable().optional()

/** The editable fields, as JSON clients send them (camelCase keys). */
export const ARTICLE_FIELDS = z.strictObject({
  type: z.enum(['report', 'analysis', 'opinion', 'background', 'review', 'live']).optional(),
  /** A live story's coverage: `ended` ends it (the page stays as an archive), `live` reopens it. */
  coverageState: z.enum(['live', 'ended']).optional(),
  headline: z.string().trim().min(1).max(ARTICLE_TEXT_LIMITS.headline).optional(),
  dek: z.string().max(ARTICLE_TEXT_LIMITS.dek).optional(),
  slug: z
    .string()
    .trim()
    .max(200)
    .regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, 'letters and digits joined by hyphens')
    .optional(),
  /** The body as HTML; sanitised against the allowlist on the way in. */
  body: z.string().max(2_000_000).optional(),
  /** The body as the editor's JSON document. */
  bodyDoc: ARTICLE_DOCUMENT_SCHEMA.optional(),
  excerpt: z.string().max(1000).optional(),
  section: reference.optional(),
  tags: z.array(z.string().trim().min(1).max(TAG_NAME_LENGTH)).max(50).optional(),
  authors: z.array(reference).max(20).optional(),
  source: reference.nullable().optional(),
  sourceUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional(),
  heroMediaId: optionalId,
  heroGalleryId: optionalId,
  isBreaking: z.boolean().optional(),
  breakingUntil: instant.nullable().optional(),
  isFeatured: z.boolean().optional(),
  pinnedPosition: z.number().int().min(1).max(20).nullable().optional(),
  seo: z
    .strictObject({
      title: z.string().max(200).optional(),
      description: z.string().max(400).optional(),
      socialTitle: z.string().max(200).optional(),
      socialDescription: z.string().max(400).optional(),
      imageMediaId: ID.optional(),
    })
    .optional(),
  relatedArticleIds: z.array(ID).max(20).optional(),
})

export const NEW_ARTICLE = ARTICLE_FIELDS.extend({
  language: LANGUAGE_CODE,
  headline: z.string().trim().min(1).max(ARTICLE_TEXT_LIMITS.headline),
  section: reference,
  status: z.enum(['draft', 'in_review', 'scheduled', 'published']).optional(),
  scheduledAt: instant.nullable().optional(),
})

const NOTICE = z.strictObject({
  kind: z.enum(['correction', 'clarification', 'update', 'editors_note']),
  text: z.string().trim().min(1).max(2000),
})

export const ARTICLE_SAVE = ARTICLE_FIELDS.extend({
  baseVersion: ID.optional(),
  notice: NOTICE.optional(),
})

export const ARTICLE_NOTICE = NOTICE

export const ARTICLE_TRANSITION = z.strictObject({
  action: z.enum(WORKFLOW_ACTION_NAMES as [string, ...string[]]),
  scheduledAt: instant.nullable().optional(),
  baseVersion: ID.optional(),
})

const statuses = z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished'])

export const ARTICLE_LIST_QUERY = z.strictObject({
  status: z
    .union([statuses, z.array(statuses)])
    .transform((value) => [value].flat())
    .optional(),
  language: z.string().max(3).optional(),
  section: reference.optional(),
  tag: z.string().max(200).optional(),
  author: z.string().max(200).optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  updatedFrom: instant.optional(),
  updatedTo: instant.optional(),
  q: z.string().max(200).optional(),
  sort: z.enum(['updated', 'published', 'headline']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
})

export const REVISION_PARAMS = ID_PARAMS.extend({ number: ID_TEXT })

export { ID_PARAMS }
