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

  /** The open media picker dialog. */
  get picker(): Locator {
    return this.page.locator('dialog[open]')
  }

  /** An image field of a form (a fieldset named by its legend), with its thumbnail and buttons. */
  imageChoice(legend: string): Locator {
    return this.page.getByRole('group', { name: legend, exact: true })
  }

  /** Uploads a picture inside the open picker and chooses it with the keyboard once it is listed. */
  async uploadAndChoose(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.picker.locator('.upload-zone input[type=file]').setInputFiles([file])
    const tile = this.picker.locator('.media-tile', { hasText: file.name })
    await tile.focus()
    await this.page.keyboard.press('Enter')
    await this.picker.waitFor({ state: 'detached' })
  }

  /** What the signed-in person's session reads at an Admin API path (GET). */
  readApi<T>(path: string): Promise<T> {
    return this.page.evaluate(
      async (url) => (await fetch(url, { headers: { accept: 'application/json' } })).json() as T,
      `/api/admin/${path}`,
    )
  }

  /** Submits the open add or edit form. */
  async submit(): Promise<void> {
    await this.page.locator('.api-form button[type=submit]').click()
  }
}
