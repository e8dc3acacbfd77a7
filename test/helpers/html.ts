import { parse, type HTMLElement } from 'node-html-parser'

/** Parses a page for assertions on its elements. */
export function parseHtml(html: string): HTMLElement {
  return parse(html, { comment: false })
}

/** The JSON-LD graph of a page, parsed. */
export function jsonLdOf(
  page: HTMLElement,
): { '@graph'?: Record<string, unknown>[] } & Record<string, unknown> {
  const script = page.querySelector('script[type="application/ld+json"]')
  if (!script) throw new Error('the page has no JSON-LD')
  return JSON.parse(script.textContent) as { '@graph'?: Record<string, unknown>[] }
}
