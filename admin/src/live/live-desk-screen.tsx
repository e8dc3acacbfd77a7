import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { useI18n } from '../i18n/i18n-context.js'
import { Link } from '../router.js'
import { CoverageBar } from './coverage-bar.js'
import {
  countNewEntries,
  mergeChanges,
  withEntry,
  withoutEntry,
  type DeskEntry,
} from './desk-entries.js'
import { EntryComposer } from './entry-composer.js'
import { EntryItem } from './entry-item.js'
import type { LiveEntry, LiveEntryChanges, LiveEntryPage, LiveStory } from './live-types.js'
import { startVisiblePolling } from './visible-polling.js'
import './live-desk.css'

/** How often the desk asks for entries written by others while it is on screen. */
const POLL_MS = 3000
/** How often it looks at the story itself (its status, its coverage ended by someone else). */
const STORY_POLL_MS = 30_000

interface Desk {
  entries: DeskEntry[]
  total: number
  /** Pages of older entries loaded so far, and whether there are more. */
  pages: number
  hasOlder: boolean
}

/**
 * /admin/articles/{id}/live: the live desk of a live story. A composer on top, the entries
 * below (newest first) with their actions, and the entries others post, edit or delete merged
 * in as the desk polls for them, without touching what is being written here.
 */
export default function LiveDeskScreen({ articleId }: { articleId: number }) {
  const { t } = useI18n()
  const [story, setStory] = useState<LiveStory | undefined>()
  const [desk, setDesk] = useState<Desk | undefined>()
  const [loadError, setLoadError] = useState('')
  const [editingId, setEditingId] = useState<number | undefined>()
  const [announcement, setAnnouncement] = useState('')
  const [isPollFailing, setPollFailing] = useState(false)
  const cursor = useRef<string | undefined>(undefined)
  // Counted up by every write made here: a poll that was answered across one is dropped.
  const writes = useRef(0)
  const latest = useRef({ desk, editingId })
  latest.current = { desk, editingId }

  const loadStory = useCallback(
    () =>
      api<LiveStory>('GET', `articles/${articleId}`).then(setStory, (error: unknown) =>
        setLoadError(
          error instanceof ApiError && error.status === 404 ? t('notFound') : t('errorGeneric'),
        ),
      ),
    [articleId, t],
  )
  useEffect(() => {
    void loadStory()
  }, [loadStory])

  const isLive = story?.type === 'live'
  useEffect(() => {
    if (!isLive) return
    api<LiveEntryPage>('GET', `articles/${articleId}/entries`).then(
      (page) => {
        cursor.current = page.nextChangedSince
        setDesk({
          entries: page.items,
          total: page.total,
          pages: 1,
          hasOlder: page.total > page.items.length,
        })
      },
      () => setLoadError(t('errorGeneric')),
    )
  }, [articleId, isLive, t])

  useEffect(() => {
    if (!isLive) return
    return startVisiblePolling({
      intervalMs: STORY_POLL_MS,
      poll: () => api<LiveStory>('GET', `articles/${articleId}`).then(setStory),
    })
  }, [articleId, isLive])

  useEffect(() => {
    if (!isLive) return
    return startVisiblePolling({
      intervalMs: POLL_MS,
      poll: async () => {
        const since = cursor.current
        if (since === undefined) return
        const writesBefore = writes.current
        let changes: LiveEntryChanges
        try {
          changes = await api<LiveEntryChanges>('GET', `articles/${articleId}/entries`, {
            query: { changedSince: since },
          })
          setPollFailing(false)
        } catch (error) {
          setPollFailing(true)
          throw error
        }
        // Older than a write made here meanwhile; the next poll asks from the same cursor.
        if (writes.current !== writesBefore) return
        cursor.current = changes.nextChangedSince
        const { desk: shown, editingId: editing } = latest.current
        const fresh = shown ? countNewEntries(shown.entries, changes) : 0
        if (fresh > 0) setAnnouncement(t('liveNewEntries', { count: fresh }))
        setDesk((current) => {
          if (!current) return current
          const entries = mergeChanges(current.entries, changes, {
            editingId: editing,
            hasOlder: current.hasOlder,
          })
          return {
            ...current,
            entries,
            total: current.total + entries.length - current.entries.length,
          }
        })
      },
    })
  }, [articleId, isLive, t])

  /** A write made here: shown at once, and older poll answers dropped. */
  const changeDesk = useCallback((change: (desk: Desk) => Desk) => {
    writes.current += 1
    setDesk((current) => (current ? change(current) : current))
  }, [])
  const onPosted = (entry: LiveEntry) =>
    changeDesk((current) => ({
      ...current,
      entries: withEntry(current.entries, entry),
      total: current.total + 1,
    }))
  const onChanged = (entry: LiveEntry) =>
    changeDesk((current) => ({ ...current, entries: withEntry(current.entries, entry) }))
  const onDeleted = (id: number) => {
    if (editingId === id) setEditingId(undefined)
    changeDesk((current) => ({
      ...current,
      entries: withoutEntry(current.entries, id),
      total: Math.max(0, current.total - 1),
    }))
  }
  const stopEditing = (id: number) => {
    setEditingId((current) => (current === id ? undefined : current))
    // An entry deleted elsewhere while it was edited here leaves with the editing.
    setDesk((current) =>
      current && current.entries.some((entry) => entry.id === id && entry.isGone)
        ? { ...current, entries: withoutEntry(current.entries, id), total: current.total - 1 }
        : current,
    )
  }

  const loadOlder = async () => {
    if (!desk) return
    const page = await api<LiveEntryPage>('GET', `articles/${articleId}/entries`, {
      query: { page: desk.pages + 1 },
    }).catch(() => undefined)
    if (!page) return
    setDesk(
      (current) =>
        current && {
          ...current,
          entries: page.items.reduce((list, entry) => withEntry(list, entry), current.entries),
          pages: page.page,
          hasOlder: page.page * page.pageSize < page.total,
        },
    )
  }

  if (loadError) return <p className="notice">{loadError}</p>
  if (!story)
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    )
  if (!isLive)
    return (
      <section className="live-desk">
        <p className="notice">{t('liveNotALiveStory')}</p>
        <Link to={`/articles/${story.id}`} className="button secondary">
          {t('liveBackToEditor')}
        </Link>
      </section>
    )

  return (
    <section className="live-desk" aria-labelledby="desk-title">
      <CoverageBar story={story} onChanged={setStory} />
      <EntryComposer story={story} onPosted={onPosted} onStoryChanged={() => void loadStory()} />
      <section className="desk-stream" aria-labelledby="stream-title">
        <div className="stream-heading">
          <h2 id="stream-title">{t('liveEntries')}</h2>
          {desk && <p className="result-count">{t('liveEntryCount', { count: desk.total })}</p>}
        </div>
        <div className="visually-hidden" aria-live="polite">
          {announcement}
        </div>
        {isPollFailing && (
          <p className="hint poll-failing" role="status">
            {t('livePollFailed')}
          </p>
        )}
        {!desk ? (
          <p className="loading" role="status">
            {t('loading')}
          </p>
        ) : desk.entries.length === 0 ? (
          <p className="notice">{t('liveNoEntries')}</p>
        ) : (
          <ol className="desk-entries">
            {desk.entries.map((entry) => (
              <li key={entry.id}>
                <EntryItem
                  story={story}
                  entry={entry}
                  isEditing={editingId === entry.id}
                  onEditing={(isEditing) =>
                    isEditing ? setEditingId(entry.id) : stopEditing(entry.id)
                  }
                  onChanged={onChanged}
                  onDeleted={onDeleted}
                />
              </li>
            ))}
          </ol>
        )}
        {desk?.hasOlder && (
          <button type="button" className="button secondary" onClick={() => void loadOlder()}>
            {t('liveLoadOlder')}
          </button>
        )}
      </section>
    </section>
  )
}
