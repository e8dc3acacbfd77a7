/**
 * Dates and relative times for readers, with Intl in the site's time zone and the edition's locale.
 * The relative-time thresholds are the same as in assets/site.js, which refreshes them in the page.
 */

// Building an Intl formatter costs far more than using one (it was a tenth of an article page's
// render), so each is built once per locale and time zone. A site has a handful of those.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>()

function formatterFor<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  create: () => T,
): T {
  let formatter = formatters.get(key)
  if (!formatter) formatters.set(key, (formatter = create()))
  return formatter as T
}

/** How long ago as a number and a unit, e.g. -3 and 'year'; the thresholds of assets/site.js. */
export function relativeParts(
  instant: Date,
  now: Date,
): { value: number; unit: Intl.RelativeTimeFormatUnit } {
  const seconds = Math.max(0, (now.getTime() - instant.getTime()) / 1000)
  if (seconds < 45) return { value: -Math.round(seconds), unit: 'second' }
  const minutes = Math.round(seconds / 60)
  if (minutes < 45) return { value: -minutes, unit: 'minute' }
  const hours = Math.round(seconds / 3600)
  if (hours < 22) return { value: -hours, unit: 'hour' }
  const days = Math.round(seconds / 86_400)
  if (days < 26) return { value: -days, unit: 'day' }
  const months = Math.round(days / 30.44)
  if (months < 11) return { value: -months, unit: 'month' }
  return { value: -Math.max(1, Math.round(days / 365.25)), unit: 'year' }
}

/** How long ago, e.g. "3 years ago"; refreshed in the page by assets/site.js. */
export function relativeTime(locale: string, instant: Date, now: Date): string {
  const format = formatterFor(
    `relative ${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  )
  const { value, unit } = relativeParts(instant, now)
  return format.format(value, unit)
}

/** The exact date and time, e.g. "1 March 2025, 09:30" or "1 مارس 2025 في 09:30". */
export function exactDateTime(locale: string, timeZone: string, instant: Date): string {
  return formatterFor(
    `exact ${locale} ${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }),
  ).format(instant)
}

/** The date alone, e.g. "Sunday, 29 November 2026". */
export function longDate(locale: string, timeZone: string, instant: Date): string {
  return formatterFor(
    `long ${locale} ${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }),
  ).format(instant)
}

/** The Hijri (Umm al-Qura) date, shown beside the Gregorian one in the Arabic header. */
export function hijriDate(locale: string, timeZone: string, instant: Date): string {
  const hijriLocale = `${locale.split('-u-')[0]}-u-ca-islamic-umalqura-nu-${locale.includes('nu-arab') ? 'arab' : 'latn'}`
  return formatterFor(
    `hijri ${hijriLocale} ${timeZone}`,
    () => new Intl.DateTimeFormat(hijriLocale, { dateStyle: 'long', timeZone }),
  ).format(instant)
}

/** The edition's locale with the digits style from settings (Western or Arabic-Indic). */
export function localeWithDigits(
  locale: string,
  language: string,
  digitsStyle: 'latn' | 'arab',
): string {
  if (language !== 'ar') return locale
  return `${locale.split('-u-')[0]}-u-nu-${digitsStyle}`
}

/** The year alone, for the copyright line. */
export function yearOf(locale: string, timeZone: string, instant: Date): string {
  return formatterFor(
    `year ${locale} ${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone }),
  ).format(instant)
}

/**
 * The time of day an update was posted, e.g. "14:05", with the date before it when that is not
 * today, e.g. "6 Dec, 14:05": what a live story's entries show beside their relative time.
 */
export function clockTime(locale: string, timeZone: string, instant: Date, now: Date): string {
  const dayOf = (date: Date) =>
    formatterFor(
      `day ${timeZone}`,
      () => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone }),
    ).format(date)
  const isToday = dayOf(instant) === dayOf(now)
  return formatterFor(
    `clock ${isToday ? 'today' : 'earlier'} ${locale} ${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        ...(isToday ? {} : { day: 'numeric', month: 'short' }),
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
  ).format(instant)
}
