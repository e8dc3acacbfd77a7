import { useState } from 'react'
import { api } from '../api/client.js'
import type { AnswerOf } from '../api/types.js'
import { useLoad } from '../api/use-load.js'
import { Pagination } from '../components/pagination.js'
import { useI18n } from '../i18n/i18n-context.js'
import { useNavigation } from '../router.js'
import './screens.css'

const PAGE_SIZE = 20

/** The contact inbox: messages from readers, newest first; mark read, delete. */
export function InboxScreen({ query }: { query: URLSearchParams }) {
  const { t, formatDateTime } = useI18n()
  const { navigate } = useNavigation()
  const isUnreadOnly = query.get('unread') === 'true'
  const page = Math.max(1, Math.trunc(Number(query.get('page'))) || 1)
  const [messages, reload] = useLoad(
    () =>
      api<AnswerOf<'getApiAdminContactMessages'>>('GET', 'contact-messages', {
        query: { unread: isUnreadOnly ? 'true' : undefined, page, pageSize: PAGE_SIZE },
      }),
    `${isUnreadOnly}-${page}`,
  )
  const [error, setError] = useState(false)
  const go = (unread: boolean, nextPage: number) => {
    const search = new URLSearchParams()
    if (unread) search.set('unread', 'true')
    if (nextPage > 1) search.set('page', String(nextPage))
    const text = search.toString()
    navigate(text ? `/inbox?${text}` : '/inbox')
  }
  const act = async (request: Promise<unknown>) => {
    setError(false)
    try {
      await request
    } catch {
      setError(true)
    }
    reload()
  }

  return (
    <section className="inbox-screen">
      <div className="screen-title">
        <h1>{t('inboxTitle')}</h1>
      </div>
      <div className="filters">
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={isUnreadOnly}
            onChange={(event) => go(event.target.checked, 1)}
          />
          {t('unreadOnly')}
        </label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {t('errorGeneric')}
        </p>
      )}
      {messages.state === 'loading' && (
        <p className="loading" role="status">
          {t('loading')}
        </p>
      )}
      {messages.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('errorGeneric')}
        </p>
      )}
      {messages.state === 'loaded' && (
        <>
          <p className="result-count" role="status">
            {t('messageCount', { count: messages.data.total })}
          </p>
          {messages.data.items.length === 0 && <p className="notice">{t('noMessages')}</p>}
          <ul className="message-list">
            {messages.data.items.map((message) => (
              <li
                key={message.id}
                className={message.readAt ? 'message' : 'message is-unread'}
                aria-labelledby={`message-${message.id}`}
              >
                <article>
                  <header className="message-head">
                    <h2 id={`message-${message.id}`} dir="auto">
                      {message.subject}
                    </h2>
                    {!message.readAt && <span className="badge">{t('messageUnread')}</span>}
                  </header>
                  <p className="message-meta">
                    <span dir="auto">{t('messageFrom', { name: message.name })}</span> ·{' '}
                    <a href={`mailto:${message.email}`} dir="ltr">
                      {message.email}
                    </a>{' '}
                    · <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>{' '}
                    ·{' '}
                    {t('messageLanguage', {
                      language: t(message.language === 'ar' ? 'languageAr' : 'languageEn'),
                    })}
                  </p>
                  <p className="message-body" dir="auto" lang={message.language}>
                    {message.message}
                  </p>
                  <div className="form-buttons">
                    {!message.readAt && (
                      <button
                        type="button"
                        className="button secondary"
                        onClick={() => void act(api('POST', `contact-messages/${message.id}/read`))}
                      >
                        {t('markRead')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="button danger"
                      onClick={() => {
                        if (confirm(t('deleteMessageConfirm', { subject: message.subject })))
                          void act(api('DELETE', `contact-messages/${message.id}`))
                      }}
                    >
                      {t('deleteMessage')}
                    </button>
                  </div>
                </article>
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageCount={messages.data.pageCount}
            onPage={(next) => go(isUnreadOnly, next)}
          />
        </>
      )}
    </section>
  )
}
