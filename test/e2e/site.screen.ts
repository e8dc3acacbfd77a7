import type { Locator, Page } from 'playwright-core'

/** How a reader presses things: a tap on a touch screen, a click elsewhere. */
export interface ScreenOptions {
  isTouch?: boolean
}

/** What every page of the site has: a document language, the header's edition switch, times. */
export class SiteScreen {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly options: ScreenOptions = {},
  ) {}

  get headline(): Locator {
    return this.page.locator('h1')
  }

  get languageSwitch(): Locator {
    return this.page.locator('header .language-switch')
  }

  get relativeTimes(): Locator {
    return this.page.locator('time[data-relative]')
  }

  /** Opens a path of the site and waits until its deferred script has run. */
  async visit(path: string): Promise<void> {
    await this.page.goto(new URL(path, this.baseUrl).href)
  }

  /** The path of the page shown, decoded so Arabic slugs compare as text. */
  path(): string {
    return decodeURIComponent(new URL(this.page.url()).pathname)
  }

  language(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang')
  }

  direction(): Promise<string | null> {
    return this.page.locator('html').getAttribute('dir')
  }

  /** Taps on a touch screen, clicks with the mouse elsewhere. */
  async press(target: Locator): Promise<void> {
    if (this.options.isTouch) await target.tap()
    else await target.click()
  }

  /** Follows a link and waits for the page it leads to. */
  async follow(link: Locator): Promise<void> {
    const href = await link.getAttribute('href')
    if (!href) throw new Error('the link has no href')
    await this.press(link)
    await this.page.waitForURL(new URL(href, this.page.url()).href)
  }

  /** Follows the header's link to the other edition (or to this page's translation). */
  async switchLanguage(): Promise<void> {
    await this.follow(this.languageSwitch)
  }
}
