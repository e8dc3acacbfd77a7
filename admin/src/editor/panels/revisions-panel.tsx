import { useEffect, useRef, useState } from 'react'
import { api } from '../../api/client.js'
import type { Article, RevisionComparison, RevisionSummary } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import { diffLines, valueLines, type DiffLine } from './revision-diff.js'

const KIND_LABELS: Record<RevisionSummary['kind'], MessageKey> = {
  save: 'revisionSave',
  autosave: 'revisionAutosave',
  restore: 'revisionRestore',
}

/** The names of stored fields as the editor labels them. */
const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  headline: 'headline',
  dek: 'dek',
  slug: 'slug',
  bodyDoc: 'body',
  sectionId: 'section',
  tagIds: 'tags',
  authorIds: 'authors',
  sourceId: 'source',
  sourceUrl: 'sourceUrl',
  seo: 'seoGroup',
  isBreaking: 'isBreaking',
  isFeatured: 'isFeatured',
  pinnedPosition: 'pinnedPosition',
  status: 'fieldStatus',
  scheduledAt: 'fieldScheduledAt',
  publishedAt: 'fieldPublishedAt',
  language: 'language',
  type: 'fieldType',
  excerpt: 'fieldExcerpt',
  heroMediaId: 'fieldHeroImage',
  heroGalleryId: 'fieldHeroGallery',
  breakingUntil: 'fieldBreakingUntil',
  relatedArticleIds: 'fieldRelated',
}

/** The article's history: every save and autosave, two of them compared, one restored. */
export function RevisionsPanel({
  article,
  isDirty,
  onRestored,
}: {
  article: Article
  isDirty: boolean
  onRestored: (article: Article) => void
}) {
  const { t, language, formatDateTime } = useI18n()
  const [isOpen, setOpen] = useState(false)
  const [revisions, setRevisions] = useState<RevisionSummary[]>([])
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [comparison, setComparison] = useState<RevisionComparison | undefined>()
  const [problem, setProblem] = useState('')
  const [isLoaded, setLoaded] = useState(false)
  const dialog = useRef<HTMLDialogElement>(null)

  // Loaded when opened, and again after every save (the version changes).
  useEffect(() => {
    if (!isOpen) return
    api<{ items: RevisionSummary[] }>('GET', `articles/${article.id}/revisions`).then(
      ({ items }) => {
        setRevisions(items)
        setLoaded(true)
        setTo((current) => current || String(items[0]?.number ?? ''))
        setFrom((current) => current || String(items[1]?.number ?? items[0]?.number ?? ''))
      },
      () => setProblem(t('errorGeneric')),
    )
  }, [isOpen, article.id, article.version, t])

  const compare = async () => {
    setProblem('')
    try {
      setComparison(
        await api<RevisionComparison>('GET', `articles/${article.id}/revisions/compare`, {
          query: { from, to },
        }),
      )
      dialog.current?.showModal()
    } catch {
      setProblem(t('errorGeneric'))
    }
  }

  const restore = async (number: number) => {
    const question = isDirty
      ? t('restoreQuestionDirty', { number })
      : t('restoreQuestion', { number })
    if (!confirm(question)) return
    try {
      onRestored(await api<Article>('POST', `articles/${article.id}/revisions/${number}/restore`))
    } catch {
      setProblem(t('errorGeneric'))
    }
  }

  const options = revisions.map((revision) => (
    <option key={revision.number} value={revision.number}>
      {t('revisionOption', { number: revision.number, time: formatDateTime(revision.createdAt) })}
    </option>
  ))
  return (
    <details
      className="panel-group revisions"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('history')}</summary>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {revisions.length > 1 && (
        <div className="compare-form">
          <label htmlFor="compare-from">{t('compareFrom')}</label>
          <select id="compare-from" value={from} onChange={(event) => setFrom(event.target.value)}>
            {options}
          </select>
          <label htmlFor="compare-to">{t('compareTo')}</label>
          <select id="compare-to" value={to} onChange={(event) => setTo(event.target.value)}>
            {options}
          </select>
          <button type="button" className="button secondary" onClick={() => void compare()}>
            {t('compare')}
          </button>
        </div>
      )}
      {isLoaded && revisions.length === 0 && <p className="hint">{t('noRevisions')}</p>}
      <ol className="revision-list">
        {revisions.map((revision) => (
          <li key={revision.number}>
            <p>
              <strong>#{revision.number}</strong> {t(KIND_LABELS[revision.kind])} ·{' '}
              <time dateTime={revision.createdAt}>{formatDateTime(revision.createdAt)}</time>
              {revision.userName && (
                <>
                  {' '}
                  · <bdi>{revision.userName}</bdi>
                </>
              )}
            </p>
            {revision.number === 1 ? (
              <p className="hint">{t('revisionFirst')}</p>
            ) : (
              revision.changedFields.length > 0 && (
                <p className="hint">
                  {revision.changedFields
                    .map((field) => labelOf(field, t))
                    .join(language === 'ar' ? '، ' : ', ')}
                </p>
              )
            )}
            <button
              type="button"
              className="text-button"
              aria-label={t('restoreRevision', { number: revision.number })}
              onClick={() => void restore(revision.number)}
            >
              {t('restore')}
            </button>
          </li>
        ))}
      </ol>
      <dialog ref={dialog} className="compare-dialog" aria-labelledby="compare-title">
        {comparison && (
          <>
            <h2 id="compare-title">
              {t('comparisonTitle', { from: comparison.from, to: comparison.to })}
            </h2>
            {comparison.changes.length === 0 && <p>{t('noDifferences')}</p>}
            {comparison.changes.map((change) => (
              <section key={change.field} className="change">
                <h3>{labelOf(change.field, t)}</h3>
                <DiffView
                  lines={diffLines(
                    valueLines(change.field, change.before),
                    valueLines(change.field, change.after),
                  )}
                />
              </section>
            ))}
          </>
        )}
        {/* Not a <form method="dialog">: this dialog sits inside the editor's form. */}
        <button type="button" className="button primary" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </dialog>
    </details>
  )
}

function labelOf(field: string, t: (key: MessageKey) => string): string {
  const key = FIELD_LABELS[field]
  return key ? t(key) : field
}

/** Lines taken out struck through, lines put in underlined, with words for screen readers. */
function DiffView({ lines }: { lines: DiffLine[] }) {
  const { t } = useI18n()
  return (
    <div className="diff" dir="auto">
      {lines.map((line, index) =>
        line.kind === 'removed' ? (
          <del key={index}>
            <span className="visually-hidden">{t('diffRemoved')} </span>
            {line.text}
          </del>
        ) : line.kind === 'added' ? (
          <ins key={index}>
            <span className="visually-hidden">{t('diffAdded')} </span>
            {line.text}
          </ins>
        ) : (
          <p key={index}>{line.text}</p>
        ),
      )}
    </div>
  )
}
