import { useEffect, useRef, useState } from 'react'
import type { FieldMessage } from '../api/field-errors.js'
import { usePermissions } from '../api/permissions-context.js'
import type { ArticleStatus } from '../api/types.js'
import { useI18n } from '../i18n/i18n-context.js'
import { fromZonedInput, loadSiteTimeZone, toZonedInput } from './panels/site-time.js'
import {
  ACTION_LABELS,
  actionsFor,
  isPublishShortcut,
  publishingBlockedReason,
  type WorkflowAction,
} from './workflow.js'
import { useWorkflow } from './workflow-source.js'

const HOUR_MS = 3_600_000
let siteTimeZone: Promise<string> | undefined

/**
 * The workflow buttons the status and the person's permissions allow, by the server's workflow;
 * scheduling asks for a time in the site's time zone. Someone who may not publish is told why.
 */
export function WorkflowBar({
  status,
  isBusy,
  scheduledAt: scheduledFor,
  scheduleError,
  onAction,
}: {
  status: ArticleStatus
  isBusy: boolean
  /** When a scheduled article is due. */
  scheduledAt?: string | null
  scheduleError?: FieldMessage
  onAction: (action: WorkflowAction, scheduledAt?: string) => void
}) {
  const { t, language } = useI18n()
  const [timeZone, setTimeZone] = useState('UTC')
  const [scheduledAt, setScheduledAt] = useState('')
  const [isReasonFlagged, setReasonFlagged] = useState(false)
  const reasonRef = useRef<HTMLParagraphElement>(null)
  const permissions = usePermissions()
  const workflow = useWorkflow()
  const actions = workflow ? actionsFor(status, workflow, permissions) : []
  const blockedReason = publishingBlockedReason(status, permissions)

  useEffect(() => {
    siteTimeZone ??= loadSiteTimeZone().catch(() => 'UTC')
    void siteTimeZone.then((zone) => {
      setTimeZone(zone)
      setScheduledAt((typed) => typed || toZonedInput(new Date(Date.now() + HOUR_MS), zone))
    })
  }, [])

  // Control+Shift+Enter publishes; for someone who may not, it points at the reason instead.
  const latest = useRef({ actions, onAction, isBusy })
  latest.current = { actions, onAction, isBusy }
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isPublishShortcut(event)) return
      event.preventDefault()
      const current = latest.current
      if (current.actions.includes('publish') && !current.isBusy) current.onAction('publish')
      else if (reasonRef.current) {
        setReasonFlagged(true)
        reasonRef.current.focus()
      }
    }
    addEventListener('keydown', onKeyDown)
    return () => removeEventListener('keydown', onKeyDown)
  }, [])

  const zoned = (iso: string) =>
    new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(new Date(iso))
  const localScheduleError: FieldMessage | undefined =
    scheduledAt && !fromZonedInput(scheduledAt, timeZone) ? { key: 'errorDateTime' } : undefined
  const error = scheduleError ?? localScheduleError

  if (actions.length === 0 && !blockedReason) return null
  return (
    <fieldset className="workflow">
      <legend>{t('workflow')}</legend>
      {status === 'scheduled' && scheduledFor && (
        <p className="scheduled-for">
          {t('scheduledFor', { time: zoned(scheduledFor), zone: timeZone })}
        </p>
      )}
      {actions.includes('schedule') && (
        <div className={error ? 'field has-error' : 'field'}>
          <label htmlFor="scheduled-at">{t('scheduleAtZone', { zone: timeZone })}</label>
          <input
            id="scheduled-at"
            type="datetime-local"
            value={scheduledAt}
            onChange={(event) => setScheduledAt(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'scheduled-at-error' : undefined}
          />
          {error && (
            <p className="field-error" id="scheduled-at-error">
              {'key' in error ? t(error.key) : error.text}
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
            disabled={isBusy || (action === 'schedule' && !fromZonedInput(scheduledAt, timeZone))}
            aria-keyshortcuts={action === 'publish' ? 'Control+Shift+Enter' : undefined}
            onClick={() =>
              onAction(
                action,
                action === 'schedule'
                  ? fromZonedInput(scheduledAt, timeZone)?.toISOString()
                  : undefined,
              )
            }
          >
            {t(ACTION_LABELS[action])}
          </button>
        ))}
      </div>
      {actions.includes('publish') && <p className="hint">{t('publishShortcut')}</p>}
      {blockedReason && (
        <p
          ref={reasonRef}
          tabIndex={-1}
          id="publish-blocked-reason"
          className={isReasonFlagged ? 'workflow-reason is-flagged' : 'workflow-reason'}
          role={isReasonFlagged ? 'alert' : undefined}
        >
          {t(blockedReason)}
        </p>
      )}
    </fieldset>
  )
}
