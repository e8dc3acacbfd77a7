import { useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import type { SessionUser } from '../api/types.js'
import { Field } from '../components/field.js'
import { useI18n } from '../i18n/i18n-context.js'
import type { MessageKey, UiLanguage } from '../i18n/messages.js'
import './screens.css'

/** Must match the server's shortest password (src/modules/users/password.ts). */
const SHORTEST_PASSWORD = 12

const ROLE_LABELS: Record<SessionUser['role'], MessageKey> = {
  admin: 'roleAdmin',
  editor: 'roleEditor',
  author: 'roleAuthor',
  contributor: 'roleContributor',
}

/**
 * A form's last answer: a confirmation, or an error for the whole form. Kept as a message key, so
 * it follows a change of interface language (saving the profile can make one).
 */
type FormState =
  { kind: 'idle' } | { kind: 'done'; key: MessageKey } | { kind: 'error'; key: MessageKey }

function FormStatus({ state }: { state: FormState }) {
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

function Card({ id, title, children }: { id: string; title: MessageKey; children: ReactNode }) {
  const { t } = useI18n()
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t(title)}</h2>
      {children}
    </section>
  )
}

/** The signed-in person's own profile: name and interface language, password, two-factor. */
export function ProfileScreen({
  user,
  onUserChanged,
}: {
  user: SessionUser
  onUserChanged: (user: SessionUser) => void
}) {
  const { t } = useI18n()
  return (
    <section className="profile-screen">
      <div className="screen-title">
        <h1>{t('profileTitle')}</h1>
      </div>
      <div className="cards">
        <DetailsForm user={user} onUserChanged={onUserChanged} />
        <PasswordForm />
        <TwoFactorCard user={user} onUserChanged={onUserChanged} />
      </div>
    </section>
  )
}

function DetailsForm({
  user,
  onUserChanged,
}: {
  user: SessionUser
  onUserChanged: (user: SessionUser) => void
}) {
  const { t, language, setLanguage } = useI18n()
  const [name, setName] = useState(user.name)
  const [uiLanguage, setUiLanguage] = useState<UiLanguage>(user.uiLanguage ?? language)
  const [state, setState] = useState<FormState>({ kind: 'idle' })
  const [isBusy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      const saved = await api<SessionUser>('PATCH', 'account', {
        body: { name: name.trim(), uiLanguage },
      })
      onUserChanged({ ...user, name: saved.name, uiLanguage: saved.uiLanguage })
      setLanguage(uiLanguage)
      setState({ kind: 'done', key: 'profileSaved' })
    } catch {
      setState({ kind: 'error', key: 'errorGeneric' })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card id="profile-details" title="profileDetails">
      <form onSubmit={(event) => void submit(event)}>
        <Field id="profile-name" label={t('profileName')}>
          {(control) => (
            <input
              {...control}
              value={name}
              required
              maxLength={100}
              autoComplete="name"
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <Field id="profile-email" label={t('profileEmail')} hint={t('profileEmailHint')}>
          {(control) => <input {...control} value={user.email} readOnly dir="ltr" />}
        </Field>
        <p className="hint">{t('profileRole', { role: t(ROLE_LABELS[user.role]) })}</p>
        <Field
          id="profile-language"
          label={t('interfaceLanguage')}
          hint={t('interfaceLanguageHint')}
        >
          {(control) => (
            <select
              {...control}
              value={uiLanguage}
              onChange={(event) => setUiLanguage(event.target.value as UiLanguage)}
            >
              <option value="en" lang="en">
                English
              </option>
              <option value="ar" lang="ar">
                العربية
              </option>
            </select>
          )}
        </Field>
        <FormStatus state={state} />
        <button type="submit" className="button primary" disabled={isBusy}>
          {t('saveProfile')}
        </button>
      </form>
    </Card>
  )
}

function PasswordForm() {
  const { t } = useI18n()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeat, setRepeat] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const [state, setState] = useState<FormState>({ kind: 'idle' })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setState({ kind: 'idle' })
    const errors: Record<string, string> = {}
    if (next.length < SHORTEST_PASSWORD)
      errors.newPassword = t('passwordTooShort', { count: SHORTEST_PASSWORD })
    else if (next !== repeat) errors.repeatPassword = t('passwordsDiffer')
    setFieldErrors(errors)
    if (Object.keys(errors).length > 0) return
    try {
      await api('POST', 'account/password', {
        body: { currentPassword: current, newPassword: next },
      })
      setCurrent('')
      setNext('')
      setRepeat('')
      setState({ kind: 'done', key: 'passwordChanged' })
    } catch (error) {
      const property = error instanceof ApiError ? error.errors[0]?.property : undefined
      if (property === 'currentPassword') setFieldErrors({ currentPassword: t('passwordWrong') })
      else if (property === 'newPassword')
        setFieldErrors({ newPassword: t('passwordTooShort', { count: SHORTEST_PASSWORD }) })
      else setState({ kind: 'error', key: 'errorGeneric' })
    }
  }
  const errorOf = (name: string) => {
    const text = fieldErrors[name]
    return text ? { text } : undefined
  }
  return (
    <Card id="profile-password" title="changePassword">
      <form onSubmit={(event) => void submit(event)}>
        <Field
          id="current-password"
          label={t('currentPassword')}
          error={errorOf('currentPassword')}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              required
              autoComplete="current-password"
              value={current}
              onChange={(event) => setCurrent(event.target.value)}
            />
          )}
        </Field>
        <Field
          id="new-password"
          label={t('newPassword')}
          hint={t('newPasswordHint', { count: SHORTEST_PASSWORD })}
          error={errorOf('newPassword')}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              required
              autoComplete="new-password"
              value={next}
              onChange={(event) => setNext(event.target.value)}
            />
          )}
        </Field>
        <Field id="repeat-password" label={t('repeatPassword')} error={errorOf('repeatPassword')}>
          {(control) => (
            <input
              {...control}
              type="password"
              required
              autoComplete="new-password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
            />
          )}
        </Field>
        <FormStatus state={state} />
        <button type="submit" className="button primary">
          {t('changePassword')}
        </button>
      </form>
    </Card>
  )
}

type TwoFactorStep =
  { kind: 'view' } | { kind: 'enrolling'; secret: string; uri: string } | { kind: 'disabling' }

function TwoFactorCard({
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
