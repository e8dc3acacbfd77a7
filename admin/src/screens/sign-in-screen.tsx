import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError, NETWORK_FAILURE } from '../api/api-error.js'
import { api } from '../api/client.js'
import type { Session } from '../api/types.js'
import { Field } from '../components/field.js'
import { useI18n } from '../i18n/i18n-context.js'

/** Sign-in with email and password, and the two-factor code when the account has it on. */
export function SignInScreen({
  onSignedIn,
  notice,
  email: knownEmail = '',
  isDialog = false,
}: {
  onSignedIn: (session: Session) => void
  notice?: string
  email?: string
  isDialog?: boolean
}) {
  const { t } = useI18n()
  const [email, setEmail] = useState(knownEmail)
  const [password, setPassword] = useState('')
  const [code, setCode] = useState('')
  const [isCodeNeeded, setCodeNeeded] = useState(false)
  const [error, setError] = useState('')
  const [isBusy, setBusy] = useState(false)
  const codeInput = useRef<HTMLInputElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    if (isDialog) headingRef.current?.focus()
  }, [isDialog])
  useEffect(() => {
    if (isCodeNeeded) codeInput.current?.focus()
  }, [isCodeNeeded])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError('')
    try {
      const body = isCodeNeeded ? { email, password, code } : { email, password }
      onSignedIn(await api<Session>('POST', 'session', { body }))
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught
      if (caught.has('TOTP_REQUIRED')) {
        if (isCodeNeeded) setError(t('twoFactorInvalid'))
        setCodeNeeded(true)
      } else if (caught.status === 429)
        setError(t('tooManyAttempts', { seconds: caught.retryAfterSeconds ?? 60 }))
      else if (caught.has('INVALID_CREDENTIALS')) setError(t('signInFailed'))
      else if (caught.status === NETWORK_FAILURE) setError(t('networkError'))
      else setError(t('errorGeneric'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section
      className={isDialog ? 'sign-in dialog' : 'sign-in'}
      role={isDialog ? 'dialog' : undefined}
      aria-modal={isDialog ? true : undefined}
      aria-labelledby="sign-in-title"
    >
      <h1 id="sign-in-title" tabIndex={-1} ref={headingRef}>
        {t('signInTitle')}
      </h1>
      {notice && <p className="notice">{notice}</p>}
      <form onSubmit={(event) => void submit(event)}>
        <Field id="sign-in-email" label={t('email')}>
          {(control) => (
            <input
              {...control}
              type="email"
              autoComplete="username"
              required
              dir="ltr"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field id="sign-in-password" label={t('password')}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              dir="ltr"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        {isCodeNeeded && (
          <Field id="sign-in-code" label={t('twoFactorCode')} hint={t('twoFactorHint')}>
            {(control) => (
              <input
                {...control}
                ref={codeInput}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                maxLength={6}
                required
                dir="ltr"
                value={code}
                onChange={(event) => setCode(event.target.value.replace(/\D/g, ''))}
              />
            )}
          </Field>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button primary" disabled={isBusy}>
          {isBusy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </section>
  )
}
