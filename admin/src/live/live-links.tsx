import type { Article } from '../api/types.js'
import { useI18n } from '../i18n/i18n-context.js'
import { Link } from '../router.js'
import './live-links.css'

/** The way from a live story (in the editor or the article list) to its live desk. */
export function LiveDeskLink({
  article,
  className,
}: {
  article: Pick<Article, 'id' | 'type'>
  className: string
}) {
  const { t } = useI18n()
  if (article.type !== 'live') return null
  return (
    <Link to={`/articles/${article.id}/live`} className={className}>
      {t('liveDeskOpen')}
    </Link>
  )
}

/** A live story's mark in the article list: live, or live with its coverage ended. */
export function LiveMark({ article }: { article: Pick<Article, 'type' | 'coverageState'> }) {
  const { t } = useI18n()
  if (article.type !== 'live') return null
  const isEnded = article.coverageState === 'ended'
  return (
    <span className={isEnded ? 'live-mark is-ended' : 'live-mark'}>
      {t(isEnded ? 'liveMarkEnded' : 'liveMark')}
    </span>
  )
}
