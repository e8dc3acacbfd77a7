/** How a URL taken from untrusted HTML may be used. */
export interface SafeUrlOptions {
  /** Resolves relative URLs ("page.html", "../a"); without it they are refused. */
  baseUrl?: string | undefined
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i
const TAB_OR_NEWLINE = /[\t\n\r]/g
// Browsers strip C0 controls and spaces around a URL and drop tabs and newlines inside it, so
// "\u0001jav\tascript:" is still javascript:. Normalise the same way before looking at the scheme.
const EDGE_CONTROLS = /^[\p{Cc} ]+|[\p{Cc} ]+$/gu

function normalise(raw: string): string {
  return raw.replace(TAB_OR_NEWLINE, '').replace(EDGE_CONTROLS, '')
}

function absolute(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

function resolve(url: string, options: SafeUrlOptions, isLink: boolean): string | undefined {
  // "//host/x" and "/\host/x" leave the site: make them absolute https URLs.
  if (/^[/\\]{2}/.test(url)) return absolute(`https://${url.replace(/^[/\\]+/, '')}`)
  if (url.startsWith('/')) return url
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase()
  if (scheme === 'http' || scheme === 'https') return absolute(url)
  if (isLink && scheme === 'mailto') return `mailto:${url.slice('mailto:'.length)}`
  if (scheme !== undefined || !options.baseUrl || url === '') return undefined
  try {
    return absolute(new URL(url, options.baseUrl).href)
  } catch {
    return undefined
  }
}

/**
 * The href a link may keep: http(s) (normalised), mailto and site-relative ("/…") URLs. Anything
 * else (javascript:, data:, vbscript:, unknown schemes, also when hidden by entities, tabs or
 * control characters) gives undefined, and so do fragments ("#…"): the document keeps no ids.
 */
export function safeLinkHref(raw: string, options: SafeUrlOptions = {}): string | undefined {
  return resolve(normalise(raw), options, true)
}

/** The source an image may be looked up by: http(s) or site-relative; never data: or others. */
export function safeImageSrc(raw: string, options: SafeUrlOptions = {}): string | undefined {
  return resolve(normalise(raw), options, false)
}
