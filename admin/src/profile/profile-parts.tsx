import type { ReactNode } from 'react'
import { useI18n } from '../i18n/i18n-context.js'
import type { MessageKey } from '../i18n/messages.js'

/**
 * A form's last answer: a confirmation, or an error for the whole form. Kept as a message key, so
 * it follows a change of interface language (saving the profile can make one).
 */
export type FormState =
  { kind: 'idle' } | { kind: 'done'; key: MessageKey } | { kind: 'error'; key: MessageKey }

/** The confirmation or error under a form. */
export function FormStatus({ state }: { state: FormState }) {
  const { t } = useI18n()
  if (state.kind === 'idle') return null
  return state.kind === 'done' ? (
    <p className="form-done" role="status">
      {t(state.key)}
    </p>
  ) : (
    <p className="form-error" role="alert">
      {t(state.key)}
    </p>
  )
}

/** A titled box of the profile screen. */
export function Card({
  id,
  title,
  children,
}: {
  id: string
  title: MessageKey
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t(title)}</h2>
      {children}
    </section>
  )
}
