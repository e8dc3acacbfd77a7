import { useEffect, useState } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { useI18n } from '../i18n/i18n-context.js'
import { pickName } from '../settings/areas/names.js'
import { textOf } from '../settings/form-values.js'
import { ResourceArea, type ResourceDefinition } from '../settings/resource-area.js'
import type { AnswerOf, Source, WireFeed } from '../api/types.js'

const FORMATS = [
  { value: 'rss', label: 'RSS 2.0' },
  { value: 'atom', label: 'Atom' },
  { value: 'ninjs', label: 'IPTC ninjs (JSON)' },
]

/** Settings → Agency feeds: where the wire desk's stories come from, and how their checks go. */
export function WireFeedsArea() {
  const { t, language, formatDateTime } = useI18n()
  const [agencies, setAgencies] = useState<Source[]>([])
  const [round, setRound] = useState(0)
  const [message, setMessage] = useState('')
  useEffect(() => {
    api<{ items: Source[] }>('GET', 'sources').then(
      (answer) => setAgencies(answer.items),
      () => undefined,
    )
  }, [])
  const agencyName = (id: number) => {
    const agency = agencies.find((candidate) => candidate.id === id)
    return agency ? pickName(agency.name, language) : ''
  }
  const pollNow = async (feed: WireFeed) => {
    setMessage('')
    try {
      const { outcome } = await api<AnswerOf<'postApiAdminWiresFeedsIdPoll'>>(
        'POST',
        `wires/feeds/${feed.id}/poll`,
      )
      setMessage(
        outcome.status === 'stored'
          ? [
              t('pollStored', { name: feed.name, added: outcome.added, updated: outcome.updated }),
              outcome.truncated ? t('pollTruncated', outcome.truncated) : '',
            ].join(' ')
          : outcome.status === 'not-modified'
            ? t('pollNotModified', { name: feed.name })
            : t('pollFailed', { name: feed.name, error: outcome.error }),
      )
    } catch (caught) {
      setMessage(
        t('pollFailed', {
          name: feed.name,
          error: caught instanceof ApiError ? caught.message : t('errorGeneric'),
        }),
      )
    }
    setRound((n) => n + 1)
  }
  const stateOf = (feed: WireFeed) => {
    if (!feed.isEnabled) return t('feedOff')
    if (feed.lastError && feed.failureCount > 0)
      return t('feedFailing', { count: feed.failureCount, error: feed.lastError })
    // After a good poll the note says what it left aside (items over the cap, bad files).
    if (feed.lastSuccessAt && feed.lastError)
      return t('feedOkWithNote', {
        time: formatDateTime(feed.lastSuccessAt),
        note: feed.lastError,
      })
    if (feed.lastSuccessAt) return t('feedOk', { time: formatDateTime(feed.lastSuccessAt) })
    return t('feedNotYet')
  }
  const definition: ResourceDefinition<WireFeed> = {
    key: 'wire-feeds',
    path: 'wires/feeds',
    empty: 'noWireFeeds',
    addLabel: 'addWireFeed',
    nameOf: (feed) => feed.name,
    columns: [
      { label: 'columnName', cell: (feed) => <span dir="auto">{feed.name}</span> },
      { label: 'wireAgency', cell: (feed) => <span dir="auto">{agencyName(feed.sourceId)}</span> },
      {
        label: 'fieldFeedFormat',
        cell: (feed) => FORMATS.find((format) => format.value === feed.format)?.label,
      },
      {
        label: 'fieldFeedLanguage',
        cell: (feed) => t(feed.language === 'ar' ? 'languageAr' : 'languageEn'),
      },
      { label: 'columnFeedState', cell: (feed) => <span dir="auto">{stateOf(feed)}</span> },
    ],
    canAdd: true,
    canEdit: true,
    canDelete: true,
    rowActions: (feed) => (
      <button
        type="button"
        className="button secondary"
        aria-label={t('pollNowOf', { name: feed.name })}
        onClick={() => void pollNow(feed)}
      >
        {t('pollNow')}
      </button>
    ),
    fields: () => [
      { name: 'name', label: 'fieldFeedName', required: true },
      {
        name: 'sourceId',
        label: 'fieldFeedSource',
        kind: 'select',
        required: true,
        options: agencies.map((agency) => ({
          value: String(agency.id),
          label: pickName(agency.name, language),
        })),
      },
      { name: 'url', label: 'fieldFeedUrl', kind: 'url', hint: 'fieldFeedUrlHint', isLatin: true },
      { name: 'folder', label: 'fieldFeedFolder', hint: 'fieldFeedFolderHint', isLatin: true },
      { name: 'format', label: 'fieldFeedFormat', kind: 'select', options: FORMATS },
      {
        name: 'language',
        label: 'fieldFeedLanguage',
        kind: 'select',
        options: [
          { value: 'en', label: t('languageEn') },
          { value: 'ar', label: t('languageAr') },
        ],
      },
      { name: 'pollIntervalSeconds', label: 'fieldFeedInterval', kind: 'number', isLatin: true },
      { name: 'isEnabled', label: 'fieldFeedEnabled', kind: 'checkbox' },
    ],
    valuesOf: (feed) => ({
      name: feed?.name ?? '',
      sourceId: String(feed?.sourceId ?? agencies[0]?.id ?? ''),
      url: feed?.url ?? '',
      folder: feed?.folder ?? '',
      format: feed?.format ?? 'rss',
      language: feed?.language ?? 'en',
      pollIntervalSeconds: String(feed?.pollIntervalSeconds ?? 300),
      isEnabled: feed?.isEnabled ?? true,
    }),
    bodyOf: (values) => ({
      name: textOf(values, 'name'),
      sourceId: Number(textOf(values, 'sourceId')),
      url: textOf(values, 'url') || null,
      folder: textOf(values, 'folder') || null,
      format: textOf(values, 'format'),
      language: textOf(values, 'language'),
      pollIntervalSeconds: Number(textOf(values, 'pollIntervalSeconds')),
      isEnabled: values.isEnabled === true,
    }),
  }
  return (
    <>
      <p className="result-count" role="status">
        {message}
      </p>
      <ResourceArea key={round} definition={definition} />
    </>
  )
}
