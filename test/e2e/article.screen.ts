import type { Locator } from 'playwright-core'
import { SiteScreen } from './site.screen.js'

/** Arabic-Indic digits as Western ones, so positions compare whatever digits the edition uses. */
function westernDigits(text: string): string {
  return text.replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
}

/** An article page and its photo gallery, shown in a modal dialog by site.js. */
export class ArticleScreen extends SiteScreen {
  get gallery(): Locator {
    return this.page.locator('section.gallery[data-gallery]').first()
  }

  get thumbnails(): Locator {
    return this.gallery.locator('a.gallery__open')
  }

  thumbnail(index: number): Locator {
    return this.thumbnails.nth(index)
  }

  /** The thumbnail link, only while it has the keyboard focus. */
  focusedThumbnail(index: number): Locator {
    return this.gallery.locator(`a.gallery__open[data-index="${index}"]:focus`)
  }

  get openDialog(): Locator {
    return this.page.locator('dialog.gallery-dialog[open]')
  }

  get closeButton(): Locator {
    return this.openDialog.locator('.gallery-dialog__close')
  }

  /** The close button, only while it has the keyboard focus. */
  get focusedCloseButton(): Locator {
    return this.openDialog.locator('.gallery-dialog__close:focus')
  }

  get previousButton(): Locator {
    return this.openDialog.locator('.gallery-dialog__previous')
  }

  get nextButton(): Locator {
    return this.openDialog.locator('.gallery-dialog__next')
  }

  get dialogImage(): Locator {
    return this.openDialog.locator('img.gallery-dialog__image')
  }

  /** The path of the photo the dialog shows (the image's src is absolute once set by script). */
  async dialogPhotoPath(): Promise<string> {
    const src = (await this.dialogImage.getAttribute('src')) ?? ''
    return new URL(src, this.page.url()).pathname
  }

  /** The dialog's "Photo 1 of 5", with Western digits. */
  async photoPosition(): Promise<string> {
    const text = await this.openDialog.locator('.gallery-dialog__position').textContent()
    return westernDigits(text?.trim() ?? '')
  }

  /** What the position should read, from the gallery's own localized label. */
  async expectedPosition(current: number): Promise<string> {
    const label = (await this.gallery.getAttribute('data-label-position')) ?? ''
    const total = await this.thumbnails.count()
    return label.replace('{current}', String(current)).replace('{total}', String(total))
  }

  async openPhoto(index: number): Promise<void> {
    await this.press(this.thumbnail(index))
    await this.openDialog.waitFor()
  }

  async closeWithEscape(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await this.openDialog.waitFor({ state: 'detached' })
  }

  async closeWithButton(): Promise<void> {
    await this.press(this.closeButton)
    await this.openDialog.waitFor({ state: 'detached' })
  }
}
