import { childText, type XmlNode } from '../xml-records.js'

/** A `<wp:author>`: who wrote posts on the WordPress site. */
export interface WxrAuthor {
  login: string
  displayName: string
  email: string
}

/** A `<wp:category>`; its parent is named by nicename. */
export interface WxrCategory {
  termId: string
  nicename: string
  parent: string
  name: string
  description: string
}

/** A `<wp:tag>`. */
export interface WxrTag {
  termId: string
  slug: string
  name: string
}

/** A category or tag an item is filed under. */
export interface WxrItemTerm {
  domain: string
  nicename: string
  name: string
}

/** An `<item>`: a post, page, attachment, menu item… */
export interface WxrItem {
  postId: number
  postType: string
  status: string
  title: string
  link: string
  guid: string
  creator: string
  content: string
  excerpt: string
  postName: string
  postDateGmt: string
  postDate: string
  pubDate: string
  postParent: number
  menuOrder: number
  password: string
  isSticky: boolean
  attachmentUrl: string
  terms: WxrItemTerm[]
  meta: Map<string, string>
}

/** The WordPress export names of the records it is read in. */
export const WXR_RECORD_NAMES = new Set(['item', 'wp:author', 'wp:category', 'wp:tag'])

export function toAuthor(node: XmlNode): WxrAuthor {
  const login = childText(node, 'wp:author_login').trim()
  return {
    login,
    displayName: childText(node, 'wp:author_display_name').trim() || login,
    email: childText(node, 'wp:author_email').trim(),
  }
}

export function toCategory(node: XmlNode): WxrCategory {
  return {
    termId: childText(node, 'wp:term_id').trim(),
    nicename: childText(node, 'wp:category_nicename').trim(),
    parent: childText(node, 'wp:category_parent').trim(),
    name: childText(node, 'wp:cat_name').trim(),
    description: childText(node, 'wp:category_description').trim(),
  }
}

export function toTag(node: XmlNode): WxrTag {
  return {
    termId: childText(node, 'wp:term_id').trim(),
    slug: childText(node, 'wp:tag_slug').trim(),
    name: childText(node, 'wp:tag_name').trim(),
  }
}

const integer = (text: string) => Number.parseInt(text.trim(), 10) || 0

/** The categories and tags an item is filed under (its `<category>` elements). */
export function itemTerms(node: XmlNode): WxrItemTerm[] {
  return node.children
    .filter((child) => child.name === 'category')
    .map((child) => ({
      domain: child.attribs.domain ?? 'category',
      nicename: (child.attribs.nicename ?? '').trim(),
      name: child.text.trim(),
    }))
}

export function toItem(node: XmlNode): WxrItem {
  const text = (name: string) => childText(node, name)
  const meta = new Map<string, string>()
  for (const child of node.children)
    if (child.name === 'wp:postmeta')
      meta.set(childText(child, 'wp:meta_key').trim(), childText(child, 'wp:meta_value'))
  const terms = itemTerms(node)
  return {
    postId: integer(text('wp:post_id')),
    postType: text('wp:post_type').trim(),
    status: text('wp:status').trim(),
    title: text('title').trim(),
    link: text('link').trim(),
    guid: text('guid').trim(),
    creator: text('dc:creator').trim(),
    content: text('content:encoded'),
    excerpt: text('excerpt:encoded'),
    postName: text('wp:post_name').trim(),
    postDateGmt: text('wp:post_date_gmt').trim(),
    postDate: text('wp:post_date').trim(),
    pubDate: text('pubDate').trim(),
    postParent: integer(text('wp:post_parent')),
    menuOrder: integer(text('wp:menu_order')),
    password: text('wp:post_password'),
    isSticky: text('wp:is_sticky').trim() === '1',
    attachmentUrl: text('wp:attachment_url').trim(),
    terms,
    meta,
  }
}

/**
 * The item's time in UTC: the GMT field, else the local field read as UTC, else the RSS pubDate;
 * undefined for a never-saved draft ("0000-00-00 00:00:00").
 */
export function itemTime(item: WxrItem): string | undefined {
  for (const field of [item.postDateGmt, item.postDate]) {
    const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(field)
    if (match && match[1] !== '0000') {
      const time = Date.parse(
        `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`,
      )
      if (!Number.isNaN(time)) return new Date(time).toISOString()
    }
  }
  const fromRss = Date.parse(item.pubDate)
  return Number.isNaN(fromRss) ? undefined : new Date(fromRss).toISOString()
}

/** A WordPress slug as readers saw it: percent-encoded Arabic (or any UTF-8) decoded. */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug)
  } catch {
    return slug
  }
}
