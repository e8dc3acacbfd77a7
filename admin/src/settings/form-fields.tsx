import type { ChangeEvent } from 'react'
import type { FieldMessage } from '../api/field-errors.js'
import { Field } from '../components/field.js'
import { useI18n } from '../i18n/i18n-context.js'
import { ImageChoiceField } from '../media/image-choice-field.js'
import { directionOf, type MessageKey } from '../i18n/messages.js'
import { CONTENT_LANGUAGES, type ContentLanguage, type FormValues } from './form-values.js'

/** One input of a settings form, described rather than written out. */
export interface FieldSpec {
  /** The value's name in the form, and the API property it maps to (`name.ar`, `url`). */
  name: string
  label: MessageKey
  kind?:
    | 'text'
    | 'url'
    | 'email'
    | 'password'
    | 'number'
    | 'textarea'
    | 'select'
    | 'checkbox'
    | 'checkboxes'
    | 'color'
    | 'image'
  hint?: MessageKey
  /** For `image` (a media library id, chosen in the picker): its button, and what "none" says. */
  image?: { choose: MessageKey; none: MessageKey }
  /** Content written in this language: the label says so, and the input runs in its direction. */
  language?: ContentLanguage
  options?: readonly { value: string; label: string }[]
  required?: boolean
  /** Paths, addresses and slugs read left to right whatever the interface language. */
  isLatin?: boolean
  autoComplete?: string
}

/** The same input once per content language: `name.en`, `name.ar`. */
export function perLanguage(
  name: string,
  label: MessageKey,
  extra: Omit<FieldSpec, 'name' | 'label' | 'language'> = {},
): FieldSpec[] {
  return CONTENT_LANGUAGES.map((language) => ({
    ...extra,
    name: `${name}.${language}`,
    label,
    language,
  }))
}

/** The id of a field's control, unique on the page. */
export function controlId(formId: string, name: string): string {
  return `${formId}-${name.replace(/\./g, '-')}`
}

/** The inputs of a form, each labelled, with its hint and the error the API gave it. */
export function FormFields({
  formId,
  fields,
  values,
  errors,
  disabled,
  onChange,
}: {
  formId: string
  fields: readonly FieldSpec[]
  values: FormValues
  errors: Record<string, FieldMessage>
  disabled?: boolean
  onChange: (name: string, value: FormValues[string]) => void
}) {
  const { t, language } = useI18n()
  const labelOf = (spec: FieldSpec) =>
    spec.language
      ? t('inLanguage', {
          label: t(spec.label),
          language: t(spec.language === 'ar' ? 'languageAr' : 'languageEn'),
        })
      : t(spec.label)
  return (
    <>
      {fields.map((spec) => {
        const id = controlId(formId, spec.name)
        const value = values[spec.name]
        const error = errors[spec.name]
        const text = typeof value === 'string' ? value : ''
        const onText = (
          event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>,
        ) => onChange(spec.name, event.target.value)
        const direction = spec.language
          ? { lang: spec.language, dir: directionOf(spec.language) }
          : spec.isLatin
            ? { dir: 'ltr' as const }
            : {}
        if (spec.kind === 'checkboxes') {
          const chosen = Array.isArray(value) ? value : []
          return (
            <fieldset
              key={spec.name}
              className={error ? 'field choices has-error' : 'field choices'}
              aria-describedby={error ? `${id}-error` : undefined}
            >
              <legend>{labelOf(spec)}</legend>
              {spec.options?.map((option) => (
                <label key={option.value} className="choice">
                  <input
                    type="checkbox"
                    disabled={disabled}
                    checked={chosen.includes(option.value)}
                    onChange={(event) =>
                      onChange(
                        spec.name,
                        event.target.checked
                          ? [...chosen, option.value]
                          : chosen.filter((item) => item !== option.value),
                      )
                    }
                  />
                  <span dir="auto">{option.label}</span>
                </label>
              ))}
              {error && (
                <p className="field-error" id={`${id}-error`}>
                  {'key' in error ? t(error.key) : error.text}
                </p>
              )}
            </fieldset>
          )
        }
        if (spec.kind === 'image') {
          return (
            <ImageChoiceField
              key={spec.name}
              id={id}
              legend={labelOf(spec)}
              chooseLabel={t(spec.image?.choose ?? 'pickMedia')}
              noneText={t(spec.image?.none ?? 'imageChoiceNone')}
              hint={spec.hint && t(spec.hint)}
              error={error}
              mediaId={text === '' ? null : Number(text)}
              language={language}
              disabled={disabled}
              onChange={(mediaId) => onChange(spec.name, mediaId === null ? '' : String(mediaId))}
            />
          )
        }
        if (spec.kind === 'checkbox') {
          return (
            <div key={spec.name} className="field check">
              <input
                id={id}
                type="checkbox"
                disabled={disabled}
                checked={value === true}
                onChange={(event) => onChange(spec.name, event.target.checked)}
              />
              <label htmlFor={id}>{labelOf(spec)}</label>
            </div>
          )
        }
        return (
          <Field
            key={spec.name}
            id={id}
            label={labelOf(spec)}
            hint={spec.hint && t(spec.hint)}
            error={error}
          >
            {(control) =>
              spec.kind === 'textarea' ? (
                <textarea
                  {...control}
                  {...direction}
                  rows={6}
                  disabled={disabled}
                  value={text}
                  onChange={onText}
                />
              ) : spec.kind === 'select' ? (
                <select {...control} disabled={disabled} value={text} onChange={onText}>
                  {spec.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...control}
                  {...direction}
                  type={spec.kind ?? 'text'}
                  required={spec.required}
                  disabled={disabled}
                  autoComplete={spec.autoComplete ?? 'off'}
                  value={text}
                  onChange={onText}
                />
              )
            }
          </Field>
        )
      })}
    </>
  )
}
