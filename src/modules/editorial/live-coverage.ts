import { AppError } from '../../errors/app-error.js'
import type { Article } from '../articles/article.js'
import type { ArticleChanges } from '../articles/article-updates.js'

type CoverageBefore = Pick<Article, 'type' | 'coverageState' | 'coverageStartedAt' | 'publishedAt'>

/**
 * A change with the coverage columns it implies. A live story's coverage is `live` from its
 * creation until an editor ends it (and may be reopened); it starts when the story is first
 * published and ends when it is ended. Every other type has no coverage at all.
 */
export function withCoverage(
  before: CoverageBefore | undefined,
  changes: ArticleChanges,
  now: Date,
): ArticleChanges {
  const type = changes.type ?? before?.type ?? 'report'
  if (type !== 'live') {
    if (changes.coverageState !== undefined) {
      throw new AppError('VALIDATION_FAILED', 'Only a live story has coverage to start or end', {
        property: 'coverageState',
      })
    }
    if (!before?.coverageState) return changes
    return { ...changes, coverageState: null, coverageStartedAt: null, coverageEndedAt: null }
  }
  const wasState = before?.coverageState ?? null
  const state = changes.coverageState ?? wasState ?? 'live'
  const result: ArticleChanges = { ...changes, coverageState: state }
  if (state === 'ended' && wasState !== 'ended') result.coverageEndedAt = now.toISOString()
  if (state === 'live' && wasState === 'ended') result.coverageEndedAt = null
  const publishedAt = changes.publishedAt ?? before?.publishedAt ?? null
  if (!before?.coverageStartedAt && publishedAt) result.coverageStartedAt = publishedAt
  return result
}
