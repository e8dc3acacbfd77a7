/** An email to send. Plain text only: newsroom notifications need no markup. */
export interface MailMessage {
  to: string
  subject: string
  text: string
  replyTo?: string
}

/** Sends email; present only when SMTP is configured. */
export interface Mailer {
  send(message: MailMessage): Promise<void>
  close(): void
}
