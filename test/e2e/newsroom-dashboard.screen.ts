import type { Locator, Page } from 'playwright-core'

/** The newsroom app's dashboard, article list with bulk actions, and profile. */
export class NewsroomDashboardScreen {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(path = '/admin/'): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).toString())
  }

  /** Signs in and waits for the first screen after it. */
  async signIn(email: string, password: string): Promise<void> {
    await this.page.locator('#sign-in-email').fill(email)
    await this.page.locator('#sign-in-password').fill(password)
    await this.page.locator('.sign-in button[type=submit]').click()
    // The sign-in form has a heading of its own: wait for it to go, then for the screen's.
    await this.page.locator('.sign-in').waitFor({ state: 'detached' })
    await this.page.locator('main h1').first().waitFor()
  }

  async signOut(): Promise<void> {
    await this.page.locator('.header-end .button.secondary').click()
    await this.page.locator('#sign-in-email').waitFor()
  }

  /** A dashboard panel by its id: my-drafts, in-review, scheduled, breaking, contact… */
  panel(id: string): Locator {
    return this.page.locator(`#dashboard-${id}`)
  }

  /** The list's rows, once loaded. */
  get rows(): Locator {
    return this.page.locator('.article-table tbody tr')
  }

  async waitForList(): Promise<void> {
    await this.page.locator('.articles-screen .result-count').waitFor()
  }

  /** Picks an option of a labelled select by its visible text. */
  async choose(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option })
  }

  /** Ticks the row of an article by its headline. */
  async select(headline: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select “${headline}”` }).check()
  }

  bulkButton(label: string): Locator {
    return this.page.locator('.bulk-bar').getByRole('button', { name: label, exact: true })
  }

  get bulkOutcome(): Locator {
    return this.page.locator('.bulk-outcome')
  }
}
