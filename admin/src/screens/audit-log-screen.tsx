import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../api/client.js'
import { startOfLocalDay, startOfNextLocalDay } from '../api/local-days.js'
import { useLoad } from '../api/use-load.js'
import { Pagination } from '../components/pagination.js'
import { useI18n } from '../i18n/i18n-context.js'
import { useNavigation } from '../router.js'
import './screens.css'
import type { AuditEntry, AuditPage } from '../api/types.js'

/** Where a change came from, which entries by people keep in their details. */
const ipAddressOf = (entry: AuditEntry) =>
  typeof entry.details['ipAddress'] === 'string' ? entry.details['ipAddress'] : ''

const PAGE_SIZE = 50
const FILTERS = ['entityType', 'entityId', 'action', 'actorId', 'from', 'to'] as const
type AuditFilterName = (typeof FILTERS)[number]

/** The kinds of record the log names, for the filter. */
const ENTITY_TYPES = [
  'article',
  'page',
  'section',
  'tag',
  'author',
  'source',
  'media',
  'gallery',
  'settings',
  'redirect',
  'contact_message',
  'webhook',
  'user',
  'api_token',
]

/** Who changed what and when, filtered by record, action, person and days, a page at a time. */
export function AuditLogScreen({ query }: { query: URLSearchParams }) {
  const { t, formatDateTime } = useI18n()
  const { navigate } = useNavigation()
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, query.get(name) ?? '']),
  ) as Record<AuditFilterName, string>
  const page = Math.max(1, Math.trunc(Number(query.get('page'))) || 1)
  const [draft, setDraft] = useState(filters)
  const [users, setUsers] = useState<{ id: number; name: string }[]>([])
  useEffect(() => setDraft(filters), [query.toString()])
  useEffect(() => {
    api<{ items: { id: number; name: string }[] }>('GET', 'users').then(
      (answer) => setUsers(answer.items),
      () => undefined,
    )
  }, [])
  const [entries] = useLoad(
    () =>
      api<AuditPage>('GET', 'audit-log', {
        query: {
          entityType: filters.entityType,
          entityId: filters.entityId,
          action: filters.action.trim(),
          ...(filters.actorId ? { actorType: 'user', actorId: filters.actorId } : {}),
          from: filters.from ? startOfLocalDay(filters.from) : undefined,
          to: filters.to ? startOfNextLocalDay(filters.to) : undefined,
          page,
          pageSize: PAGE_SIZE,
        },
      }),
    query.toString(),
  )
  const go = (next: Record<AuditFilterName, string>, nextPage = 1) => {
    const search = new URLSearchParams()
    for (const name of FILTERS) if (next[name]) search.set(name, next[name])
    if (nextPage > 1) search.set('page', String(nextPage))
    const text = search.toString()
    navigate(text ? `/audit-log?${text}` : '/audit-log')
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    go(draft)
  }
  const field = (name: AuditFilterName) => ({
    id: `audit-${name}`,
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft({ ...draft, [name]: event.target.value }),
  })
  const who = (entry: AuditEntry) => {
    if (entry.actorType === 'system') return t('auditSystem')
    if (entry.actorType === 'token') return t('auditToken', { id: entry.actorId ?? '' })
    return entry.actorName ?? t('auditUnknownUser', { id: entry.actorId ?? '' })
  }

  return (
    <section className="audit-log-screen">
      <div className="screen-title">
        <h1>{t('auditTitle')}</h1>
      </div>
      <form className="filters" role="search" aria-label={t('filtersTitle')} onSubmit={submit}>
        <div className="filter">
          <label htmlFor="audit-entityType">{t('auditEntityType')}</label>
          <select {...field('entityType')}>
            <option value="">{t('any')}</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="audit-entityId">{t('auditEntityId')}</label>
          <input {...field('entityId')} inputMode="numeric" dir="ltr" />
        </div>
        <div className="filter">
          <label htmlFor="audit-action">{t('auditAction')}</label>
          <input {...field('action')} dir="ltr" aria-describedby="audit-action-hint" />
          <p className="hint" id="audit-action-hint">
            {t('auditActionHint')}
          </p>
        </div>
        <div className="filter">
          <label htmlFor="audit-actorId">{t('auditPerson')}</label>
          <select {...field('actorId')}>
            <option value="">{t('any')}</option>
            {users.map((user) => (
              <option key={user.id} value={String(user.id)}>
                {user.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="audit-from">{t('auditFrom')}</label>
          <input {...field('from')} type="date" />
        </div>
        <div className="filter">
          <label htmlFor="audit-to">{t('auditTo')}</label>
          <input {...field('to')} type="date" />
        </div>
        <div className="filter-buttons">
          <button type="submit" className="button secondary">
            {t('applyFilters')}
          </button>
          {FILTERS.some((name) => filters[name]) && (
            <button
              type="button"
              className="button secondary"
              onClick={() => go(Object.fromEntries(FILTERS.map((n) => [n, ''])) as typeof filters)}
            >
              {t('clearFilters')}
            </button>
          )}
        </div>
      </form>
      {entries.state === 'loading' && (
        <p className="loading" role="status">
          {t('loading')}
        </p>
      )}
      {entries.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('errorGeneric')}
        </p>
      )}
      {entries.state === 'loaded' && (
        <>
          <p className="result-count" role="status">
            {t('auditCount', { count: entries.data.total })}
          </p>
          {entries.data.items.length === 0 ? (
            <p className="notice">{t('auditEmpty')}</p>
          ) : (
            <table className="article-table audit-table">
              <thead>
                <tr>
                  <th scope="col">{t('auditWhen')}</th>
                  <th scope="col">{t('auditWho')}</th>
                  <th scope="col">{t('auditWhat')}</th>
                  <th scope="col">{t('auditRecord')}</th>
                  <th scope="col">{t('auditAddress')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td>
                      <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                    </td>
                    <td dir="auto">{who(entry)}</td>
                    <td>
                      <code dir="ltr">{entry.action}</code>
                    </td>
                    <td dir="ltr" className="audit-record">
                      {entry.entityType}
                      {entry.entityId ? ` ${entry.entityId}` : ''}
                    </td>
                    <td dir="ltr">{ipAddressOf(entry)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pagination
            page={page}
            pageCount={entries.data.pageCount}
            onPage={(next) => go(filters, next)}
          />
        </>
      )}
    </section>
  )
}
