import { useState } from 'react'
import { ApiError, NETWORK_FAILURE } from '../../api/api-error.js'
import { api } from '../../api/client.js'
import type { Article, NoticeKind } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import { directionOf } from '../../i18n/messages.js'

export const NOTICE_LABELS: Record<NoticeKind, MessageKey> = {
  correction: 'noticeCorrection',
  clarification: 'noticeClarification',
  update: 'noticeUpdate',
  editors_note: 'noticeEditorsNote',
}

/** Corrections, clarifications, updates and editor's notes: those published, and a new one. */
export function NoticesPanel({
  article,
  onAdded,
}: {
  article: Article
  onAdded: (article: Article) => void
}) {
  const { t, formatDateTime } = useI18n()
  const [kind, setKind] = useState<NoticeKind>('correction')
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const [isBusy, setBusy] = useState(false)

  const add = async () => {
    if (!text.trim()) {
      setError(t('errorRequired'))
      return
    }
    setBusy(true)
    setError('')
    try {
      onAdded(
        await api<Article>('POST', `articles/${article.id}/notices`, { body: { kind, text } }),
      )
      setText('')
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure
      setError(failure.status === NETWORK_FAILURE ? t('networkError') : t('errorGeneric'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <details className="panel-group notices" open={article.notices.length > 0 || undefined}>
      <summary>{t('notices', { count: article.notices.length })}</summary>
      {article.notices.length > 0 && (
        <ul className="notice-list">
          {[...article.notices].reverse().map((notice) => (
            <li key={notice.id}>
              <p className="notice-meta">
                <strong>{t(NOTICE_LABELS[notice.kind])}</strong> ·{' '}
                <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt)}</time>
              </p>
              <p dir={directionOf(article.language)} lang={article.language}>
                {notice.text}
              </p>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="notice-kind">{t('noticeKind')}</label>
        <select
          id="notice-kind"
          value={kind}
          onChange={(event) => setKind(event.target.value as NoticeKind)}
        >
          {(Object.keys(NOTICE_LABELS) as NoticeKind[]).map((value) => (
            <option key={value} value={value}>
              {t(NOTICE_LABELS[value])}
            </option>
          ))}
        </select>
      </div>
      <div className={error ? 'field has-error' : 'field'}>
        <label htmlFor="notice-text">{t('noticeText')}</label>
        <textarea
          id="notice-text"
          rows={3}
          maxLength={2000}
          dir={directionOf(article.language)}
          lang={article.language}
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'notice-text-error notice-hint' : 'notice-hint'}
          onChange={(event) => setText(event.target.value)}
        />
        <p className="hint" id="notice-hint">
          {t('noticeHint')}
        </p>
        {error && (
          <p className="field-error" id="notice-text-error">
            {error}
          </p>
        )}
      </div>
      <button
        type="button"
        className="button secondary"
        disabled={isBusy}
        onClick={() => void add()}
      >
        {t('addNotice')}
      </button>
    </details>
  )
}
