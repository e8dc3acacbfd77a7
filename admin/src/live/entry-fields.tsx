import type { JSONContent } from '@tiptap/react'
import type { KeyboardEvent, ReactNode } from 'react'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf } from '../i18n/messages.js'
import { BodyEditor } from '../editor/body-editor.js'

/** What the composer and an entry being edited hold. */
export interface EntryDraft {
  title: string
  bodyDoc: JSONContent
  isKeyEvent: boolean
  isPinned: boolean
}

/** Whether a key press is Control+Enter (Command+Enter on a Mac): post, or save. */
export const isSubmitKey = (event: KeyboardEvent) =>
  (event.ctrlKey || event.metaKey) && event.key === 'Enter'

/**
 * The fields of an entry: the optional title and the body in the article editor (its toolbar
 * and blocks) in the story's language. `idPrefix` keeps the ids of the composer and of each
 * entry being edited apart.
 */
export function EntryFields({
  idPrefix,
  draft,
  language,
  editorKey,
  error,
  onChange,
}: {
  idPrefix: string
  draft: EntryDraft
  language: string
  /** Changed to start the body editor afresh (after a post, say). */
  editorKey: string
  error?: ReactNode
  onChange: (changes: Partial<EntryDraft>) => void
}) {
  const { t } = useI18n()
  return (
    <div className="entry-fields">
      <div className="field">
        <label htmlFor={`${idPrefix}-title-input`}>{t('liveEntryTitle')}</label>
        <input
          id={`${idPrefix}-title-input`}
          className="entry-title-input"
          maxLength={300}
          dir={directionOf(language)}
          lang={language}
          value={draft.title}
          onChange={(event) => onChange({ title: event.target.value })}
        />
      </div>
      <div className="field">
        <span id={`${idPrefix}-body-label`} className="label">
          {t('liveEntryBody')}
        </span>
        <BodyEditor
          key={editorKey}
          content={draft.bodyDoc}
          language={language}
          labelId={`${idPrefix}-body-label`}
          describedBy={error ? `${idPrefix}-error` : undefined}
          onChange={(bodyDoc) => onChange({ bodyDoc })}
        />
      </div>
    </div>
  )
}

/** The key event and pinned toggles of an entry, on one row with the buttons that write it. */
export function EntryFlags({
  draft,
  onChange,
  children,
}: {
  draft: EntryDraft
  onChange: (changes: Partial<EntryDraft>) => void
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <div className="entry-row">
      <div className="entry-flags">
        <label className="entry-flag">
          <input
            type="checkbox"
            checked={draft.isKeyEvent}
            onChange={(event) => onChange({ isKeyEvent: event.target.checked })}
          />
          {t('liveKeyEvent')}
        </label>
        <label className="entry-flag">
          <input
            type="checkbox"
            checked={draft.isPinned}
            onChange={(event) => onChange({ isPinned: event.target.checked })}
          />
          {t('livePin')}
        </label>
      </div>
      <div className="entry-buttons">{children}</div>
    </div>
  )
}
