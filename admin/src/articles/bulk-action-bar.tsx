import { useState } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import type { ArticleSummary } from '../api/types.js'
import { useI18n } from '../i18n/i18n-context.js'
import type { MessageKey } from '../i18n/messages.js'
import {
  bulkFailureReason,
  summarizeBulk,
  type BulkAction,
  type BulkResult,
} from './bulk-results.js'

const ACTION_LABELS: Record<BulkAction, MessageKey> = {
  publish: 'bulkPublish',
  unpublish: 'bulkUnpublish',
  delete: 'bulkDelete',
}

type Outcome =
  | { kind: 'results'; results: (BulkResult & { headline: string })[] }
  | { kind: 'refused' }
  | { kind: 'error' }

/**
 * Publish, unpublish or delete the selected articles, then say what happened to each: the server
 * applies each one on its own, so some may be done and others refused.
 */
export function BulkActionBar({
  selected,
  rows,
  onDone,
}: {
  selected: Set<number>
  rows: ArticleSummary[]
  /** Called after an action with the ids to keep selected (those that failed). */
  onDone: (keepSelected: Set<number>) => void
}) {
  const { t } = useI18n()
  const [isWorking, setWorking] = useState(false)
  const [outcome, setOutcome] = useState<Outcome | undefined>()

  const run = async (action: BulkAction) => {
    const ids = [...selected]
    if (action === 'delete' && !confirm(t('bulkDeleteConfirm', { count: ids.length }))) return
    const headlines = new Map(rows.map((row) => [row.id, row.headline]))
    setWorking(true)
    setOutcome(undefined)
    try {
      const { results } = await api<{ results: BulkResult[] }>('POST', 'articles/bulk', {
        body: { action, ids },
      })
      setOutcome({
        kind: 'results',
        results: results.map((result) => ({
          ...result,
          headline: headlines.get(result.id) ?? t('deletedArticle', { id: result.id }),
        })),
      })
      onDone(summarizeBulk(results).failedIds)
    } catch (error) {
      setOutcome(
        error instanceof ApiError && error.has('FORBIDDEN')
          ? { kind: 'refused' }
          : { kind: 'error' },
      )
    } finally {
      setWorking(false)
    }
  }

  const summary = outcome?.kind === 'results' ? summarizeBulk(outcome.results) : undefined
  return (
    <>
      {selected.size > 0 && (
        <div className="bulk-bar" role="group" aria-label={t('bulkActions')}>
          <span className="bulk-count">{t('selectedCount', { count: selected.size })}</span>
          {(Object.keys(ACTION_LABELS) as BulkAction[]).map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'delete' ? 'button danger' : 'button secondary'}
              disabled={isWorking}
              onClick={() => void run(action)}
            >
              {t(ACTION_LABELS[action])}
            </button>
          ))}
          {isWorking && <span role="status">{t('bulkWorking')}</span>}
        </div>
      )}
      <div aria-live="polite" className="bulk-outcome">
        {outcome?.kind === 'refused' && (
          <p className="form-error" role="alert">
            {t('bulkRefused')}
          </p>
        )}
        {outcome?.kind === 'error' && (
          <p className="form-error" role="alert">
            {t('errorGeneric')}
          </p>
        )}
        {outcome?.kind === 'results' && summary && (
          <div className={summary.failed > 0 ? 'bulk-results has-failures' : 'bulk-results'}>
            <p>
              <strong>{t('bulkSummary', { done: summary.done, failed: summary.failed })}</strong>
            </p>
            <ul>
              {outcome.results.map((result) => (
                <li key={result.id} className={`bulk-result-${result.outcome}`}>
                  <span className="bulk-result-headline">{result.headline}</span>
                  {' — '}
                  {result.outcome === 'done'
                    ? t('bulkRowDone')
                    : t('bulkRowFailed', { reason: t(bulkFailureReason(result.error.code)) })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </>
  )
}
