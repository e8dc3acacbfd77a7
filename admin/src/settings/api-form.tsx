import { useEffect, useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { ApiError, NETWORK_FAILURE, type ApiErrorItem } from '../api/api-error.js'
import { useI18n } from '../i18n/i18n-context.js'
import { useNavigation } from '../router.js'
import { controlId, FormFields, type FieldSpec } from './form-fields.js'
import { mapErrorsToForm, type FormErrors, type FormValues } from './form-values.js'

const NO_ERRORS: FormErrors = { fields: {}, general: [] }

/** The errors above a form: the API's own reasons (a refusal says why), or "unreachable". */
export function GeneralErrors({ errors }: { errors: readonly ApiErrorItem[] }) {
  const { t } = useI18n()
  if (errors.length === 0) return null
  return (
    <div className="form-error" role="alert">
      {errors.map((error, index) => (
        <p key={index}>{error.code === 'NETWORK_FAILURE' ? t('networkError') : error.message}</p>
      ))}
    </div>
  )
}

/** What a failed call becomes on a form: errors per field and the rest. */
export function errorsOfFailure(caught: unknown, fieldNames: readonly string[]): FormErrors {
  if (caught instanceof ApiError) {
    if (caught.status === NETWORK_FAILURE)
      return { fields: {}, general: [{ code: 'NETWORK_FAILURE', message: '' }] }
    return mapErrorsToForm(caught.errors, fieldNames)
  }
  return { fields: {}, general: [{ code: 'UNKNOWN', message: String(caught) }] }
}

/**
 * A form whose fields are described by specs and whose save is an API call. What was typed stays
 * when the save fails; the API's errors appear beside their fields and the first gets focus.
 */
export function ApiForm({
  formId,
  title,
  fields,
  initialValues,
  submitLabel,
  disabled,
  onSubmit,
  onCancel,
  children,
}: {
  formId: string
  title?: string
  fields: readonly FieldSpec[]
  initialValues: FormValues
  submitLabel: string
  disabled?: boolean
  onSubmit: (values: FormValues) => Promise<void>
  onCancel?: () => void
  /** More inputs, after the described ones, that handle their own values. */
  children?: (form: {
    values: FormValues
    errors: FormErrors
    setValue: (name: string, value: FormValues[string]) => void
  }) => ReactNode
}) {
  const { t } = useI18n()
  const [values, setValues] = useState<FormValues>(initialValues)
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [isSaving, setSaving] = useState(false)
  const { setLeaveGuard } = useNavigation()
  const [isChanged, setChanged] = useState(false)
  useEffect(() => {
    if (!isChanged) return
    setLeaveGuard(t('leaveWarning'))
    return () => setLeaveGuard(undefined)
  }, [isChanged, setLeaveGuard, t])
  const setValue = (name: string, value: FormValues[string]) => {
    setChanged(true)
    setValues((current) => ({ ...current, [name]: value }))
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    setSaving(true)
    setErrors(NO_ERRORS)
    try {
      await onSubmit(values)
    } catch (caught) {
      const names = [...fields.map((spec) => spec.name), ...Object.keys(values)]
      const found = errorsOfFailure(caught, names)
      setErrors(found)
      const first = Object.keys(found.fields)[0]
      const target = first && form.querySelector<HTMLElement>(`#${controlId(formId, first)}`)
      if (target) target.focus()
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="api-form"
      id={formId}
      noValidate
      aria-label={title}
      onSubmit={(event) => void submit(event)}
    >
      {title && <h2>{title}</h2>}
      <GeneralErrors errors={errors.general} />
      {Object.keys(errors.fields).length > 0 && errors.general.length === 0 && (
        <p className="form-error" role="alert">
          {t('fixErrors')}
        </p>
      )}
      <div className="form-grid">
        <FormFields
          formId={formId}
          fields={fields}
          values={values}
          errors={errors.fields}
          disabled={disabled}
          onChange={setValue}
        />
        {children?.({ values, errors, setValue })}
      </div>
      {!disabled && (
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={isSaving}>
            {isSaving ? t('saving') : submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button secondary" onClick={onCancel}>
              {t('cancel')}
            </button>
          )}
        </div>
      )}
    </form>
  )
}
