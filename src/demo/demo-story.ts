/** The shape of one demo story; the demo loader turns these into articles. */

/** A block of an article body, written compactly for hand-authored content. */
export type DemoBlock =
  | string
  | { heading: string }
  | { quote: string; cite?: string }
  | { pullQuote: string }
  | { list: string[] }
  | { related: string }
  | { gallery: string }

/** One language version of a story. */
export interface DemoText {
  headline: string
  dek: string
  body: DemoBlock[]
  /** Public "Updated" notes or corrections shown under the article. */
  notices?: { kind: 'correction' | 'update'; text: string }[]
}

/** A story in one or both editions; both present means the two are translations of each other. */
export interface DemoStory {
  /** Stable, unique kebab-case key. */
  key: string
  /** A key of DEMO_SECTIONS (usually a sub-section). */
  section: string
  /** Keys of DEMO_TAGS. */
  tags: string[]
  /** Keys of DEMO_AUTHORS. */
  authors: string[]
  /** A key of DEMO_SOURCES, for wire-based stories. */
  source?: string
  /** How long before the demo is loaded the story was published. */
  daysAgo: number
  hour: number
  type?: 'report' | 'analysis' | 'opinion' | 'background'
  isBreaking?: boolean
  isFeatured?: boolean
  pinnedPosition?: number
  /** A key of DEMO_GALLERIES shown as the story's hero gallery. */
  heroGallery?: string
  /** Keys of other stories the editors linked by hand. */
  related?: string[]
  en?: DemoText
  ar?: DemoText
}
