import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { EMPTY_DOCUMENT, toArticleDocument } from '../editor/article-document.js'
import { useI18n } from '../i18n/i18n-context.js'
import { useNavigation } from '../router.js'
import { deskErrorMessage } from './desk-errors.js'
import { EntryFields, EntryFlags, isSubmitKey, type EntryDraft } from './entry-fields.js'
import type { LiveEntry, LiveStory } from './live-types.js'

const EMPTY_DRAFT: EntryDraft = {
  title: '',
  bodyDoc: EMPTY_DOCUMENT,
  isKeyEvent: false,
  isPinned: false,
}

/** An entry as `POST`/`PATCH …/entries` take it. */
export function entryPayload(draft: EntryDraft) {
  return {
    title: draft.title.trim() || null,
    bodyDoc: toArticleDocument(draft.bodyDoc),
    isKeyEvent: draft.isKeyEvent,
    isPinned: draft.isPinned,
  }
}

/** Puts the keyboard in the body editor inside `container` (call once it is drawn). */
export function focusBody(container: HTMLElement | null) {
  container?.querySelector<HTMLElement>('.ProseMirror[contenteditable="true"]')?.focus()
}

/**
 * The composer on top of the desk. Control+Enter (or the button) posts; a posted entry empties
 * it and leaves the keyboard in the body for the next one; a refused one keeps every word.
 */
export function EntryComposer({
  story,
  onPosted,
  onStoryChanged,
}: {
  story: LiveStory
  onPosted: (entry: LiveEntry) => void
  /** Called when a refusal says the story is not as the desk shows it (its coverage ended). */
  onStoryChanged: () => void
}) {
  const { t, formatTime } = useI18n()
  const [draft, setDraft] = useState<EntryDraft>(EMPTY_DRAFT)
  const [posts, setPosts] = useState(0)
  const [isBusy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const form = useRef<HTMLFormElement>(null)

  const post = async () => {
    if (isBusy) return
    setBusy(true)
    setError('')
    setNotice('')
    try {
      const entry = await api<LiveEntry>('POST', `articles/${story.id}/entries`, {
        body: entryPayload(draft),
      })
      onPosted(entry)
      setDraft(EMPTY_DRAFT)
      setPosts((count) => count + 1)
      setNotice(t('livePosted', { time: formatTime(entry.createdAt) }))
    } catch (failure) {
      setError(deskErrorMessage(failure, t))
      if (failure instanceof ApiError && failure.has('COVERAGE_ENDED')) onStoryChanged()
    } finally {
      setBusy(false)
    }
  }
  // Leaving the desk with an entry half-written asks first.
  const { setLeaveGuard } = useNavigation()
  const isDirty = draft !== EMPTY_DRAFT
  useEffect(() => {
    setLeaveGuard(isDirty ? t('leaveWarning') : undefined)
  }, [isDirty, setLeaveGuard, t])
  useEffect(() => () => setLeaveGuard(undefined), [setLeaveGuard])

  const change = (changes: Partial<EntryDraft>) =>
    setDraft((current) => ({ ...current, ...changes }))

  // After a post the body editor starts afresh, and the keyboard goes back into it.
  useEffect(() => {
    if (posts > 0) focusBody(form.current)
  }, [posts])
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void post()
  }

  return (
    <form
      ref={form}
      className="entry-composer"
      aria-labelledby="composer-title"
      noValidate
      onSubmit={onSubmit}
      // Before the body editor sees it: there Control+Enter would be a line break.
      onKeyDownCapture={(event) => {
        if (!isSubmitKey(event)) return
        event.preventDefault()
        event.stopPropagation()
        void post()
      }}
    >
      <h2 id="composer-title">{t('liveComposer')}</h2>
      <EntryFields
        idPrefix="composer"
        draft={draft}
        language={story.language}
        editorKey={`composer-${posts}`}
        error={error}
        onChange={change}
      />
      <div aria-live="polite" className="composer-messages">
        {error && (
          <p className="form-error" id="composer-error" role="alert">
            {error}
          </p>
        )}
        {!error && notice && <p className="hint">{notice}</p>}
      </div>
      <EntryFlags draft={draft} onChange={change}>
        <button
          type="submit"
          className="button primary"
          disabled={isBusy}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          aria-describedby="composer-hint"
        >
          {isBusy ? t('livePosting') : t('livePost')}
        </button>
        <p className="hint" id="composer-hint">
          {story.coverageState === 'ended' ? t('liveEndedHint') : t('livePostHint')}
        </p>
      </EntryFlags>
    </form>
  )
}
