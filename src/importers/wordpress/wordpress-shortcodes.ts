import { escapeHtml } from '../../platform/escape-html.js'

/** A `[gallery]` found in content: the attachment ids it names, or none (the post's own). */
export interface GalleryShortcode {
  ids: number[]
}

export interface ShortcodeHandlers {
  /** The HTML that stands for the n-th gallery of the post (a placeholder, or ''). */
  gallery: (gallery: GalleryShortcode) => string
  /** The HTML that stands for an embedded URL. */
  embed: (url: string) => string
  /** Counts a shortcode that has no equivalent and was left out. */
  dropped: (name: string) => void
}

const SHORTCODE =
  /\[(\[?)(caption|wp_caption|gallery|embed|audio|video|playlist)\b([^\]]*?)(\/)?\](?:([\s\S]*?)\[\/\2\])?(\]?)/g
const ATTRIBUTE = /([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/g

/** The attributes of a shortcode, `key="value"`, `key='value'` or `key=value`. */
export function shortcodeAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of text.matchAll(ATTRIBUTE)) {
    const [, key = '', double, single, bare] = match
    attributes[key.toLowerCase()] = double ?? single ?? bare ?? ''
  }
  return attributes
}

/** `[caption]<img …> The caption[/caption]` as a figure with its figcaption. */
function caption(attributes: Record<string, string>, content: string): string {
  const media = /^\s*(?:<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>)/i.exec(content)
  const image = media?.[0] ?? ''
  const text = (media ? content.slice(image.length) : content).trim() || attributes.caption || ''
  return `<figure>${image}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`
}

/**
 * Replaces WordPress's media shortcodes: `[caption]` becomes a figure, `[gallery]` and `[embed]`
 * what the handlers give, audio, video and playlists (which Masthead does not host) are left out
 * and counted. `[[gallery]]` is WordPress's escape for the literal text.
 */
export function replaceShortcodes(content: string, handlers: ShortcodeHandlers): string {
  return content.replace(
    SHORTCODE,
    (whole, open: string, name: string, rawAttributes: string, _void, inner, close: string) => {
      if (open && close) return whole.slice(1, -1)
      const attributes = shortcodeAttributes(rawAttributes)
      const content = typeof inner === 'string' ? inner : ''
      switch (name) {
        case 'caption':
        case 'wp_caption':
          return caption(attributes, replaceShortcodes(content, handlers))
        case 'gallery': {
          const ids = (attributes.ids ?? attributes.include ?? '')
            .split(',')
            .map((id) => Number.parseInt(id.trim(), 10))
            .filter((id) => id > 0)
          return handlers.gallery({ ids })
        }
        case 'embed': {
          const url = (content || attributes.src || '').trim()
          return url ? handlers.embed(url) : ''
        }
        default:
          handlers.dropped(name)
          return ''
      }
    },
  )
}

/** A link to a URL, as the fallback for an embed Masthead cannot show. */
export function linkTo(url: string): string {
  const safe = escapeHtml(url)
  return `<p><a href="${safe}">${safe}</a></p>`
}
