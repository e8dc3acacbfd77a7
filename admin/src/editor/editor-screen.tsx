import type { JSONContent } from '@tiptap/react'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, NETWORK_FAILURE } from '../api/api-error.js'
import { api } from '../api/client.js'
import { mapErrorsToFields, type MappedErrors } from '../api/field-errors.js'
import { loadSections, sectionName } from '../api/sections.js'
import type { Article, EditLock, Section } from '../api/types.js'
import { Field } from '../components/field.js'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf } from '../i18n/messages.js'
import { Link, useNavigation } from '../router.js'
import { EMPTY_DOCUMENT, toArticleDocument } from './article-document.js'
import { BodyEditor } from './body-editor.js'
import { HeroImageField } from './hero-image-field.js'
import { TagsInput } from './tags-input.js'
import { countWords, STATUS_LABELS } from './workflow.js'
import { WorkflowBar } from './workflow-bar.js'
import {
  detailsOf,
  detailsPayload,
  EMPTY_DETAILS,
  type ArticleDetails,
} from './panels/article-details.js'
import { DetailsPanel } from './panels/details-panel.js'
import { NoticesPanel } from './panels/notices-panel.js'
import { OriginalPane } from './panels/original-pane.js'
import { PreviewLink } from './panels/preview-link.js'
import { RevisionsPanel } from './panels/revisions-panel.js'
import { slugForHeadline } from './panels/slug-from-headline.js'
import { TranslationsPanel, useOriginalBeside } from './panels/translations-panel.js'
import type { ArticleType } from '../live/article-type.js'
import { ArticleTypeField } from '../live/article-type-field.js'
import { LiveDeskLink } from '../live/live-links.js'

const AUTOSAVE_MS = 20_000
const LOCK_REFRESH_MS = 60_000

/** What the form edits. */
interface Draft {
  language: string
  type: ArticleType
  headline: string
  dek: string
  slug: string
  sectionId: string
  tags: string[]
  bodyDoc: JSONContent
  details: ArticleDetails
  heroMediaId: number | null
}

function draftOf(article: Article): Draft {
  return {
    language: article.language,
    type: article.type,
    headline: article.headline,
    dek: article.dek,
    slug: article.slug,
    sectionId: String(article.section.id),
    tags: article.tags.map((tag) => tag.name),
    bodyDoc: article.bodyDoc,
    details: detailsOf(article),
    heroMediaId: article.heroMediaId,
  }
}

/** The fields as the Admin API takes them; an empty slug is left for the server to make. */
function payloadOf(draft: Draft) {
  return {
    type: draft.type,
    headline: draft.headline,
    dek: draft.dek,
    ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}),
    ...(draft.sectionId ? { section: Number(draft.sectionId) } : {}),
    tags: draft.tags,
    bodyDoc: toArticleDocument(draft.bodyDoc),
    ...detailsPayload(draft.details),
    heroMediaId: draft.heroMediaId,
  }
}

type Message = { kind: 'info' | 'error'; text: string } | undefined

/** The article editor: fields, body, saving and autosaving, the edit lock and the workflow. */
export default function EditorScreen({
  articleId,
  language: newLanguage,
}: {
  articleId?: number
  language?: string
}) {
  const { t, language: uiLanguage, formatTime } = useI18n()
  const { navigate, setLeaveGuard } = useNavigation()
  const [article, setArticle] = useState<Article | undefined>()
  const [draft, setDraft] = useState<Draft | undefined>(() =>
    articleId === undefined
      ? {
          language: newLanguage === 'ar' || newLanguage === 'en' ? newLanguage : uiLanguage,
          type: 'report',
          headline: '',
          dek: '',
          slug: '',
          sectionId: '',
          tags: [],
          bodyDoc: EMPTY_DOCUMENT,
          details: EMPTY_DETAILS,
          heroMediaId: null,
        }
      : undefined,
  )
  const [sections, setSections] = useState<Section[]>([])
  const [wordCount, setWordCount] = useState(0)
  const [errors, setErrors] = useState<MappedErrors>({ fields: {}, general: [] })
  const [message, setMessage] = useState<Message>()
  const [isStale, setStale] = useState(false)
  const [isBusy, setBusy] = useState(false)
  const [loadError, setLoadError] = useState('')
  const [otherLock, setOtherLock] = useState<EditLock | undefined>()
  // Counted up when the content is replaced from the server (a restore), to redraw the body.
  const [contentLoads, setContentLoads] = useState(0)
  const original = useOriginalBeside(article)
  // Edits counted up on every change; compared with the count at the last save and autosave.
  const [edits, setEdits] = useState(0)
  const savedEdits = useRef(0)
  const autosavedEdits = useRef(0)
  const hadLock = useRef(false)
  const latest = useRef({ draft, article, edits })
  latest.current = { draft, article, edits }
  const isDirty = edits !== savedEdits.current

  useEffect(() => {
    loadSections().then(setSections, () => undefined)
  }, [])

  useEffect(() => {
    if (articleId === undefined) return
    api<Article>('GET', `articles/${articleId}`).then(
      (loaded) => {
        setArticle(loaded)
        setDraft(draftOf(loaded))
        setWordCount(loaded.wordCount)
      },
      (error: unknown) =>
        setLoadError(
          error instanceof ApiError && error.status === 404 ? t('notFound') : t('errorGeneric'),
        ),
    )
  }, [articleId, t])

  // The edit lock: taken on opening, refreshed while open, released on leaving.
  const lock = useCallback(
    async (takeOver = false) => {
      if (articleId === undefined) return
      const answer = await api<{ lock: EditLock | null; isMine: boolean }>(
        'POST',
        `articles/${articleId}/lock`,
        {
          body: takeOver ? { takeOver } : {},
        },
      ).catch(() => undefined)
      if (!answer) return
      if (answer.isMine) hadLock.current = true
      else if (hadLock.current && answer.lock) {
        hadLock.current = false
        setMessage({ kind: 'error', text: t('lockLost') })
      }
      setOtherLock(answer.isMine ? undefined : (answer.lock ?? undefined))
    },
    [articleId, t],
  )
  useEffect(() => {
    if (articleId === undefined) return
    void lock()
    const timer = setInterval(() => void lock(), LOCK_REFRESH_MS)
    return () => {
      clearInterval(timer)
      void api('DELETE', `articles/${articleId}/lock`).catch(() => undefined)
    }
  }, [articleId, lock])

  useEffect(() => {
    setLeaveGuard(isDirty ? t('leaveWarning') : undefined)
  }, [isDirty, setLeaveGuard, t])
  useEffect(() => () => setLeaveGuard(undefined), [setLeaveGuard])

  // Autosave: every 20 seconds, the unsaved state is kept as a revision on the server.
  useEffect(() => {
    const timer = setInterval(() => {
      const current = latest.current
      if (!current.article || !current.draft) return
      if (current.edits === savedEdits.current || current.edits === autosavedEdits.current) return
      const edits = current.edits
      api<{ number: number; createdAt: string }>(
        'POST',
        `articles/${current.article.id}/autosave`,
        {
          body: payloadOf(current.draft),
        },
      ).then(
        (revision) => {
          autosavedEdits.current = edits
          setMessage({
            kind: 'info',
            text: t('autosavedAt', { time: formatTime(revision.createdAt) }),
          })
        },
        () => undefined,
      )
    }, AUTOSAVE_MS)
    return () => clearInterval(timer)
  }, [t, formatTime])

  const change = useCallback((changes: Partial<Draft>) => {
    setDraft((previous) => (previous ? { ...previous, ...changes } : previous))
    setEdits((count) => count + 1)
  }, [])
  const onBodyChange = useCallback(
    (bodyDoc: JSONContent, text: string) => {
      change({ bodyDoc })
      setWordCount(countWords(text))
    },
    [change],
  )

  /** Moves the keyboard to the first field marked wrong, once it is drawn. */
  const focusFirstError = () =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('.editor-screen [aria-invalid="true"]')?.focus(),
    )

  const showFailure = (error: unknown) => {
    if (!(error instanceof ApiError)) throw error
    const mapped = mapErrorsToFields(error.errors)
    setErrors(mapped)
    if (error.has('STALE_REVISION')) {
      setStale(true)
      setMessage({ kind: 'error', text: t('staleRevision') })
    } else if (error.status === NETWORK_FAILURE)
      setMessage({ kind: 'error', text: t('networkError') })
    else if (Object.keys(mapped.fields).length > 0) {
      setMessage({ kind: 'error', text: t('fixErrors') })
      focusFirstError()
    } else if (error.status !== 401)
      setMessage({ kind: 'error', text: mapped.general[0]?.message ?? t('saveFailed') })
    else setMessage({ kind: 'error', text: t('saveFailed') })
  }

  /** Saves (or creates) the article; answers the saved article, or undefined when it failed. */
  const save = async (): Promise<Article | undefined> => {
    if (!draft || isBusy) return undefined
    const missing: MappedErrors['fields'] = {}
    if (!draft.headline.trim()) missing.headline = { key: 'errorRequired' }
    if (!draft.sectionId) missing.section = { key: 'errorRequired' }
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, general: [] })
      setMessage({ kind: 'error', text: t('fixErrors') })
      focusFirstError()
      return undefined
    }
    const editsAtSave = edits
    setBusy(true)
    setMessage({ kind: 'info', text: t('saving') })
    try {
      if (!article) {
        const created = await api<Article>('POST', 'articles', {
          body: { language: draft.language, status: 'draft', ...payloadOf(draft) },
        })
        savedEdits.current = editsAtSave
        setLeaveGuard(undefined)
        navigate(`/articles/${created.id}`, { replace: true })
        return created
      }
      const saved = await api<Article>('PATCH', `articles/${article.id}`, {
        body: { ...payloadOf(draft), baseVersion: article.version },
      })
      savedEdits.current = editsAtSave
      setArticle(saved)
      setDraft((current) => (current ? { ...current, slug: saved.slug } : current))
      setErrors({ fields: {}, general: [] })
      setMessage({ kind: 'info', text: t('savedAt', { time: formatTime(saved.updatedAt) }) })
      return saved
    } catch (error) {
      showFailure(error)
      return undefined
    } finally {
      setBusy(false)
    }
  }

  /** Asked for after a refused save: the person has chosen to drop their version. */
  const reloadLatest = () => {
    setLeaveGuard(undefined)
    location.reload()
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void save()
  }

  // Control+S (or Command+S) saves.
  const saveRef = useRef(save)
  saveRef.current = save
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault()
        void saveRef.current()
      }
    }
    addEventListener('keydown', onKeyDown)
    return () => removeEventListener('keydown', onKeyDown)
  }, [])

  const transition = async (action: string, scheduledAt?: string) => {
    let current = article
    if (isDirty) current = await save()
    if (!current) return
    setBusy(true)
    try {
      const moved = await api<Article>('POST', `articles/${current.id}/transitions`, {
        body: { action, baseVersion: current.version, ...(scheduledAt ? { scheduledAt } : {}) },
      })
      setArticle(moved)
      setErrors({ fields: {}, general: [] })
      setMessage({
        kind: 'info',
        text: t('actionDone', { status: t(STATUS_LABELS[moved.status]) }),
      })
    } catch (error) {
      showFailure(error)
    } finally {
      setBusy(false)
    }
  }

  /** A restored revision replaces what the form shows. */
  const onRestored = (restored: Article) => {
    setArticle(restored)
    setDraft(draftOf(restored))
    setWordCount(restored.wordCount)
    savedEdits.current = edits
    setContentLoads((count) => count + 1)
    setErrors({ fields: {}, general: [] })
    setMessage({ kind: 'info', text: t('restored') })
  }

  if (loadError) return <p className="notice">{loadError}</p>
  if (!draft)
    return (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    )

  const dir = directionOf(draft.language)
  const fieldError = errors.fields
  return (
    <form className="editor-screen" onSubmit={onSubmit} aria-labelledby="editor-title" noValidate>
      <div className="editor-top">
        <Link to="/articles" className="back-link">
          {t('backToArticles')}
        </Link>
        <h1 id="editor-title" className="visually-hidden">
          {article ? article.headline || t('headline') : t('newArticle')}
        </h1>
        <div className="save-state" aria-live="polite">
          {article && (
            <span className={`status status-${article.status}`}>
              {t(STATUS_LABELS[article.status])}
            </span>
          )}
          {isDirty && <span className="dirty">{t('unsavedChanges')}</span>}
          {message && !(message.kind === 'error') && <span>{message.text}</span>}
        </div>
        <div className="editor-actions">
          {article && <PreviewLink article={article} isDirty={isDirty} save={save} />}
          {article && <LiveDeskLink article={article} className="button secondary" />}
          {article && article.status === 'published' && (
            <a className="button secondary" href={article.url} target="_blank" rel="noopener">
              {t('viewPublic')}
            </a>
          )}
          <button
            type="submit"
            className="button primary"
            disabled={isBusy}
            aria-keyshortcuts="Control+S"
          >
            {article ? t('save') : t('create')}
          </button>
        </div>
      </div>

      {otherLock && (
        <div className="lock-notice" role="alert">
          <p>{t('lockedBy', { name: otherLock.userName, time: formatTime(otherLock.since) })}</p>
          <button type="button" className="button secondary" onClick={() => void lock(true)}>
            {t('takeOver')}
          </button>
        </div>
      )}
      {message?.kind === 'error' && (
        <div className="form-error" role="alert">
          <p>{message.text}</p>
          {isStale && (
            <button type="button" className="button secondary" onClick={reloadLatest}>
              {t('reload')}
            </button>
          )}
        </div>
      )}

      <div className={original.article ? 'editor-grid with-original' : 'editor-grid'}>
        {original.article && (
          <OriginalPane article={original.article} onClose={() => original.show(undefined)} />
        )}
        <div className="editor-main">
          <Field id="headline" label={t('headline')} error={fieldError.headline}>
            {(control) => (
              <textarea
                {...control}
                className="headline-input"
                rows={2}
                required
                maxLength={300}
                dir={dir}
                lang={draft.language}
                value={draft.headline}
                onChange={(event) => {
                  const headline = event.target.value.replace(/\n/g, ' ')
                  const slug = slugForHeadline({
                    slug: draft.slug,
                    previousHeadline: draft.headline,
                    headline,
                    hasBeenPublished: Boolean(article?.publishedAt),
                  })
                  change({ headline, slug })
                }}
              />
            )}
          </Field>
          <Field id="dek" label={t('dek')} error={fieldError.dek}>
            {(control) => (
              <textarea
                {...control}
                rows={2}
                maxLength={600}
                dir={dir}
                lang={draft.language}
                value={draft.dek}
                onChange={(event) => change({ dek: event.target.value })}
              />
            )}
          </Field>
          <div className={fieldError.bodyDoc ? 'field has-error' : 'field'}>
            <div className="body-label">
              <span id="body-label" className="label">
                {t('body')}
              </span>
              <span className="word-count" aria-live="off">
                {t('words', { count: wordCount })}
              </span>
            </div>
            <BodyEditor
              key={`${article?.id ?? 'new'}-${contentLoads}`}
              content={draft.bodyDoc}
              language={draft.language}
              labelId="body-label"
              describedBy={fieldError.bodyDoc ? 'body-error' : undefined}
              onChange={onBodyChange}
            />
            {fieldError.bodyDoc && (
              <p className="field-error" id="body-error">
                {'key' in fieldError.bodyDoc ? t(fieldError.bodyDoc.key) : fieldError.bodyDoc.text}
              </p>
            )}
          </div>
        </div>

        <aside className="editor-side">
          {article && (
            <WorkflowBar
              status={article.status}
              isBusy={isBusy}
              scheduledAt={article.scheduledAt}
              scheduleError={fieldError.scheduledAt}
              onAction={(action, scheduledAt) => void transition(action, scheduledAt)}
            />
          )}
          <Field id="language" label={t('language')} error={fieldError.language}>
            {(control) => (
              <select
                {...control}
                value={draft.language}
                disabled={article !== undefined}
                onChange={(event) => change({ language: event.target.value })}
              >
                <option value="en">{t('languageEn')}</option>
                <option value="ar">{t('languageAr')}</option>
              </select>
            )}
          </Field>
          <ArticleTypeField
            value={draft.type}
            isSaved={article !== undefined}
            onChange={(type) => change({ type })}
          />
          <Field id="section" label={t('section')} error={fieldError.section}>
            {(control) => (
              <select
                {...control}
                required
                value={draft.sectionId}
                onChange={(event) => change({ sectionId: event.target.value })}
              >
                <option value="">{t('chooseSection')}</option>
                {sections.map((section) => (
                  <option key={section.id} value={section.id}>
                    {section.parentId === null ? '' : '— '}
                    {sectionName(section, draft.language)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="tags" label={t('tags')} hint={t('tagsHint')} error={fieldError.tags}>
            {(control) => (
              <TagsInput
                control={control}
                tags={draft.tags}
                language={draft.language}
                onChange={(tags) => change({ tags })}
              />
            )}
          </Field>
          <HeroImageField
            mediaId={draft.heroMediaId}
            language={draft.language}
            onChange={(heroMediaId) => change({ heroMediaId })}
          />
          <Field id="slug" label={t('slug')} hint={t('slugHint')} error={fieldError.slug}>
            {(control) => (
              <input
                {...control}
                dir="auto"
                maxLength={200}
                value={draft.slug}
                onChange={(event) => change({ slug: event.target.value })}
              />
            )}
          </Field>
          <DetailsPanel
            details={draft.details}
            language={draft.language}
            headline={draft.headline}
            dek={draft.dek}
            errors={fieldError}
            onChange={(changes) => change({ details: { ...draft.details, ...changes } })}
          />
          {article && (
            <>
              <TranslationsPanel article={article} original={original} />
              <NoticesPanel article={article} onAdded={setArticle} />
              <RevisionsPanel article={article} isDirty={isDirty} onRestored={onRestored} />
            </>
          )}
        </aside>
      </div>
    </form>
  )
}
