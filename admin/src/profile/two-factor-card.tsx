import { useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import type { SessionUser } from '../api/types.js'
import { Field } from '../components/field.js'
import { useI18n } from '../i18n/i18n-context.js'
import { Card, FormStatus, type FormState } from './profile-parts.js'
import { QrCodeImage } from './qr-code-image.js'

type TwoFactorStep =
  { kind: 'view' } | { kind: 'enrolling'; secret: string; uri: string } | { kind: 'disabling' }

/**
 * Two-factor sign-in: turn it on by scanning the QR code (or typing the key) and giving a first
 * code, or off with the password.
 */
export function TwoFactorCard({
  user,
  onUserChanged,
}: {
  user: SessionUser
  onUserChanged: (user: SessionUser) => void
}) {
  const { t } = useI18n()
  const [step, setStep] = useState<TwoFactorStep>({ kind: 'view' })
  const [code, setCode] = useState('')
  const [password, setPassword] = useState('')
  const [fieldError, setFieldError] = useState<string | undefined>()
  const [state, setState] = useState<FormState>({ kind: 'idle' })
  const isOn = Boolean(user.hasTwoFactor)

  const reset = (next: TwoFactorStep) => {
    setStep(next)
    setCode('')
    setPassword('')
    setFieldError(undefined)
  }
  const start = async () => {
    setState({ kind: 'idle' })
    try {
      const enrolment = await api<{ secret: string; uri: string }>('POST', 'account/two-factor')
      reset({ kind: 'enrolling', ...enrolment })
    } catch {
      setState({ kind: 'error', key: 'errorGeneric' })
    }
  }
  const confirmCode = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await api('POST', 'account/two-factor/confirm', { body: { code: code.trim() } })
      onUserChanged({ ...user, hasTwoFactor: true })
      reset({ kind: 'view' })
      setState({ kind: 'done', key: 'twoFactorEnabled' })
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) setFieldError(t('twoFactorInvalid'))
      else setState({ kind: 'error', key: 'errorGeneric' })
    }
  }
  const disable = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await api('DELETE', 'account/two-factor', { body: { password } })
      onUserChanged({ ...user, hasTwoFactor: false })
      reset({ kind: 'view' })
      setState({ kind: 'done', key: 'twoFactorDisabled' })
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) setFieldError(t('passwordWrong'))
      else setState({ kind: 'error', key: 'errorGeneric' })
    }
  }

  return (
    <Card id="profile-two-factor" title="twoFactorTitle">
      <p>{t(isOn ? 'twoFactorOn' : 'twoFactorOff')}</p>
      <FormStatus state={state} />
      {step.kind === 'view' && (
        <button
          type="button"
          className="button secondary"
          onClick={() => (isOn ? reset({ kind: 'disabling' }) : void start())}
        >
          {t(isOn ? 'twoFactorDisable' : 'twoFactorStart')}
        </button>
      )}
      {step.kind === 'enrolling' && (
        <form onSubmit={(event) => void confirmCode(event)}>
          <p>{t('twoFactorSecretIntro')}</p>
          <QrCodeImage text={step.uri} label={t('twoFactorQrCode')} />
          <dl className="secret">
            <dt>{t('twoFactorSecret')}</dt>
            <dd>
              <code dir="ltr" id="two-factor-secret">
                {step.secret}
              </code>
            </dd>
            <dt>{t('twoFactorUri')}</dt>
            <dd>
              <a href={step.uri} dir="ltr" className="secret-uri">
                {step.uri}
              </a>
            </dd>
          </dl>
          <Field
            id="two-factor-code"
            label={t('twoFactorCode')}
            hint={t('twoFactorHint')}
            error={fieldError ? { text: fieldError } : undefined}
          >
            {(control) => (
              <input
                {...control}
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                maxLength={10}
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            )}
          </Field>
          <div className="form-buttons">
            <button type="submit" className="button primary">
              {t('twoFactorConfirm')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => reset({ kind: 'view' })}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'disabling' && (
        <form onSubmit={(event) => void disable(event)}>
          <Field
            id="two-factor-password"
            label={t('twoFactorDisablePassword')}
            error={fieldError ? { text: fieldError } : undefined}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                required
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <div className="form-buttons">
            <button type="submit" className="button primary">
              {t('twoFactorDisable')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => reset({ kind: 'view' })}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </Card>
  )
}
