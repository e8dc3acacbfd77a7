import type { Locator, Page } from 'playwright-core'

/** The wire desk at /admin/wires: filters, the queue, the story being read and its Use button. */
export class NewsroomWiresScreen {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(new URL('/admin/wires', this.baseUrl).toString())
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.locator('#sign-in-email').fill(email)
    await this.page.locator('#sign-in-password').fill(password)
    await this.page.locator('.sign-in button[type=submit]').click()
    await this.page.locator('.wires-screen .result-count').waitFor()
  }

  async filterByAgency(name: string): Promise<void> {
    await this.page.locator('#wires-agency').selectOption({ label: name })
    await this.page.locator('.wires-screen .filters button[type=submit]').click()
    await this.page.waitForURL(/agency=/)
  }

  /** What the desk says when the queue is empty and no filter narrows it. */
  get emptyDesk(): Locator {
    return this.page.locator('.wire-list .notice')
  }

  get headlines(): Locator {
    return this.page.locator('.wire-items .wire-headline')
  }

  async read(headline: string): Promise<Locator> {
    await this.headlines.filter({ hasText: headline }).click()
    const panel = this.page.locator('.wire-panel')
    await panel.locator('.wire-body').waitFor()
    return panel
  }

  async useAsDraft(): Promise<void> {
    await this.page.locator('.wire-use button').click()
    await this.page.waitForURL(/\/admin\/articles\/\d+$/)
  }
}
