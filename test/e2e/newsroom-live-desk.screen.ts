import type { Locator } from 'playwright-core'
import { NewsroomScreen } from './newsroom.screen.js'

/** The live desk of a live story at /admin/articles/{id}/live: composer, coverage, entries. */
export class LiveDeskScreen extends NewsroomScreen {
  async openDesk(articleId: number): Promise<void> {
    await this.open(`/admin/articles/${articleId}/live`)
  }

  /** Waits for the desk to show its entries (or that it has none). */
  async waitForDesk(): Promise<void> {
    await this.page.locator('.desk-entries, .desk-stream .notice').first().waitFor()
  }

  get composer(): Locator {
    return this.page.locator('.entry-composer')
  }

  get composerTitle(): Locator {
    return this.page.locator('#composer-title-input')
  }

  get composerBody(): Locator {
    return this.composer.locator('.body-text')
  }

  get composerError(): Locator {
    return this.page.locator('#composer-error')
  }

  get coverage(): Locator {
    return this.page.locator('.coverage-state .coverage')
  }

  get storyStatus(): Locator {
    return this.page.locator('.coverage-state .status')
  }

  get entries(): Locator {
    return this.page.locator('.desk-entries .live-entry')
  }

  /** The entry whose body or title holds this text. */
  entry(text: string): Locator {
    return this.entries.filter({ hasText: text })
  }

  /** Types an entry into the composer: an optional title, then the body. */
  async compose(body: string, title?: string): Promise<void> {
    if (title !== undefined) await this.composerTitle.fill(title)
    await this.composerBody.click()
    await this.page.keyboard.type(body)
  }

  /** Posts what the composer holds with Control+Enter, from wherever the keyboard is in it. */
  async postWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+Enter')
  }

  /** Whether the keyboard is in the composer's body. */
  isComposerBodyFocused(): Promise<boolean> {
    return this.page.evaluate<boolean>(
      "document.activeElement?.matches('.entry-composer .body-text') ?? false",
    )
  }

  /** Agrees to the next question the desk asks (deleting, ending the coverage). */
  acceptNextQuestion(): void {
    this.page.once('dialog', (dialog) => void dialog.accept())
  }

  entryButton(entry: Locator, name: 'Edit' | 'Pin' | 'Key event' | 'Delete'): Locator {
    return entry.locator('.entry-actions button', { hasText: name })
  }
}
