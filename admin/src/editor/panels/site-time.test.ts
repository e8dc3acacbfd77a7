import { describe, expect, it } from 'vitest'
import { fromZonedInput, toZonedInput } from './site-time.js'

describe('times in the site’s zone', () => {
  it('shows an instant as the zone’s wall clock reads it', () => {
    const instant = new Date('2026-03-01T06:30:00Z')
    expect(toZonedInput(instant, 'Asia/Riyadh')).toBe('2026-03-01T09:30')
    expect(toZonedInput(instant, 'America/New_York')).toBe('2026-03-01T01:30')
    expect(toZonedInput(instant, 'UTC')).toBe('2026-03-01T06:30')
  })

  it('reads a wall-clock time in the zone back as the same instant', () => {
    expect(fromZonedInput('2026-03-01T09:30', 'Asia/Riyadh')?.toISOString()).toBe(
      '2026-03-01T06:30:00.000Z',
    )
    // Summer and winter time in London.
    expect(fromZonedInput('2026-07-01T12:00', 'Europe/London')?.toISOString()).toBe(
      '2026-07-01T11:00:00.000Z',
    )
    expect(fromZonedInput('2026-12-01T12:00', 'Europe/London')?.toISOString()).toBe(
      '2026-12-01T12:00:00.000Z',
    )
  })

  it('takes a time in the hour skipped by clocks going forward as the hour after', () => {
    // Clocks in London went from 01:00 to 02:00 on 29 March 2026.
    expect(fromZonedInput('2026-03-29T01:30', 'Europe/London')?.toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    )
  })

  it('refuses text that is not a date and time', () => {
    expect(fromZonedInput('', 'UTC')).toBeUndefined()
    expect(fromZonedInput('tomorrow 9am', 'UTC')).toBeUndefined()
  })
})
