import { lookup } from 'node:dns/promises'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { isPrivateAddress } from './private-address.js'

export interface DownloadOptions {
  /** Refuse a file larger than this (the media pipeline's own limit). */
  maxBytes: number
  /** Let loopback, private and link-local addresses through (tests, an old site on the LAN). */
  allowPrivateHosts?: boolean
  /** Tries of a file that meets a network error or a 5xx answer. Default 3. */
  attempts?: number
  /** The wait before the second try, doubled before each next one. Default 500 ms. */
  retryDelayMs?: number
  /** No byte for this long ends the try. Default 30 s. */
  timeoutMs?: number
}

/** Why a remote file was not brought in, as the import report says it. */
export class DownloadError extends Error {
  constructor(
    message: string,
    /** A network error or a server's 5xx: trying again later may work. */
    readonly isTransient = false,
  ) {
    super(message)
  }
}

const MAX_REDIRECTS = 5
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** Checks a URL before any connection: http or https only, and a host that resolves to an allowed address. */
async function allowedTarget(
  url: URL,
  options: DownloadOptions,
): Promise<{ address: string; family: number }> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DownloadError(`only http and https URLs are fetched, not ${url.protocol}`)
  if (url.username || url.password) throw new DownloadError('URLs with credentials are not fetched')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const resolved = await lookup(host).catch((error: unknown) => {
    const code = (error as { code?: string }).code ?? 'lookup failed'
    throw new DownloadError(`${host} does not resolve (${code})`, code === 'EAI_AGAIN')
  })
  if (!options.allowPrivateHosts && isPrivateAddress(resolved.address))
    throw new DownloadError(
      `${host} is a private, loopback or link-local address (${resolved.address}); --allow-private-hosts lets it through`,
    )
  return resolved
}

/** Opens one request to the address checked, never to what a second lookup might answer. */
function open(
  url: URL,
  target: { address: string; family: number },
  timeoutMs: number,
): Promise<IncomingMessage> {
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [target])
    else callback(null, target.address, target.family)
  }
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      lookup: pinned,
      headers: { 'user-agent': 'Masthead importer', accept: 'image/*,*/*;q=0.5' },
    })
    request.setTimeout(timeoutMs, () => request.destroy(new Error('timed out')))
    request.on('response', resolve)
    request.on('error', (error) => reject(new DownloadError(error.message, true)))
    request.end()
  })
}

/** Reads a body whole, stopping as soon as it passes `maxBytes`. */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length'])
  const tooLarge = () => new DownloadError(`larger than the ${maxBytes}-byte limit`)
  if (declared > maxBytes) {
    response.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      size += chunk.length
      if (size > maxBytes) {
        response.destroy()
        throw tooLarge()
      }
      chunks.push(chunk)
    }
  } catch (error) {
    if (error instanceof DownloadError) throw error
    throw new DownloadError(error instanceof Error ? error.message : String(error), true)
  }
  return Buffer.concat(chunks)
}

/** One try: follows redirects (each target checked like the first), answers the body. */
async function downloadOnce(start: URL, options: DownloadOptions): Promise<Buffer> {
  let url = start
  for (let hop = 0; ; hop += 1) {
    const target = await allowedTarget(url, options)
    const response = await open(url, target, options.timeoutMs ?? 30_000)
    const status = response.statusCode ?? 0
    if (REDIRECTS.has(status) && response.headers.location) {
      response.resume()
      if (hop >= MAX_REDIRECTS) throw new DownloadError(`more than ${MAX_REDIRECTS} redirects`)
      url = new URL(response.headers.location, url)
      continue
    }
    if (status < 200 || status > 299) {
      response.resume()
      throw new DownloadError(`the server answered ${status}`, status >= 500)
    }
    return readBody(response, options.maxBytes)
  }
}

/**
 * Downloads a file over HTTP(S) for an import, guarded as a server fetching URLs from a file
 * must be: http and https only; the host resolved once, refused when private, loopback or
 * link-local, and the connection made to that very address (a DNS rebinding cannot switch it);
 * at most five redirects, each checked the same way; the body cut off past `maxBytes`. Network
 * errors and 5xx answers are tried again after a growing wait. Failures are `DownloadError`s
 * whose message says why.
 */
export async function downloadRemoteFile(url: string, options: DownloadOptions): Promise<Buffer> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new DownloadError('not a valid URL')
  }
  const attempts = options.attempts ?? 3
  let delay = options.retryDelayMs ?? 500
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await downloadOnce(parsed, options)
    } catch (error) {
      const failure =
        error instanceof DownloadError ? error : new DownloadError(String(error), false)
      if (!failure.isTransient || attempt >= attempts) throw failure
      await new Promise((resolve) => setTimeout(resolve, delay))
      delay *= 2
    }
  }
}
