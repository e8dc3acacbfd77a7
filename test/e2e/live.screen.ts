import type { Locator } from 'playwright-core'
import { SiteScreen } from './site.screen.js'

/** A page as site.js keeps it current from the reader stream: breaking bar and live entries. */
export class LiveScreen extends SiteScreen {
  get breakingLinks(): Locator {
    return this.page.locator('.breaking-bar .breaking-bar__items a')
  }

  get entries(): Locator {
    return this.page.locator('ol.live-entries [data-entry-id]')
  }

  entry(id: number): Locator {
    return this.page.locator(`ol.live-entries [data-entry-id="${id}"]`)
  }

  get newUpdatesButton(): Locator {
    return this.page.locator('button.live-new-updates')
  }

  /** Scrolls the window to `y` and waits until it is there. */
  async scrollTo(y: number): Promise<void> {
    await this.page.evaluate(`window.scrollTo(0, ${y})`)
    await this.page.waitForFunction(`Math.abs(window.scrollY - ${y}) < 2`)
  }

  /** The top of `locator` relative to the viewport, in CSS pixels. */
  async topOf(locator: Locator): Promise<number> {
    const box = await locator.boundingBox()
    if (!box) throw new Error('the element is not shown')
    return box.y
  }
}
