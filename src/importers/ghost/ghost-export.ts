import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { ImportInputError } from '../import-input-error.js'

const text = z.string().nullish()

const postSchema = z.object({
  id: z.string(),
  uuid: text,
  title: z.string(),
  slug: z.string(),
  html: text,
  lexical: text,
  mobiledoc: text,
  feature_image: text,
  featured: z.union([z.boolean(), z.number()]).nullish(),
  type: z.string().nullish(),
  status: z.string(),
  published_at: text,
  updated_at: text,
  created_at: text,
  custom_excerpt: text,
})

const dataSchema = z.object({
  posts: z.array(postSchema),
  tags: z.array(z.object({ id: z.string(), name: z.string(), slug: z.string() })).default([]),
  users: z
    .array(z.object({ id: z.string(), name: z.string(), slug: z.string(), bio: text }))
    .default([]),
  posts_tags: z
    .array(z.object({ post_id: z.string(), tag_id: z.string(), sort_order: z.number().nullish() }))
    .default([]),
  settings: z.array(z.object({ key: z.string(), value: z.unknown() })).default([]),
  posts_authors: z
    .array(
      z.object({ post_id: z.string(), author_id: z.string(), sort_order: z.number().nullish() }),
    )
    .default([]),
})

const rootSchema = z.object({ meta: z.object({ version: z.string() }), data: dataSchema })
/** Ghost 5 wraps the export in `{"db": [...]}`; some version 4 exports do not. */
const wrappedSchema = z.object({ db: z.array(rootSchema).min(1) })

export type GhostPost = z.infer<typeof postSchema>
export type GhostData = z.infer<typeof dataSchema>

/**
 * Reads a Ghost export (versions 4 and 5, with or without the `db` wrapper): strict UTF-8, JSON,
 * and the shape Ghost writes; anything else is refused with the first thing that is wrong.
 */
export async function readGhostExport(path: string): Promise<{ version: string; data: GhostData }> {
  const bytes = await readFile(path)
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'the file is not valid UTF-8'
    throw new ImportInputError(`not a Ghost export: ${reason}`)
  }
  const isWrapped = typeof json === 'object' && json !== null && 'db' in json
  const parsed = (isWrapped ? wrappedSchema : rootSchema).safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.join('.') || 'the top level'
    throw new ImportInputError(
      `not a Ghost export: ${where}: ${issue?.message ?? 'unexpected shape'} (expected {"db":[{"meta","data":{"posts",…}}]})`,
    )
  }
  const root = 'db' in parsed.data ? parsed.data.db[0] : parsed.data
  if (!root) throw new ImportInputError('not a Ghost export: "db" is empty')
  if (!/^[45]\./.test(root.meta.version))
    throw new ImportInputError(
      `Ghost ${root.meta.version} exports are not supported (4.x and 5.x are)`,
    )
  return { version: root.meta.version, data: root.data }
}

/** The site's URL when the export names it (a `url` setting); Ghost 5 exports usually do not. */
export function exportedSiteUrl(data: GhostData): string | undefined {
  const value = data.settings.find((setting) => setting.key === 'url')?.value
  return typeof value === 'string' && /^https?:\/\/[^/]/i.test(value) ? value : undefined
}
