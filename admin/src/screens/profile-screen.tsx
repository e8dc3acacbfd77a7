import { useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../api/client.js'
import type { SessionUser } from '../api/types.js'
import { Field } from '../components/field.js'
import { useI18n } from '../i18n/i18n-context.js'
import { uiLanguageOf, type MessageKey, type UiLanguage } from '../i18n/messages.js'
import { PasswordForm } from '../profile/password-form.js'
import { Card, FormStatus, type FormState } from '../profile/profile-parts.js'
import { TwoFactorCard } from '../profile/two-factor-card.js'
import './screens.css'

const ROLE_LABELS: Record<SessionUser['role'], MessageKey> = {
  admin: 'roleAdmin',
  editor: 'roleEditor',
  author: 'roleAuthor',
  contributor: 'roleContributor',
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
  const [uiLanguage, setUiLanguage] = useState<UiLanguage>(
    uiLanguageOf(user.uiLanguage) ?? language,
  )
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
        <p className="hint profile-role">{t('profileRole', { role: t(ROLE_LABELS[user.role]) })}</p>
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
