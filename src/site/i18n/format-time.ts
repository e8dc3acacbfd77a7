/**
 * Dates and relative times for readers, with Intl in the site's time zone and the edition's locale.
 * The relative-time thresholds are the same as in assets/site.js, which refreshes them in the page.
 */
export function relativeTime(locale: string, instant: Date, now: Date): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const seconds = Math.max(0, (now.getTime() - instant.getTime()) / 1000)
  if (seconds < 45) return format.format(-Math.round(seconds), 'second')
  const minutes = Math.round(seconds / 60)
  if (minutes < 45) return format.format(-minutes, 'minute')
  const hours = Math.round(seconds / 3600)
  if (hours < 22) return format.format(-hours, 'hour')
  const days = Math.round(seconds / 86_400)
  if (days < 26) return format.format(-days, 'day')
  const months = Math.round(days / 30.44)
  if (months < 11) return format.format(-months, 'month')
  return format.format(-Math.max(1, Math.round(days / 365.25)), 'year')
}

/** The exact date and time, e.g. "1 March 2025, 09:30" or "1 مارس 2025 في 09:30". */
export function exactDateTime(locale: string, timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(instant)
}

/** The date alone, e.g. "Sunday, 29 November 2026". */
export function longDate(locale: string, timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(instant)
}

/** The Hijri (Umm al-Qura) date, shown beside the Gregorian one in the Arabic header. */
export function hijriDate(locale: string, timeZone: string, instant: Date): string {
  return new Intl.DateTimeFormat(
    `${locale.split('-u-')[0]}-u-ca-islamic-umalqura-nu-${locale.includes('nu-arab') ? 'arab' : 'latn'}`,
    {
      dateStyle: 'long',
      timeZone,
    },
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
