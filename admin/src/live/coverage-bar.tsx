import { useState } from 'react'
import { api } from '../api/client.js'
import { STATUS_LABELS } from '../editor/workflow.js'
import { useI18n } from '../i18n/i18n-context.js'
import { Link } from '../router.js'
import { deskErrorMessage } from './desk-errors.js'
import type { CoverageState, LiveStory } from './live-types.js'

/**
 * The top of the desk: the story's headline, status and coverage, a way back to its editor and
 * to its public page, and ending or reopening the coverage.
 */
export function CoverageBar({
  story,
  onChanged,
}: {
  story: LiveStory
  onChanged: (story: LiveStory) => void
}) {
  const { t, formatDateTime } = useI18n()
  const [isBusy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')
  const isEnded = story.coverageState === 'ended'
  const coverageText = (state: CoverageState | null, endedAt: string | null) =>
    state === 'ended'
      ? t('liveCoverageEnded', { time: endedAt ? formatDateTime(endedAt) : '' }).trim()
      : t('liveCoverageLive')

  const setCoverage = async (coverageState: CoverageState) => {
    if (coverageState === 'ended' && !confirm(t('liveEndCoverageConfirm'))) return
    setBusy(true)
    setError('')
    try {
      const saved = await api<LiveStory>('PATCH', `articles/${story.id}`, {
        body: { coverageState },
      })
      onChanged(saved)
      setNotice(
        t('liveCoverageChanged', {
          state: coverageText(saved.coverageState, saved.coverageEndedAt),
        }),
      )
    } catch (failure) {
      setError(deskErrorMessage(failure, t))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="coverage-bar">
      <div className="coverage-heading">
        <p className="desk-name">{t('liveDeskTitle')}</p>
        <h1 id="desk-title" dir="auto" lang={story.language}>
          {story.headline}
        </h1>
        <p className="coverage-state">
          <span className={`status status-${story.status}`}>{t(STATUS_LABELS[story.status])}</span>
          <span className={isEnded ? 'coverage is-ended' : 'coverage is-live'}>
            {coverageText(story.coverageState, story.coverageEndedAt)}
          </span>
        </p>
      </div>
      <div className="coverage-actions">
        <Link to={`/articles/${story.id}`} className="button secondary">
          {t('liveBackToEditor')}
        </Link>
        {story.status === 'published' && (
          <a className="button secondary" href={story.url} target="_blank" rel="noopener">
            {t('viewPublic')}
          </a>
        )}
        <button
          type="button"
          className={isEnded ? 'button secondary coverage-reopen' : 'button secondary coverage-end'}
          disabled={isBusy}
          onClick={() => void setCoverage(isEnded ? 'live' : 'ended')}
        >
          {isEnded ? t('liveReopenCoverage') : t('liveEndCoverage')}
        </button>
      </div>
      <div className="coverage-messages" aria-live="polite">
        {notice && !error && <p className="visually-hidden">{notice}</p>}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
