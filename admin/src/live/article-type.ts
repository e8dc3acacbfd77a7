import type { ArticleType } from '../api/types.js'
import type { MessageKey } from '../i18n/messages.js'

export type { ArticleType }

/** Each type the Admin API takes, with its label; `live` is run from the live desk. */
export const ARTICLE_TYPE_LABELS: Record<ArticleType, MessageKey> = {
  report: 'typeReport',
  analysis: 'typeAnalysis',
  opinion: 'typeOpinion',
  background: 'typeBackground',
  review: 'typeReview',
  live: 'typeLive',
}

/** The types in the order the type picker offers them. */
export const ARTICLE_TYPES = Object.keys(ARTICLE_TYPE_LABELS) as ArticleType[]
