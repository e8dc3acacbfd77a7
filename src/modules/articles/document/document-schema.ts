import { z } from 'zod'
import { ID } from '../../../http/common-schemas.js'
import type { ArticleDocument, ListNode } from './article-document.js'
import { safeImageSrc, safeLinkHref } from './safe-url.js'

const webUrl = z
  .string()
  .max(2000)
  .refine((url) => /^https?:\/\//i.test(url.trim()), {
    message: 'must be an http or https URL',
  })
const linkUrl = z
  .string()
  .max(2000)
  .refine((url) => safeLinkHref(url) !== undefined, {
    message: 'must be an http, https or mailto URL or a path on this site',
  })
const mediaSource = z
  .string()
  .max(2000)
  .refine((url) => safeImageSrc(url) !== undefined, {
    message: 'must be an http or https URL or a path on this site',
  })

const mark = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('bold') }),
  z.strictObject({ type: z.literal('italic') }),
  z.strictObject({ type: z.literal('link'), attrs: z.object({ href: linkUrl }) }),
])

const inline = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('text'),
    text: z.string().min(1).max(100_000),
    marks: z.array(mark).max(3).optional(),
  }),
  z.strictObject({ type: z.literal('hardBreak') }),
])
const inlineContent = z.array(inline).max(5000).optional()

const paragraph = z.strictObject({ type: z.literal('paragraph'), content: inlineContent })

/** Lists nest: an item holds paragraphs and lists (the converter keeps four levels). */
const list: z.ZodType<ListNode> = z
  .lazy(() =>
    z.strictObject({
      type: z.enum(['bulletList', 'orderedList']),
      content: z
        .array(
          z.strictObject({
            type: z.literal('listItem'),
            content: z.array(z.union([paragraph, list])).max(20),
          }),
        )
        .max(500),
    }),
  )
  // Named, so the OpenAPI document describes the recursion once, for requests and answers.
  .meta({ id: 'ArticleListNode' })

// A plain union: the lazily defined list cannot take part in a discriminated one.
const block = z.union([
  paragraph,
  z.strictObject({
    type: z.literal('heading'),
    attrs: z.object({ level: z.union([z.literal(2), z.literal(3), z.literal(4)]) }),
    content: inlineContent,
  }),
  z.strictObject({
    type: z.literal('blockquote'),
    /** Who is quoted, shown as the quote's attribution. */
    attrs: z.object({ cite: z.string().max(300).optional() }).optional(),
    content: z.array(paragraph).max(100),
  }),
  z.strictObject({ type: z.literal('pullQuote'), content: inlineContent }),
  list,
  z.strictObject({
    type: z.literal('table'),
    attrs: z.object({ caption: z.string().max(500).optional() }).optional(),
    content: z
      .array(
        z.strictObject({
          type: z.literal('tableRow'),
          content: z
            .array(
              z.strictObject({
                type: z.enum(['tableHeader', 'tableCell']),
                attrs: z
                  .object({
                    colspan: z.number().int().min(1).max(100).optional(),
                    rowspan: z.number().int().min(1).max(1000).optional(),
                  })
                  .optional(),
                content: inlineContent,
              }),
            )
            .max(100),
        }),
      )
      .max(2000),
  }),
  z.strictObject({
    type: z.literal('image'),
    attrs: z.object({
      /** Absent: a remote picture, kept at its URL (imported without its file). */
      mediaId: ID.optional(),
      src: mediaSource,
      alt: z.string().max(1000),
      caption: z.string().max(2000).optional(),
      credit: z.string().max(300).optional(),
      width: z.number().int().positive().optional(),
      height: z.number().int().positive().optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('gallery'),
    attrs: z.object({ galleryId: ID }),
  }),
  z.strictObject({
    type: z.literal('relatedArticle'),
    attrs: z.object({
      articleId: ID,
      headline: z.string().max(300),
      url: linkUrl,
    }),
  }),
  z.strictObject({
    type: z.literal('embed'),
    attrs: z.object({ url: webUrl, provider: z.string().max(50) }),
  }),
  z.strictObject({ type: z.literal('horizontalRule') }),
])

/**
 * The article body as a client sends it (TipTap's JSON): only the nodes, marks and attributes
 * Masthead renders, and only safe URLs. Anything else is a 400 naming the path to it.
 */
export const ARTICLE_DOCUMENT_SCHEMA: z.ZodType<ArticleDocument> = z.strictObject({
  type: z.literal('doc'),
  content: z.array(block).max(10_000),
})
