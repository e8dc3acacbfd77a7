import { h } from '../jsx/html.js'
import type { ContactFieldErrors, ContactFormValues } from '../../modules/contact/contact-form.js'
import { CONTACT_LIMITS } from '../../modules/contact/contact-form.js'
import type { Frame } from '../view-models.js'

type Field = keyof ContactFormValues

const FIELD_LABELS = {
  name: 'contactName',
  email: 'contactEmail',
  subject: 'contactSubject',
  message: 'contactMessage',
} as const

/** The contact form; it posts to the same page and works without script. */
export function ContactForm(props: {
  frame: Frame
  action: string
  values: ContactFormValues
  errors: ContactFieldErrors
  isSent: boolean
  isRateLimited: boolean
}) {
  const { frame, values, errors } = props
  const messageFor = (field: Field) => {
    const error = errors[field]
    if (!error) return undefined
    const label = frame.t(FIELD_LABELS[field])
    if (error === 'required') return frame.t('contactRequired', { field: label })
    if (error === 'too_long')
      return frame.t('contactTooLong', { field: label, max: CONTACT_LIMITS[field] })
    return frame.t('contactInvalidEmail')
  }
  const fields: Field[] = ['name', 'email', 'subject', 'message']
  const errorFields = fields.filter((field) => errors[field])
  return (
    <section class="contact-form" aria-labelledby="contact-form-title">
      <h2 id="contact-form-title">{frame.t('contactFormTitle')}</h2>
      {props.isSent ? (
        <p class="form-status form-status--success" role="status">
          {frame.t('contactThanks')}
        </p>
      ) : null}
      {props.isRateLimited ? (
        <p class="form-status form-status--error" role="alert">
          {frame.t('contactRateLimited')}
        </p>
      ) : null}
      {errorFields.length ? (
        <div class="form-status form-status--error" role="alert">
          <p>{frame.t('contactErrorsIntro')}</p>
          <ul>
            {errorFields.map((field) => (
              <li>
                <a href={`#contact-${field}`}>{messageFor(field)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="post" action={props.action} novalidate>
        {fields.map((field) => {
          const error = messageFor(field)
          const common = {
            id: `contact-${field}`,
            name: field,
            required: true,
            maxlength: CONTACT_LIMITS[field],
            dir: 'auto',
            'aria-invalid': error ? 'true' : undefined,
            'aria-describedby': error ? `contact-${field}-error` : undefined,
          }
          return (
            <p class="form-field">
              <label for={`contact-${field}`}>{frame.t(FIELD_LABELS[field])}</label>
              {field === 'message' ? (
                <textarea {...common} rows="8">
                  {values.message}
                </textarea>
              ) : (
                <input
                  {...common}
                  type={field === 'email' ? 'email' : 'text'}
                  value={values[field]}
                  autocomplete={field === 'name' ? 'name' : field === 'email' ? 'email' : undefined}
                />
              )}
              {error ? (
                <span class="form-field__error" id={`contact-${field}-error`}>
                  {error}
                </span>
              ) : null}
            </p>
          )
        })}
        <p class="form-field form-field--trap" aria-hidden="true">
          <label for="contact-website">{frame.t('contactHoneypot')}</label>
          <input id="contact-website" name="website" type="text" tabindex="-1" autocomplete="off" />
        </p>
        <p>
          <button type="submit">{frame.t('contactSend')}</button>
        </p>
      </form>
    </section>
  )
}
