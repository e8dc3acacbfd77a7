import { useState } from 'react'
import type { FieldMessage } from '../api/field-errors.js'
import type { ArticleStatus, SessionUser } from '../api/types.js'
import { useI18n } from '../i18n/i18n-context.js'
import { ACTION_LABELS, actionsFor, type WorkflowAction } from './workflow.js'

/** A local date and time for <input type="datetime-local">, an hour from now. */
function inAnHour(): string {
  const date = new Date(Date.now() + 3_600_000)
  date.setMinutes(date.getMinutes() - date.getTimezoneOffset(), 0, 0)
  return date.toISOString().slice(0, 16)
}

/** The workflow buttons the status and the user's role allow; scheduling asks for a time. */
export function WorkflowBar({
  status,
  role,
  isBusy,
  scheduleError,
  onAction,
}: {
  status: ArticleStatus
  role: SessionUser['role']
  isBusy: boolean
  scheduleError?: FieldMessage
  onAction: (action: WorkflowAction, scheduledAt?: string) => void
}) {
  const { t } = useI18n()
  const [scheduledAt, setScheduledAt] = useState(inAnHour)
  const actions = actionsFor(status, role)
  if (actions.length === 0) return null
  return (
    <fieldset className="workflow">
      <legend>{t('workflow')}</legend>
      {actions.includes('schedule') && (
        <div className={scheduleError ? 'field has-error' : 'field'}>
          <label htmlFor="scheduled-at">{t('scheduleAt')}</label>
          <input
            id="scheduled-at"
            type="datetime-local"
            value={scheduledAt}
            onChange={(event) => setScheduledAt(event.target.value)}
            aria-invalid={scheduleError ? true : undefined}
            aria-describedby={scheduleError ? 'scheduled-at-error' : undefined}
          />
          {scheduleError && (
            <p className="field-error" id="scheduled-at-error">
              {'key' in scheduleError ? t(scheduleError.key) : scheduleError.text}
            </p>
          )}
        </div>
      )}
      <div className="workflow-buttons">
        {actions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'publish' ? 'button primary' : 'button secondary'}
            disabled={isBusy}
            onClick={() =>
              onAction(
                action,
                action === 'schedule' ? new Date(scheduledAt).toISOString() : undefined,
              )
            }
          >
            {t(ACTION_LABELS[action])}
          </button>
        ))}
      </div>
    </fieldset>
  )
}
