import type { Locator } from 'playwright-core'
import { SiteScreen } from './site.screen.js'

/** What a reader writes to the newsroom. */
export interface ContactLetter {
  name: string
  email: string
  subject: string
  message: string
}

const FIELDS = ['name', 'email', 'subject', 'message'] as const

/** The contact page and its form, which posts back to the same page. */
export class ContactScreen extends SiteScreen {
  async open(language: string): Promise<void> {
    await this.visit(`/${language}/contact`)
  }

  field(name: keyof ContactLetter): Locator {
    return this.page.locator(`form #contact-${name}`)
  }

  get sendButton(): Locator {
    return this.page.locator('form button[type="submit"]')
  }

  get successStatus(): Locator {
    return this.page.locator('.form-status--success')
  }

  get errorBox(): Locator {
    return this.page.locator('.form-status--error')
  }

  get errorMessages(): Locator {
    return this.errorBox.locator('li')
  }

  get invalidFields(): Locator {
    return this.page.locator('form [aria-invalid="true"]')
  }

  async fill(letter: ContactLetter): Promise<void> {
    for (const name of FIELDS) await this.field(name).fill(letter[name])
  }

  /** Sends the form and waits for the answer page to show its thanks. */
  async send(): Promise<void> {
    await this.press(this.sendButton)
    await this.successStatus.waitFor()
  }

  /** Sends the form as it is and waits for the answer page to list what is wrong. */
  async sendExpectingErrors(): Promise<void> {
    await this.press(this.sendButton)
    await this.errorBox.waitFor()
  }
}
