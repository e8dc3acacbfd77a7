/** Dates and times in the site's time zone, which is not always the one of the editor's computer. */

const formatters = new Map<string, Intl.DateTimeFormat>()

function partsIn(timeZone: string, instant: number): Record<string, number> {
  let format = formatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, format)
  }
  const parts: Record<string, number> = {}
  for (const part of format.formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  return parts
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(timeZone: string, instant: number): number {
  const p = partsIn(timeZone, instant)
  const wall = Date.UTC(
    p['year'] ?? 0,
    (p['month'] ?? 1) - 1,
    p['day'],
    p['hour'],
    p['minute'],
    p['second'],
  )
  return wall - Math.floor(instant / 1000) * 1000
}

const pad = (value: number | undefined) => String(value ?? 0).padStart(2, '0')

/** An instant as `<input type="datetime-local">` shows it in the zone: `2026-03-01T09:30`. */
export function toZonedInput(instant: Date, timeZone: string): string {
  const p = partsIn(timeZone, instant.getTime())
  return `${p['year']}-${pad(p['month'])}-${pad(p['day'])}T${pad(p['hour'])}:${pad(p['minute'])}`
}

/**
 * The instant a wall-clock time in the zone names; undefined for text that is not one. In the
 * hour skipped when clocks go forward it answers the instant an hour later, as clocks there read.
 */
export function fromZonedInput(value: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!match) return undefined
  const [year = 0, month = 1, day, hour, minute] = match.slice(1).map(Number)
  const wall = Date.UTC(year, month - 1, day, hour, minute)
  if (Number.isNaN(wall)) return undefined
  const guess = wall - offsetAt(timeZone, wall)
  return new Date(wall - offsetAt(timeZone, guess))
}

/** The site's time zone, from the public settings (every role may read them). */
export async function loadSiteTimeZone(): Promise<string> {
  const response = await fetch('/api/v1/settings', { headers: { accept: 'application/json' } })
  if (!response.ok) return 'UTC'
  const settings = (await response.json()) as { timeZone?: string }
  return settings.timeZone ?? 'UTC'
}
