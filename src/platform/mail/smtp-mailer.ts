import type nodemailer from 'nodemailer'
import type { Mailer } from './mailer.js'

type Transport = ReturnType<typeof nodemailer.createTransport>

/**
 * A mailer over SMTP (`smtp://user:password@host:587` or `smtps://…`), sending from `from`.
 * nodemailer is loaded with the first message, not at start: most processes never send one.
 */
export function createSmtpMailer(input: { smtpUrl: string; from: string }): Mailer {
  let transport: Promise<Transport> | undefined
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: mailer }) =>
      mailer.createTransport(input.smtpUrl),
    ))
  return {
    async send(message) {
      await (await open()).sendMail({ from: input.from, ...message })
    },
    close() {
      // A transport that failed to open has nothing to close; its error went to `send`.
      void transport?.then(
        (opened) => opened.close(),
        () => undefined,
      )
    },
  }
}
