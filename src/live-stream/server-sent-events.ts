/**
 * The text/event-stream wire format (HTML Living Standard, "Server-sent events"): fields of one
 * event on lines of their own, a blank line after it. Data is JSON, which never holds a raw line
 * break, so one `data:` line carries it.
 */
export function formatEvent(event: { id?: number; type: string; data: unknown }): string {
  const id = event.id === undefined ? '' : `id: ${event.id}\n`
  return `${id}event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`
}

/** How long the browser waits before it connects again after a dropped stream. */
export function formatRetry(milliseconds: number): string {
  return `retry: ${Math.round(milliseconds)}\n\n`
}

/** A comment line: keeps proxies and the browser from timing out an idle stream. */
export const HEARTBEAT = ':\n\n'

/** Reads `Last-Event-ID` (an outbox event id); undefined when absent or not a positive integer. */
export function parseEventId(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (!text || !/^\d{1,15}$/.test(text.trim())) return undefined
  const id = Number(text.trim())
  return id > 0 ? id : undefined
}
