import type { Locator } from 'playwright-core'
import { SiteScreen } from './site.screen.js'

interface Box {
  left: number
  right: number
  top: number
  width: number
  height: number
}

/** The slice of a link element the check below reads (this project's types have no DOM). */
interface LinkElement {
  getBoundingClientRect(): Box
  closest(selector: string): { getBoundingClientRect(): Box } | null
  contains(other: unknown): boolean
  ownerDocument: { activeElement: unknown; elementFromPoint(x: number, y: number): unknown }
}

/** Run in the page: the link has the focus and is seen whole, on top, inside its strip. */
function isFocusedAndShown(link: LinkElement): boolean {
  const document = link.ownerDocument
  if (document.activeElement !== link) return false
  const box = link.getBoundingClientRect()
  const strip = link.closest('ul')?.getBoundingClientRect()
  if (!strip || box.width === 0) return false
  const isInsideStrip = box.left >= strip.left - 1 && box.right <= strip.right + 1
  const onTop = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
  return isInsideStrip && (onTop === link || link.contains(onTop))
}

/** The front page of an edition. */
export class HomeScreen extends SiteScreen {
  async open(language: string): Promise<void> {
    await this.visit(`/${language}/`)
  }

  get leadHeadlineLink(): Locator {
    return this.page.locator('.card--lead .card__headline a')
  }

  get breakingBar(): Locator {
    return this.page.locator('.breaking-bar')
  }

  get breakingLinks(): Locator {
    return this.breakingBar.locator('.breaking-bar__items a')
  }

  /** Whether the bar's item `index` has the focus, in view and not clipped by the strip it is in. */
  isBreakingItemShown(index: number): Promise<boolean> {
    return this.breakingLinks.nth(index).evaluate(isFocusedAndShown)
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
