import type { Locator, Page } from 'playwright-core'

/** The newsroom app at /admin: sign-in, the articles list and the editor. */
export class NewsroomScreen {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  /** Opens the app; the article list unless told otherwise (the dashboard is at /admin/). */
  async open(path = '/admin/articles'): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).toString())
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.locator('#sign-in-email').fill(email)
    await this.page.locator('#sign-in-password').fill(password)
    await this.page.locator('.sign-in button[type=submit]').click()
    await this.page.locator('.article-table, .articles-screen .notice').first().waitFor()
  }

  /** Switches the interface language with the header's button. */
  async switchLanguage(): Promise<void> {
    await this.page.locator('.app-header .link-button').click()
  }

  get newArticleLink(): Locator {
    return this.page.locator('.screen-title a.button')
  }

  field(id: string): Locator {
    return this.page.locator(`#${id}`)
  }

  /** The error shown under a field. */
  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-error`)
  }

  get body(): Locator {
    return this.page.locator('.body-text')
  }

  get status(): Locator {
    return this.page.locator('.save-state .status')
  }

  get formError(): Locator {
    return this.page.locator('.editor-screen .form-error')
  }

  get saveButton(): Locator {
    return this.page.locator('.editor-actions button[type=submit]')
  }

  workflowButton(label: string): Locator {
    return this.page.locator('.workflow-buttons button', { hasText: label })
  }

  get publicLink(): Locator {
    return this.page.locator('.editor-actions a')
  }

  /** Types into the body at its end. */
  async typeInBody(text: string): Promise<void> {
    await this.body.click()
    await this.page.keyboard.press('Control+End')
    await this.page.keyboard.type(text)
  }

  /** Adds tags as a reporter would, each followed by a comma. */
  async addTags(tags: string[]): Promise<void> {
    await this.field('tags').fill(tags.map((tag) => `${tag},`).join(''))
  }

  /** Waits until the address is an existing article's and answers its id. */
  async articleId(): Promise<number> {
    await this.page.waitForURL(/\/admin\/articles\/\d+$/)
    return Number(/(\d+)$/.exec(this.page.url())?.[1])
  }
}
