import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../api/client.js'
import type { Source, WireItem, WireItemPage } from '../api/types.js'
import { useLoad } from '../api/use-load.js'
import { Pagination } from '../components/pagination.js'
import { useI18n } from '../i18n/i18n-context.js'
import { pickName } from '../settings/areas/names.js'
import { usePermissions } from '../api/permissions-context.js'
import { useNavigation } from '../router.js'
import { wireFiltersOf, wireItemsQuery, wiresPath, NO_WIRE_FILTERS } from './wire-filters.js'
import { WireDeskEmpty } from './wire-desk-empty.js'
import { WireItemPanel } from './wire-item-panel.js'
import './wires.css'

const PAGE_SIZE = 25

/** /admin/wires: the agency stories in the queue, newest first; read one, use it for a draft. */
export default function WiresScreen({ query }: { query: URLSearchParams }) {
  const { t, language, formatDateTime } = useI18n()
  const permissions = usePermissions()
  const { navigate } = useNavigation()
  const filters = wireFiltersOf(query)
  const page = Math.max(1, Math.trunc(Number(query.get('page'))) || 1)
  const [draft, setDraft] = useState(filters)
  const [agencies, setAgencies] = useState<Source[]>([])
  const [openId, setOpenId] = useState<number | undefined>()
  useEffect(() => setDraft(filters), [query.toString()])
  useEffect(() => {
    api<{ items: Source[] }>('GET', 'sources').then(
      (answer) => setAgencies(answer.items),
      () => undefined,
    )
  }, [])
  const [items, reload] = useLoad(
    () =>
      api<WireItemPage>('GET', 'wires/items', { query: wireItemsQuery(filters, page, PAGE_SIZE) }),
    query.toString(),
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    navigate(wiresPath(draft))
  }
  const field = (name: keyof typeof filters) => ({
    id: `wires-${name}`,
    value: draft[name],
    onChange: (event: { target: { value: string } }) =>
      setDraft({ ...draft, [name]: event.target.value }),
  })
  const agencyName = (item: WireItem) => (item.source ? pickName(item.source.name, language) : '')
  const isFiltered = Object.values(filters).some(Boolean)

  return (
    <section className="wires-screen">
      <div className="screen-title">
        <h1>{t('wiresTitle')}</h1>
      </div>
      <form className="filters" role="search" aria-label={t('filtersTitle')} onSubmit={submit}>
        <div className="filter">
          <label htmlFor="wires-agency">{t('wireAgency')}</label>
          <select {...field('agency')}>
            <option value="">{t('any')}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={String(agency.id)}>
                {pickName(agency.name, language)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor="wires-language">{t('filterLanguage')}</label>
          <select {...field('language')}>
            <option value="">{t('any')}</option>
            <option value="en">{t('languageEn')}</option>
            <option value="ar">{t('languageAr')}</option>
          </select>
        </div>
        <div className="filter">
          <label htmlFor="wires-status">{t('wireStatus')}</label>
          <select {...field('status')}>
            <option value="">{t('any')}</option>
            <option value="new">{t('wireStatusNew')}</option>
            <option value="used">{t('wireStatusUsed')}</option>
          </select>
        </div>
        <div className="filter">
          <label htmlFor="wires-q">{t('wireWords')}</label>
          <input {...field('q')} type="search" dir="auto" />
        </div>
        <div className="filter-buttons">
          <button type="submit" className="button secondary">
            {t('applyFilters')}
          </button>
          {isFiltered && (
            <button
              type="button"
              className="button secondary"
              onClick={() => navigate(wiresPath(NO_WIRE_FILTERS))}
            >
              {t('clearFilters')}
            </button>
          )}
        </div>
      </form>
      {items.state === 'loading' && (
        <p className="loading" role="status">
          {t('loading')}
        </p>
      )}
      {items.state === 'failed' && (
        <p className="form-error" role="alert">
          {t('errorGeneric')}
        </p>
      )}
      {items.state === 'loaded' && (
        <div className={openId === undefined ? 'wire-desk' : 'wire-desk is-reading'}>
          <div className="wire-list">
            <p className="result-count" role="status">
              {t('wireCount', { count: items.data.total })}
            </p>
            {items.data.items.length === 0 &&
              (isFiltered || page > 1 ? (
                <p className="notice">{t('wireEmpty')}</p>
              ) : (
                <WireDeskEmpty canAddFeeds={permissions.includes('wires.manage')} />
              ))}
            <ul className="wire-items">
              {items.data.items.map((item) => (
                <li
                  key={item.id}
                  className={item.id === openId ? 'wire-item is-open' : 'wire-item'}
                >
                  <button
                    type="button"
                    className="wire-headline"
                    dir="auto"
                    lang={item.language}
                    aria-expanded={item.id === openId}
                    onClick={() => setOpenId(item.id === openId ? undefined : item.id)}
                  >
                    {item.headline}
                  </button>
                  <p className="wire-meta">
                    <span dir="auto">{agencyName(item)}</span> ·{' '}
                    <time dateTime={item.receivedAt}>{formatDateTime(item.receivedAt)}</time>
                    {item.status === 'used' && (
                      <>
                        {' '}
                        · <span className="badge">{t('wireStatusUsed')}</span>
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ul>
            <Pagination
              page={page}
              pageCount={items.data.pageCount}
              onPage={(next) => navigate(wiresPath(filters, next))}
            />
          </div>
          {openId !== undefined && (
            <WireItemPanel
              key={openId}
              id={openId}
              onClose={() => setOpenId(undefined)}
              onUsed={(articleId) => navigate(`/articles/${articleId}`)}
              onStale={reload}
            />
          )}
        </div>
      )}
    </section>
  )
}
