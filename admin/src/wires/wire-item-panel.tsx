import { useState } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { useLoad } from '../api/use-load.js'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf } from '../i18n/messages.js'
import { Link } from '../router.js'
import { pickName } from '../settings/areas/names.js'
import type { OpenedWireItem } from '../api/types.js'

/** One wire story, read in full, with the button that turns it into a draft. */
export function WireItemPanel({
  id,
  onClose,
  onUsed,
  onStale,
}: {
  id: number
  onClose: () => void
  onUsed: (articleId: number) => void
  onStale: () => void
}) {
  const { t, language, formatDateTime } = useI18n()
  const [item] = useLoad(() => api<OpenedWireItem>('GET', `wires/items/${id}`), String(id))
  const [edition, setEdition] = useState<string | undefined>()
  const [state, setState] = useState<'idle' | 'using' | 'used-elsewhere' | 'failed'>('idle')

  if (item.state !== 'loaded') {
    return (
      <aside className="wire-panel" aria-busy={item.state === 'loading'}>
        <p className={item.state === 'failed' ? 'form-error' : 'loading'} role="status">
          {t(item.state === 'failed' ? 'errorGeneric' : 'loading')}
        </p>
      </aside>
    )
  }
  const story = item.data
  const chosenEdition = edition ?? story.language
  const use = async () => {
    setState('using')
    try {
      const answer = await api<{ article: { id: number } }>('POST', `wires/items/${story.id}/use`, {
        body: { language: chosenEdition },
      })
      onUsed(answer.article.id)
    } catch (caught) {
      const isTaken = caught instanceof ApiError && caught.status === 409
      setState(isTaken ? 'used-elsewhere' : 'failed')
      if (isTaken) onStale()
    }
  }

  return (
    <aside className="wire-panel" aria-labelledby="wire-panel-title">
      <div className="wire-panel-top">
        <p className="wire-agency" dir="auto">
          {story.source ? pickName(story.source.name, language) : ''}
        </p>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('wireClose')}
        </button>
      </div>
      <div dir={directionOf(story.language)} lang={story.language}>
        <h2 id="wire-panel-title">{story.headline}</h2>
        {story.summary && <p className="wire-summary">{story.summary}</p>}
        <p className="wire-meta">
          {story.byline && <span>{t('wireBy', { name: story.byline })} · </span>}
          {story.publishedAt && (
            <time dateTime={story.publishedAt}>
              {t('wirePublished', { time: formatDateTime(story.publishedAt) })}
            </time>
          )}
        </p>
        {/* The server sanitised this HTML against the article allowlist when the wire came in. */}
        <div className="wire-body" dangerouslySetInnerHTML={{ __html: story.bodyHtml }} />
      </div>
      {story.link && (
        <p>
          <a href={story.link} target="_blank" rel="noreferrer noopener" dir="ltr">
            {t('wireOriginal')}
          </a>
        </p>
      )}
      {story.status === 'used' ? (
        <p className="notice">
          {story.usedAt && t('wireUsedAt', { time: formatDateTime(story.usedAt) })}{' '}
          {story.articleId && <Link to={`/articles/${story.articleId}`}>{t('wireOpenDraft')}</Link>}
        </p>
      ) : (
        <div className="wire-use">
          <div className="filter">
            <label htmlFor="wire-edition">{t('wireEdition')}</label>
            <select
              id="wire-edition"
              value={chosenEdition}
              onChange={(event) => setEdition(event.target.value)}
            >
              <option value="en">{t('languageEn')}</option>
              <option value="ar">{t('languageAr')}</option>
            </select>
          </div>
          <button
            type="button"
            className="button primary"
            disabled={state === 'using' || state === 'used-elsewhere'}
            onClick={() => void use()}
          >
            {state === 'using' ? t('wireUsing') : t('wireUse')}
          </button>
        </div>
      )}
      {state === 'used-elsewhere' && (
        <p className="form-error" role="alert">
          {t('wireAlreadyUsed')}
        </p>
      )}
      {state === 'failed' && (
        <p className="form-error" role="alert">
          {t('errorGeneric')}
        </p>
      )}
    </aside>
  )
}
