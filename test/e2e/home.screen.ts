import type { Locator } from 'playwright-core'
import { SiteScreen } from './site.screen.js'

/** The front page of an edition. */
export class HomeScreen extends SiteScreen {
  async open(language: string): Promise<void> {
    await this.visit(`/${language}/`)
  }

  get leadHeadlineLink(): Locator {
    return this.page.locator('.card--lead .card__headline a')
  }

  /** The publication times of the "Latest news" list, newest first. */
  get latestTimes(): Locator {
    return this.page.locator('.latest time[data-relative]')
  }

  /** Follows the lead story's headline; answers the headline as the card showed it. */
  async openLeadStory(): Promise<string> {
    const headline = (await this.leadHeadlineLink.textContent())?.trim() ?? ''
    await this.follow(this.leadHeadlineLink)
    return headline
  }
}
