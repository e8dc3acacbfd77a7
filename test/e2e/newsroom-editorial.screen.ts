import type { Locator } from 'playwright-core'
import { NewsroomScreen } from './newsroom.screen.js'

/** The editor's panels around the body: workflow, translations, preview, history, notices. */
export class EditorialScreen extends NewsroomScreen {
  get publishReason(): Locator {
    return this.page.locator('#publish-blocked-reason')
  }

  get originalPane(): Locator {
    return this.page.locator('.original-pane')
  }

  get previewLink(): Locator {
    return this.page.locator('.preview-ready a')
  }

  translationLink(language: 'English' | 'Arabic'): Locator {
    return this.page.locator('.translation-list a', { hasText: language })
  }

  button(label: string): Locator {
    return this.page.locator('button', { hasText: label })
  }

  /** Waits for the status badge to read a status. */
  async waitForStatus(label: string): Promise<void> {
    await this.page.locator('.save-state .status', { hasText: label }).waitFor()
  }

  /** Saves with the keyboard and waits for the confirmation. */
  async saveWithKeyboard(): Promise<void> {
    await this.page.keyboard.press('Control+s')
    await this.page.locator('.save-state', { hasText: /Saved at|حُفظ/ }).waitFor()
  }

  /** The public link's address, or null while the article is not published. */
  async publicLinkOrNull(): Promise<string | null> {
    const link = this.page.locator('.editor-actions a', { hasNotText: 'preview' })
    return (await link.count()) > 0 ? link.first().getAttribute('href') : null
  }

  /** The history panel's list of saved versions, newest first. */
  get revisions(): Locator {
    return this.page.locator('.revisions .revision-list > li')
  }

  /** Opens the history panel and waits for its versions. */
  async openHistory(): Promise<void> {
    await this.page.locator('.revisions > summary').click()
    await this.revisions.first().waitFor()
  }

  /** Restores a saved version, agreeing to the question the newsroom asks first. */
  async restoreRevision(number: number): Promise<void> {
    this.page.once('dialog', (dialog) => void dialog.accept())
    await this.page.getByRole('button', { name: `Restore version #${number}`, exact: true }).click()
  }

  /** Replaces the whole body with new text. */
  async replaceBody(text: string): Promise<void> {
    await this.body.click()
    await this.page.keyboard.press('Control+a')
    await this.page.keyboard.type(text)
  }
}
