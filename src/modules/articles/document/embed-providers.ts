/** A post or video of a known provider, with the one URL that stands for it. */
export interface EmbedMatch {
  provider: string
  url: string
}

type Matcher = (url: URL, host: string) => string | undefined

const YOUTUBE_ID = /^[\w-]{11}$/
const DIGITS = /^\d+$/

function part(url: URL, index: number): string {
  return url.pathname.split('/').filter(Boolean)[index] ?? ''
}

const youtube: Matcher = (url, host) => {
  let id: string | undefined
  if (host === 'youtu.be') id = part(url, 0)
  else if (
    host === 'youtube.com' ||
    host === 'youtube-nocookie.com' ||
    host === 'music.youtube.com'
  ) {
    const first = part(url, 0)
    id = first === 'watch' ? (url.searchParams.get('v') ?? '') : undefined
    if (['embed', 'shorts', 'live', 'v'].includes(first)) id = part(url, 1)
  }
  return id && YOUTUBE_ID.test(id) ? `https://www.youtube.com/watch?v=${id}` : undefined
}

const vimeo: Matcher = (url, host) => {
  const segments = url.pathname.split('/').filter(Boolean)
  let id: string | undefined
  if (host === 'player.vimeo.com' && segments[0] === 'video') id = segments[1]
  else if (host === 'vimeo.com') id = segments.find((segment) => DIGITS.test(segment))
  return id && DIGITS.test(id) ? `https://vimeo.com/${id}` : undefined
}

const x: Matcher = (url, host) => {
  if (host === 'platform.twitter.com') {
    const id = url.searchParams.get('id') ?? ''
    return DIGITS.test(id) ? `https://x.com/i/status/${id}` : undefined
  }
  if (host !== 'twitter.com' && host !== 'x.com') return undefined
  const [user, status, id] = url.pathname.split('/').filter(Boolean)
  const isStatus = (status === 'status' || status === 'statuses') && DIGITS.test(id ?? '')
  return user && isStatus && /^\w{1,50}$/.test(user)
    ? `https://x.com/${user}/status/${id}`
    : undefined
}

const instagram: Matcher = (url, host) => {
  if (host !== 'instagram.com' && host !== 'instagr.am') return undefined
  const segments = url.pathname.split('/').filter(Boolean)
  const index = segments.findIndex((segment) => ['p', 'reel', 'tv'].includes(segment))
  const code = segments[index + 1]
  if (index < 0 || !code || !/^[\w-]+$/.test(code)) return undefined
  return `https://www.instagram.com/${segments[index]}/${code}/`
}

const FACEBOOK_PATH =
  /^\/(?:[\w.-]+\/(?:posts|videos|photos)\/[\w.-]+|watch|permalink\.php|photo\.php|story\.php|reel\/\d+|share\/[\w/]+)\/?$/
const FACEBOOK_KEYS = ['v', 'story_fbid', 'fbid', 'id']

const facebook: Matcher = (url, host) => {
  if (host === 'fb.watch') {
    const id = part(url, 0)
    return /^[\w-]+$/.test(id) ? `https://fb.watch/${id}/` : undefined
  }
  if (host !== 'facebook.com') return undefined
  if (url.pathname.startsWith('/plugins/')) {
    const inner = matchEmbed(url.searchParams.get('href') ?? '')
    return inner?.provider === 'facebook' ? inner.url : undefined
  }
  if (!FACEBOOK_PATH.test(url.pathname)) return undefined
  const query = new URLSearchParams()
  for (const key of FACEBOOK_KEYS) {
    const value = url.searchParams.get(key)
    if (value && DIGITS.test(value)) query.set(key, value)
  }
  const search = query.size ? `?${query.toString()}` : ''
  return `https://www.facebook.com${url.pathname.replace(/\/$/, '')}${search}`
}

const soundcloud: Matcher = (url, host) => {
  if (host === 'w.soundcloud.com') {
    const inner = matchEmbed(url.searchParams.get('url') ?? '')
    return inner?.provider === 'soundcloud' ? inner.url : undefined
  }
  const segments = url.pathname.split('/').filter(Boolean)
  if (host === 'api.soundcloud.com') {
    const [kind, id] = segments
    const isKnown = (kind === 'tracks' || kind === 'playlists') && DIGITS.test(id ?? '')
    return isKnown ? `https://api.soundcloud.com/${kind}/${id}` : undefined
  }
  if (host !== 'soundcloud.com' || segments.length < 2 || segments.length > 3) return undefined
  if (!segments.every((segment) => /^[\w-]+$/.test(segment))) return undefined
  return `https://soundcloud.com/${segments.join('/')}`
}

const tiktok: Matcher = (url, host) => {
  if (host !== 'tiktok.com') return undefined
  const segments = url.pathname.split('/').filter(Boolean)
  const [first, second, third] = segments
  if (first?.startsWith('@') && second === 'video' && DIGITS.test(third ?? '')) {
    return /^@[\w.-]+$/.test(first) ? `https://www.tiktok.com/${first}/video/${third}` : undefined
  }
  const id = first === 'embed' ? (second === 'v2' ? third : second) : undefined
  return id && DIGITS.test(id) ? `https://www.tiktok.com/embed/v2/${id}` : undefined
}

const PROVIDERS: [string, Matcher][] = [
  ['youtube', youtube],
  ['vimeo', vimeo],
  ['x', x],
  ['instagram', instagram],
  ['facebook', facebook],
  ['soundcloud', soundcloud],
  ['tiktok', tiktok],
]

/**
 * The provider and canonical URL of an embeddable post or video (YouTube, Vimeo, X/Twitter,
 * Instagram, Facebook, SoundCloud, TikTok), given a page, player or iframe URL; undefined for any
 * other URL. A canonical URL matches itself.
 */
export function matchEmbed(raw: string): EmbedMatch | undefined {
  let url: URL
  try {
    url = new URL(raw.trim().replace(/^\/\//, 'https://'))
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  const host = url.hostname.toLowerCase().replace(/^(?:www|m|mobile|web)\./, '')
  for (const [provider, matcher] of PROVIDERS) {
    const canonical = matcher(url, host)
    if (canonical) return { provider, url: canonical }
  }
  return undefined
}
