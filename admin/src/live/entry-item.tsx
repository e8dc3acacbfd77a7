import { useEffect, useRef, useState } from 'react'
import { api } from '../api/client.js'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf } from '../i18n/messages.js'
import type { DeskEntry } from './desk-entries.js'
import { deskErrorMessage } from './desk-errors.js'
import { entryPayload, focusBody } from './entry-composer.js'
import { EntryFields, EntryFlags, isSubmitKey, type EntryDraft } from './entry-fields.js'
import type { LiveEntry, LiveStory } from './live-types.js'

const draftOf = (entry: LiveEntry): EntryDraft => ({
  title: entry.title ?? '',
  bodyDoc: entry.bodyDoc,
  isKeyEvent: entry.isKeyEvent,
  isPinned: entry.isPinned,
})

/**
 * One entry of the stream: its time, writer, marks and body, with its actions; or, while being
 * edited, the same fields as the composer with Save and Cancel.
 */
export function EntryItem({
  story,
  entry,
  isEditing,
  onEditing,
  onChanged,
  onDeleted,
}: {
  story: LiveStory
  entry: DeskEntry
  isEditing: boolean
  /** Starts (true) or ends (false) editing this entry. */
  onEditing: (isEditing: boolean) => void
  onChanged: (entry: LiveEntry) => void
  onDeleted: (id: number) => void
}) {
  const { t, formatTime, formatDateTime } = useI18n()
  const [draft, setDraft] = useState<EntryDraft>(() => draftOf(entry))
  const [isBusy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const item = useRef<HTMLElement>(null)
  const prefix = `entry-${entry.id}`
  const time = formatTime(entry.createdAt)

  const write = async (run: () => Promise<void>) => {
    if (isBusy) return
    setBusy(true)
    setError('')
    try {
      await run()
    } catch (failure) {
      setError(deskErrorMessage(failure, t))
    } finally {
      setBusy(false)
    }
  }
  const patch = (body: object) =>
    write(async () => {
      onChanged(await api<LiveEntry>('PATCH', `articles/${story.id}/entries/${entry.id}`, { body }))
    })
  const save = () =>
    write(async () => {
      onChanged(
        await api<LiveEntry>('PATCH', `articles/${story.id}/entries/${entry.id}`, {
          body: entryPayload(draft),
        }),
      )
      onEditing(false)
    })
  const remove = () => {
    if (!confirm(t('liveDeleteConfirm'))) return
    void write(async () => {
      await api('DELETE', `articles/${story.id}/entries/${entry.id}`)
      onDeleted(entry.id)
    })
  }
  const change = (changes: Partial<EntryDraft>) =>
    setDraft((current) => ({ ...current, ...changes }))
  const startEditing = () => {
    setDraft(draftOf(entry))
    setError('')
    onEditing(true)
  }
  // The keyboard goes into the body when editing starts, and back to Edit when it ends.
  const wasEditing = useRef(isEditing)
  useEffect(() => {
    if (isEditing) focusBody(item.current)
    else if (wasEditing.current) item.current?.querySelector<HTMLElement>('.entry-edit')?.focus()
    wasEditing.current = isEditing
  }, [isEditing])
  const cancel = () => {
    setError('')
    onEditing(false)
  }

  const classes = ['live-entry', entry.isPinned && 'is-pinned', entry.isKeyEvent && 'is-key-event']
  return (
    <article
      ref={item}
      className={classes.filter(Boolean).join(' ')}
      data-entry-id={entry.id}
      aria-labelledby={`${prefix}-time`}
    >
      <header className="entry-meta">
        <time
          id={`${prefix}-time`}
          dateTime={entry.createdAt}
          title={formatDateTime(entry.createdAt)}
        >
          {time}
        </time>
        <span className="entry-author">{entry.author?.name ?? t('liveUnknownAuthor')}</span>
        {entry.isPinned && <span className="entry-mark mark-pinned">{t('livePinned')}</span>}
        {entry.isKeyEvent && <span className="entry-mark mark-key">{t('liveKeyEvent')}</span>}
        {entry.editedAt && (
          <span className="entry-edited">
            {t('liveEdited', { time: formatTime(entry.editedAt) })}
          </span>
        )}
      </header>
      {isEditing ? (
        <div
          className="entry-editing"
          onKeyDownCapture={(event) => {
            if (isSubmitKey(event)) {
              event.preventDefault()
              event.stopPropagation()
              if (!entry.isGone) void save()
            } else if (event.key === 'Escape' && !(event.target as Element).closest('dialog')) {
              cancel()
            }
          }}
        >
          {entry.isGone && (
            <p className="form-error" role="alert">
              {t('liveGone')}
            </p>
          )}
          <EntryFields
            idPrefix={prefix}
            draft={draft}
            language={story.language}
            editorKey={`${prefix}-editor`}
            error={error}
            onChange={change}
          />
          <EntryFlags draft={draft} onChange={change}>
            {!entry.isGone && (
              <button
                type="button"
                className="button primary"
                disabled={isBusy}
                aria-keyshortcuts="Control+Enter Meta+Enter"
                aria-describedby={`${prefix}-save-hint`}
                onClick={() => void save()}
              >
                {isBusy ? t('liveSaving') : t('liveSave')}
              </button>
            )}
            <button type="button" className="button secondary" onClick={cancel}>
              {t('liveCancel')}
            </button>
            <span className="hint" id={`${prefix}-save-hint`}>
              {t('liveSaveHint')}
            </span>
          </EntryFlags>
        </div>
      ) : (
        <>
          <div dir={directionOf(story.language)} lang={story.language} className="entry-content">
            {entry.title && <h3 className="entry-title">{entry.title}</h3>}
            <div className="entry-body" dangerouslySetInnerHTML={{ __html: entry.bodyHtml }} />
          </div>
          <div className="entry-actions" role="group" aria-label={t('liveEntryActions', { time })}>
            <button
              type="button"
              className="button secondary entry-edit"
              disabled={isBusy}
              onClick={startEditing}
            >
              {t('liveEdit')}
            </button>
            <button
              type="button"
              className="button secondary entry-pin"
              aria-pressed={entry.isPinned}
              disabled={isBusy}
              onClick={() => void patch({ isPinned: !entry.isPinned })}
            >
              {t('livePinToggle')}
            </button>
            <button
              type="button"
              className="button secondary entry-key"
              aria-pressed={entry.isKeyEvent}
              disabled={isBusy}
              onClick={() => void patch({ isKeyEvent: !entry.isKeyEvent })}
            >
              {t('liveKeyEvent')}
            </button>
            <button
              type="button"
              className="button secondary entry-delete"
              disabled={isBusy}
              onClick={remove}
            >
              {t('liveDelete')}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="form-error" id={`${prefix}-error`} role="alert">
          {error}
        </p>
      )}
    </article>
  )
}
