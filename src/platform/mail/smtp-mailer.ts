import nodemailer from 'nodemailer'
import type { Mailer } from './mailer.js'

/** A mailer over SMTP (`smtp://user:password@host:587` or `smtps://…`), sending from `from`. */
export function createSmtpMailer(input: { smtpUrl: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(input.smtpUrl)
  return {
    async send(message) {
      await transport.sendMail({ from: input.from, ...message })
    },
    close() {
      transport.close()
    },
  }
}
