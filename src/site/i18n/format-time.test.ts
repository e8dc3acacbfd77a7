import { describe, expect, it } from 'vitest'
import {
  clockTime,
  exactDateTime,
  hijriDate,
  localeWithDigits,
  relativeTime,
} from './format-time.js'

const now = new Date('2026-03-01T12:00:00Z')
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000)

describe('relative times', () => {
  it('reads naturally in both editions', () => {
    expect(relativeTime('en-GB', ago(3 * 3600), now)).toBe('3 hours ago')
    expect(relativeTime('en-GB', ago(86_400), now)).toBe('yesterday')
    expect(relativeTime('en-GB', ago(3 * 365 * 86_400), now)).toBe('3 years ago')
    expect(relativeTime('ar-u-nu-latn', ago(3 * 365 * 86_400), now)).toBe('قبل 3 سنوات')
    expect(relativeTime('ar-u-nu-latn', ago(5 * 60), now)).toBe('قبل 5 دقائق')
    expect(relativeTime('ar-u-nu-arab', ago(5 * 60), now)).toBe('قبل ٥ دقائق')
  })

  it('never speaks of the future for a time just ahead of the clock', () => {
    expect(relativeTime('en-GB', new Date(now.getTime() + 5000), now)).toBe('now')
  })
})

describe('dates', () => {
  it('formats exact and Hijri dates in the site time zone with the chosen digits', () => {
    expect(exactDateTime('en-GB', 'Asia/Dubai', new Date('2025-03-01T06:30:00Z'))).toBe(
      '1 March 2025 at 10:30',
    )
    expect(hijriDate('ar-u-nu-latn', 'Asia/Riyadh', new Date('2025-03-01T06:30:00Z'))).toBe(
      '1 رمضان 1446 هـ',
    )
    expect(localeWithDigits('ar-u-nu-latn', 'ar', 'arab')).toBe('ar-u-nu-arab')
    expect(localeWithDigits('en-GB', 'en', 'arab')).toBe('en-GB')
  })
})

describe('clock times', () => {
  it('give the time of day for today and the date too before it, in the site time zone', () => {
    const earlier = new Date('2026-02-27T06:05:00Z')
    expect(clockTime('en-GB', 'Asia/Dubai', ago(5 * 3600), now)).toBe('11:00')
    expect(clockTime('en-GB', 'Asia/Dubai', earlier, now)).toBe('27 Feb, 10:05')
    expect(clockTime('ar-u-nu-arab', 'Asia/Dubai', ago(5 * 3600), now)).toBe('١١:٠٠')
    // 21:00 UTC on 28 February is already 1 March in Dubai: today there.
    expect(clockTime('en-GB', 'Asia/Dubai', new Date('2026-02-28T21:00:00Z'), now)).toBe('01:00')
    expect(clockTime('en-GB', 'UTC', new Date('2026-02-28T21:00:00Z'), now)).toBe('28 Feb, 21:00')
  })
})
