import type { Kysely } from 'kysely'
import type { Config } from '../../config/config.js'
import type { Database } from '../../db/database.js'
import { listBreakingArticles } from '../../modules/articles/article-queries.js'
import { safeLinkHref } from '../../modules/articles/document/safe-url.js'
import { listEditions, type Edition } from '../../modules/editions/edition-queries.js'
import { findMediaByIds } from '../../modules/media/media-queries.js'
import { listFooterPages } from '../../modules/pages/page-queries.js'
import { listSections, type Section } from '../../modules/sections/section-queries.js'
import { getSiteSettings } from '../../modules/settings/settings-queries.js'
import type { SiteSettings } from '../../modules/settings/site-settings.js'
import { pickLocalized } from '../../platform/localized-text.js'
import type { TaggedMemo } from '../../page-cache/tagged-memo.js'
import type { AssetManifest } from '../assets/asset-manifest.js'
import { hijriDate, localeWithDigits, longDate } from '../i18n/format-time.js'
import { translatorFor } from '../i18n/messages.js'
import { siteUrls } from '../site-urls.js'
import { themeStylesheetPath } from '../theme-stylesheet.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import type { Frame } from '../view-models.js'

/** How many breaking items the bar under the header shows at most. */
const BREAKING_BAR_ITEMS = 3
/**
 * How long frame data is kept without a purge: changes made outside a serving process (the
 * command line on SQLite) show within this, as with the front pages' own lifetime.
 */
const FRAME_KEEP_MS = 60_000

/** What a loader works with: the database, the frame and the section tree. */
export interface SiteContext {
  db: Kysely<Database>
  frame: Frame
  sections: Section[]
  settings: SiteSettings
  editions: Edition[]
  /** The cache tags of everything read for this response so far (see cache/cache-tags.ts). */
  uses: Set<string>
}

/**
 * The rows every page of every edition reads, from the memo: they change rarely, and each change
 * purges `site` (or the edition's breaking list), which drops them with the pages built from them.
 */
export function readEditions(
  db: Kysely<Database>,
  memo: TaggedMemo,
  now: Date,
): Promise<Edition[]> {
  return memo.get('editions', now.getTime(), async () => ({
    value: await listEditions(db),
    tags: [cacheTags.site],
    expiresAt: now.getTime() + FRAME_KEEP_MS,
  }))
}

function readSiteRows(db: Kysely<Database>, memo: TaggedMemo, now: Date) {
  return memo.get('site', now.getTime(), async () => {
    const [sections, settings] = await Promise.all([listSections(db), getSiteSettings(db)])
    const logoId = settings.logoMediaId
    const logo = logoId === null ? undefined : (await findMediaByIds(db, [logoId])).get(logoId)
    return {
      value: { sections, settings, logo },
      // A change of the logo's picture (or its removal) drops these rows too.
      tags: logo ? [cacheTags.site, cacheTags.media(logo.id)] : [cacheTags.site],
      expiresAt: now.getTime() + FRAME_KEEP_MS,
    }
  })
}

function readEditionRows(db: Kysely<Database>, memo: TaggedMemo, language: string, now: Date) {
  return memo.get(`frame:${language}`, now.getTime(), async () => {
    const [breaking, footerPages] = await Promise.all([
      listBreakingArticles(db, { language, limit: BREAKING_BAR_ITEMS }, now),
      listFooterPages(db, language),
    ])
    // The bar changes by itself when a story's breaking time runs out.
    const endings = breaking.flatMap((article) =>
      article.breakingUntil ? [Date.parse(article.breakingUntil)] : [],
    )
    return {
      value: { breaking, footerPages },
      tags: [
        cacheTags.site,
        cacheTags.breaking(language),
        ...breaking.map((article) => cacheTags.article(article.id)),
      ],
      expiresAt: Math.min(now.getTime() + FRAME_KEEP_MS, ...endings),
    }
  })
}

/** Loads what every page of an edition shows around its content. */
export async function loadSiteContext(input: {
  db: Kysely<Database>
  memo: TaggedMemo
  config: Config
  assets: AssetManifest
  edition: Edition
  now: Date
}): Promise<SiteContext> {
  const { db, memo, edition, now } = input
  const language = edition.code
  const [editions, { sections, settings, logo }, { breaking, footerPages }] = await Promise.all([
    readEditions(db, memo, now),
    readSiteRows(db, memo, now),
    readEditionRows(db, memo, language, now),
  ])
  const locale = localeWithDigits(edition.locale, language, settings.digitsStyle)
  const sectionLink = (section: Section) => ({
    label: section.translations[language]?.name ?? '',
    url: siteUrls.section(language, section.translations[language]?.slug ?? ''),
  })
  const bySection = new Map(sections.map((section) => [section.id, section]))
  const other = editions.find((candidate) => candidate.code !== language) ?? edition
  const today = longDate(locale, settings.timeZone, now)
  const frame: Frame = {
    language,
    direction: edition.direction,
    locale,
    timeZone: settings.timeZone,
    now,
    siteUrl: input.config.siteUrl,
    siteName: pickLocalized(settings.siteName, language),
    about: pickLocalized(settings.about, language),
    footerText: pickLocalized(settings.footerText, language),
    t: translatorFor(language),
    navigation: sections
      .filter((section) => section.parentId === null && section.translations[language])
      .map((section) => ({
        ...sectionLink(section),
        children: sections
          .filter((child) => child.parentId === section.id && child.translations[language])
          .map(sectionLink),
      })),
    breaking: breaking.map((article) => ({
      label: article.headline,
      url: siteUrls.article({
        language,
        sectionSlug: bySection.get(article.sectionId)?.translations[language]?.slug ?? '',
        id: article.id,
        slug: article.slug,
      }),
    })),
    footerPages: footerPages.map((page) => ({
      label: page.title,
      url: siteUrls.page(language, page.slug),
    })),
    // Settings stored before links were limited to web addresses may hold a script URL: drop it.
    socialLinks: settings.socialLinks.flatMap((link) => {
      const url = safeLinkHref(link.url)
      return url ? [{ ...link, url }] : []
    }),
    otherEdition: { language: other.code, url: siteUrls.home(other.code) },
    dateLine: language === 'ar' ? `${today} · ${hijriDate(locale, settings.timeZone, now)}` : today,
    logo: logo && {
      src: siteUrls.media(logo.storageKey),
      width: logo.width,
      height: logo.height,
    },
    assets: {
      css: input.assets.url('site.css'),
      js: input.assets.url('site.js'),
      icon: logo ? siteUrls.media(logo.storageKey) : input.assets.url('logo.png'),
      theme: themeStylesheetPath(settings.colors.accent),
    },
  }
  const uses = new Set([cacheTags.site, cacheTags.breaking(language)])
  if (logo) uses.add(cacheTags.media(logo.id))
  for (const article of breaking) uses.add(cacheTags.article(article.id))
  return { db, frame, sections, settings, editions, uses }
}
