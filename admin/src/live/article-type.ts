import type { MessageKey } from '../i18n/messages.js'
import type { CoverageState } from './live-types.js'

/** The types of article the Admin API takes (`type`); `live` is run from the live desk. */
export const ARTICLE_TYPES = [
  'report',
  'analysis',
  'opinion',
  'background',
  'review',
  'live',
] as const

export type ArticleType = (typeof ARTICLE_TYPES)[number]

export const ARTICLE_TYPE_LABELS: Record<ArticleType, MessageKey> = {
  report: 'typeReport',
  analysis: 'typeAnalysis',
  opinion: 'typeOpinion',
  background: 'typeBackground',
  review: 'typeReview',
  live: 'typeLive',
}

/** The type an Admin API answer names (every article and list row has one); a report if none. */
export function articleTypeOf(article: object): ArticleType {
  const type = 'type' in article ? article.type : undefined
  return ARTICLE_TYPES.find((candidate) => candidate === type) ?? 'report'
}

/** A live story's coverage as an Admin API answer names it; null for other types. */
export function coverageStateOf(article: object): CoverageState | null {
  const state = 'coverageState' in article ? article.coverageState : undefined
  return state === 'live' || state === 'ended' ? state : null
}
