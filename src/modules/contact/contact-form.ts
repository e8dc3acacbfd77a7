/** The reader's contact form: its fields, their limits and how they are checked. */
export interface ContactFormValues {
  name: string
  email: string
  subject: string
  message: string
}

export type ContactFieldError = 'required' | 'too_long' | 'invalid_email'
export type ContactFieldErrors = Partial<Record<keyof ContactFormValues, ContactFieldError>>

export const CONTACT_LIMITS: Record<keyof ContactFormValues, number> = {
  name: 100,
  email: 254,
  subject: 200,
  message: 5000,
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

/** Reads a submitted form: trimmed strings; anything that is not a string counts as empty. */
export function readContactForm(body: unknown): { values: ContactFormValues; honeypot: string } {
  const field = (name: string) => {
    const value =
      body !== null && typeof body === 'object'
        ? (body as Record<string, unknown>)[name]
        : undefined
    return typeof value === 'string' ? value.trim() : ''
  }
  return {
    values: {
      name: field('name'),
      email: field('email'),
      subject: field('subject'),
      message: field('message'),
    },
    honeypot: field('website'),
  }
}

/** What is wrong with each field, if anything. */
export function validateContactForm(values: ContactFormValues): ContactFieldErrors {
  const errors: ContactFieldErrors = {}
  for (const field of Object.keys(CONTACT_LIMITS) as (keyof ContactFormValues)[]) {
    if (!values[field]) errors[field] = 'required'
    else if ([...values[field]].length > CONTACT_LIMITS[field]) errors[field] = 'too_long'
  }
  if (!errors.email && !EMAIL.test(values.email)) errors.email = 'invalid_email'
  return errors
}

/** The email that tells the newsroom about a new contact message; replies go to the reader. */
export function contactNotification(input: {
  values: ContactFormValues
  language: string
  to: string
}) {
  const { values } = input
  return {
    to: input.to,
    replyTo: values.email,
    subject: `[Contact, ${input.language}] ${values.subject}`,
    text: `From: ${values.name} <${values.email}>\nEdition: ${input.language}\n\n${values.message}\n`,
  }
}
