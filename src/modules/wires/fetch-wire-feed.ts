import { WireFeedError } from './wire-feed-error.js'

/**
 * How long a feed may take and how big it may be (a feed past either is a failed poll), and how
 * many of its items one poll takes (the newest; the feed's status says when there were more).
 */
export interface WireLimits {
  timeoutMs: number
  maxBytes: number
  maxItemsPerPoll: number
}

export const DEFAULT_WIRE_LIMITS: WireLimits = {
  timeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
  maxItemsPerPoll: 500,
}

export type FetchedFeed =
  | { kind: 'not-modified' }
  | { kind: 'fetched'; text: string; etag: string | null; lastModified: string | null }

/** Reads a body chunk by chunk, giving up as soon as it passes the limit. */
async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel()
    throw new WireFeedError(
      'too-large',
      `the feed is ${declared} bytes, over the ${maxBytes} allowed`,
    )
  }
  const chunks: Uint8Array[] = []
  let total = 0
  if (!response.body) return new Uint8Array()
  // Leaving the loop early cancels the stream, so the rest is never downloaded.
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength
    if (total > maxBytes) {
      throw new WireFeedError('too-large', `the feed is over the ${maxBytes} bytes allowed`)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * The feed's bytes as text: in the charset the response names, else the one the XML declaration
 * names, else UTF-8; bytes invalid in that charset are a malformed feed, not replaced silently.
 */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): string {
  const declared =
    /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ??
    /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(
      Buffer.from(bytes.subarray(0, 200)).toString('latin1'),
    )?.[1] ??
    'utf-8'
  let decoder
  try {
    decoder = new TextDecoder(declared, { fatal: true })
  } catch {
    throw new WireFeedError('malformed', `the feed is in an unknown character set (${declared})`)
  }
  try {
    return decoder.decode(bytes)
  } catch {
    throw new WireFeedError('malformed', `the feed is not valid ${declared}`)
  }
}

/**
 * One conditional GET: the validators of the last answer go out as If-None-Match and
 * If-Modified-Since, and a 304 means nothing changed. A feed that does not answer in time, answers
 * an error status or sends more than the limit fails with a WireFeedError saying which.
 */
export async function fetchWireFeed(input: {
  url: string
  etag: string | null
  lastModified: string | null
  limits: WireLimits
  fetch?: typeof fetch
}): Promise<FetchedFeed> {
  const headers: Record<string, string> = {
    accept:
      'application/rss+xml, application/atom+xml, application/json, application/xml;q=0.9, */*;q=0.5',
    'user-agent': 'Masthead wire ingest',
  }
  if (input.etag) headers['if-none-match'] = input.etag
  if (input.lastModified) headers['if-modified-since'] = input.lastModified
  const signal = AbortSignal.timeout(input.limits.timeoutMs)
  try {
    const response = await (input.fetch ?? fetch)(input.url, {
      headers,
      signal,
      redirect: 'follow',
    })
    if (response.status === 304) {
      await response.body?.cancel()
      return { kind: 'not-modified' }
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new WireFeedError('http-status', `the feed answered HTTP ${response.status}`)
    }
    const bytes = await readBounded(response, input.limits.maxBytes)
    return {
      kind: 'fetched',
      text: decodeFeed(bytes, response.headers.get('content-type')),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    }
  } catch (error) {
    if (error instanceof WireFeedError) throw error
    if (signal.aborted) {
      throw new WireFeedError(
        'timeout',
        `the feed did not answer within ${input.limits.timeoutMs / 1000} seconds`,
      )
    }
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
    throw new WireFeedError(
      'unreachable',
      `the feed could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`,
    )
  }
}
