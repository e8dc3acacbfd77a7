import { AppError } from '../../errors/app-error.js'
import type { ArticleStatus } from '../../db/database.js'
import { assertPermission } from '../access/actor.js'
import type { ArticleService, EditorialContext } from './article-service.js'

/** What a bulk action can do to each selected article. */
export const BULK_ACTIONS = ['publish', 'unpublish', 'delete'] as const
export type BulkAction = (typeof BULK_ACTIONS)[number]

/** How one article fared: done (with its new status, none once deleted), or why not. */
export type BulkResult =
  | { id: number; outcome: 'done'; status: ArticleStatus | null }
  | { id: number; outcome: 'failed'; error: { code: string; message: string } }

/**
 * Applies one action to each article in turn through the article service, so each goes through
 * the same access checks, workflow rules, revisions, audit entries and events as a single change.
 * One article failing does not stop the others; each gets its own result, in the order asked.
 */
export async function applyBulkAction(
  articles: ArticleService,
  context: EditorialContext,
  input: { action: BulkAction; ids: number[] },
): Promise<{ results: BulkResult[] }> {
  // Someone who may not do this to any article is refused once, not once per row.
  assertPermission(
    context.actor,
    input.action === 'delete' ? 'articles.delete' : 'articles.publish',
  )
  const results: BulkResult[] = []
  for (const id of new Set(input.ids)) {
    try {
      if (input.action === 'delete') {
        await articles.remove(context, id)
        results.push({ id, outcome: 'done', status: null })
      } else {
        const article = await articles.transition(context, id, { action: input.action })
        results.push({ id, outcome: 'done', status: article.status })
      }
    } catch (error) {
      if (!(error instanceof AppError) || !error.isPublic) throw error
      results.push({ id, outcome: 'failed', error: { code: error.code, message: error.message } })
    }
  }
  return { results }
}
