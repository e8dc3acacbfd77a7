import type { Locator, Page } from 'playwright-core'

/** The newsroom's settings area at /admin/settings: its menu, forms, lists and section tree. */
export class SettingsScreen {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async open(area: string): Promise<void> {
    await this.page.goto(new URL(`/admin/settings/${area}`, this.baseUrl).toString())
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.locator('#sign-in-email').fill(email)
    await this.page.locator('#sign-in-password').fill(password)
    await this.page.locator('.sign-in button[type=submit]').click()
    await this.page.locator('.settings-area').waitFor()
  }

  get menu(): Locator {
    return this.page.locator('.settings-nav')
  }

  field(id: string): Locator {
    return this.page.locator(`#${id}`)
  }

  fieldError(id: string): Locator {
    return this.page.locator(`#${id}-error`)
  }

  /** The names of the sections as the tree shows them, top to bottom. */
  sectionNames(): Promise<string[]> {
    return this.page.locator('.section-row .section-name').allTextContents()
  }

  /** A button of the tree by its accessible name ("Move World up"). */
  treeButton(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }

  get status(): Locator {
    return this.page.locator('.settings-area [role=status]').first()
  }

  get secret(): Locator {
    return this.page.locator('.secret-once input')
  }

  /** Submits the open add or edit form. */
  async submit(): Promise<void> {
    await this.page.locator('.api-form button[type=submit]').click()
  }
}
