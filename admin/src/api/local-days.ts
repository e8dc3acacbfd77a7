/** The instant a local day (YYYY-MM-DD) starts. */
export function startOfLocalDay(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString()
}

/** The instant the local day after this one starts: the exclusive end of a range of days. */
export function startOfNextLocalDay(day: string): string {
  const date = new Date(`${day}T00:00:00`)
  date.setDate(date.getDate() + 1)
  return date.toISOString()
}
