import type { Locator, Page } from 'playwright-core'

/** A file as the browser's file picker hands it over. */
export interface PickedFile {
  name: string
  mimeType: string
  buffer: Buffer
}

/** The newsroom's media: the library screen, the picker dialog and the editor's media blocks. */
export class NewsroomMediaScreen {
  constructor(readonly page: Page) {}

  /** The open dialog (media picker or related-story search). */
  get dialog(): Locator {
    return this.page.locator('dialog[open]')
  }

  /** Uploads files through the file picker of `scope` (the library or a dialog). */
  async upload(scope: Locator, files: PickedFile[]): Promise<void> {
    await scope.locator('.upload-zone input[type=file]').setInputFiles(files)
  }

  uploadRow(scope: Locator, state: 'done' | 'failed'): Locator {
    return scope.locator(`.upload-item.upload-${state}`)
  }

  /** The library tile that shows the file `filename` (by its name, while it has no alt text). */
  tile(scope: Locator, filename: string): Locator {
    return scope.locator('.media-tile', { hasText: filename })
  }

  get heroButton(): Locator {
    return this.page.locator('.hero-image button').first()
  }

  get heroImage(): Locator {
    return this.page.locator('.hero-image img')
  }

  insertButton(label: string): Locator {
    return this.page.locator('.insert-bar button', { hasText: label })
  }

  block(kind: 'image' | 'gallery' | 'related' | 'embed'): Locator {
    return this.page.locator(`.body-text [data-block="${kind}"]`)
  }

  /** Searches the related-story dialog and chooses the story with this headline. */
  async chooseRelatedStory(words: string, headline: string): Promise<void> {
    await this.dialog.locator('input[type=search]').fill(words)
    await this.dialog
      .locator('.related-results li', { hasText: headline })
      .locator('button')
      .click()
  }
}
