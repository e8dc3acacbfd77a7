import type { ReactNode } from 'react'
import { api } from '../api/client.js'
import type { ArticlePanel, ArticleSummary, Dashboard } from '../api/types.js'
import { useLoad } from '../api/use-load.js'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf, type MessageKey } from '../i18n/messages.js'
import { Link } from '../router.js'
import './screens.css'

/** The landing screen: what is waiting for the person, and what is happening on the site. */
export function DashboardScreen() {
  const { t, language } = useI18n()
  const [dashboard] = useLoad(() => api<Dashboard>('GET', 'dashboard'), 'dashboard')
  return (
    <section className="dashboard-screen">
      <div className="screen-title">
        <h1>{t('dashboardTitle')}</h1>
        <Link className="button primary" to={`/articles/new?language=${language}`}>
          {t('newArticle')}
        </Link>
      </div>
      {dashboard.state === 'loading' && (
        <p className="loading" role="status">
          {t('loading')}
        </p>
      )}
      {dashboard.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('errorGeneric')}
        </p>
      )}
      {dashboard.state === 'loaded' && <Panels dashboard={dashboard.data} />}
    </section>
  )
}

function Panels({ dashboard }: { dashboard: Dashboard }) {
  const { t, formatDateTime } = useI18n()
  const when = (key: MessageKey, iso: string | null) =>
    iso ? t(key, { time: formatDateTime(iso) }) : ''
  return (
    <div className="panels">
      <ArticleListPanel
        id="my-drafts"
        title="panelMyDrafts"
        panel={dashboard.myDrafts}
        seeAll="/articles?status=draft&mine=true"
      />
      <ArticleListPanel
        id="in-review"
        title="panelInReview"
        panel={dashboard.inReview}
        seeAll="/articles?status=in_review"
      />
      <ArticleListPanel
        id="scheduled"
        title="panelScheduled"
        panel={dashboard.scheduled}
        seeAll="/articles?status=scheduled"
        detail={(row) => when('scheduledFor', row.scheduledAt)}
      />
      <ArticleListPanel
        id="breaking"
        title="panelBreaking"
        panel={dashboard.breaking}
        detail={(row) => when('publishedAtTime', row.publishedAt)}
      />
      <ArticleListPanel
        id="recently-published"
        title="panelRecentlyPublished"
        panel={dashboard.recentlyPublished}
        seeAll="/articles?status=published&sort=published"
        detail={(row) => when('publishedAtTime', row.publishedAt)}
      />
      <Panel id="most-read" title="panelMostRead">
        {dashboard.mostReadToday.length === 0 ? (
          <p className="panel-empty">{t('panelEmpty')}</p>
        ) : (
          <ol className="panel-list">
            {dashboard.mostReadToday.map((row) => (
              <li key={row.id}>
                <Link
                  to={`/articles/${row.id}`}
                  lang={row.language}
                  dir={directionOf(row.language)}
                >
                  {row.headline}
                </Link>
                <span className="panel-detail">{t('viewsCount', { count: row.views })}</span>
              </li>
            ))}
          </ol>
        )}
      </Panel>
      {dashboard.contact && <ContactPanel contact={dashboard.contact} />}
    </div>
  )
}

function Panel({
  id,
  title,
  count,
  children,
}: {
  id: string
  title: MessageKey
  count?: number
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <section className="panel" aria-labelledby={`panel-${id}`} id={`dashboard-${id}`}>
      <h2 id={`panel-${id}`}>
        {t(title)}
        {count !== undefined && count > 0 && <span className="panel-count">{count}</span>}
      </h2>
      {children}
    </section>
  )
}

function ArticleListPanel({
  id,
  title,
  panel,
  seeAll,
  detail,
}: {
  id: string
  title: MessageKey
  panel: ArticlePanel
  seeAll?: string
  detail?: (row: ArticleSummary) => string
}) {
  const { t } = useI18n()
  return (
    <Panel id={id} title={title} count={panel.total}>
      {panel.items.length === 0 ? (
        <p className="panel-empty">{t('panelEmpty')}</p>
      ) : (
        <ul className="panel-list">
          {panel.items.map((row) => (
            <li key={row.id}>
              <Link to={`/articles/${row.id}`} lang={row.language} dir={directionOf(row.language)}>
                {row.headline}
              </Link>
              <span className="panel-detail">
                <span lang={row.language} dir={directionOf(row.language)}>
                  {row.sectionName}
                </span>
                {detail?.(row) && <> · {detail(row)}</>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {seeAll && panel.total > panel.items.length && (
        <Link className="panel-more" to={seeAll}>
          {t('panelSeeAll', { count: panel.total })}
        </Link>
      )}
    </Panel>
  )
}

function ContactPanel({ contact }: { contact: NonNullable<Dashboard['contact']> }) {
  const { t, formatDateTime } = useI18n()
  return (
    <Panel id="contact" title="panelContact" count={contact.unreadCount}>
      <p className="panel-summary">
        {contact.unreadCount > 0 ? t('unreadCount', { count: contact.unreadCount }) : t('noUnread')}
      </p>
      {contact.latest.length > 0 && (
        <ul className="panel-list">
          {contact.latest.map((message) => (
            <li key={message.id}>
              <span className="panel-subject" dir="auto">
                {message.subject}
              </span>
              <span className="panel-detail">
                <span dir="auto">{message.name}</span> · {formatDateTime(message.createdAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link className="panel-more" to="/inbox?unread=true">
        {t('openInbox')}
      </Link>
    </Panel>
  )
}
