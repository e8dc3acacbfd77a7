import { useState } from 'react'
import type { FormEvent } from 'react'
import { ApiError } from '../api/api-error.js'
import { api } from '../api/client.js'
import { Field } from '../components/field.js'
import { useI18n } from '../i18n/i18n-context.js'
import { Card, FormStatus, type FormState } from './profile-parts.js'

/** Must match the server's shortest password (src/modules/users/password.ts). */
const SHORTEST_PASSWORD = 12

/** Changing one's own password: the current one, and the new one twice. */
export function PasswordForm() {
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
