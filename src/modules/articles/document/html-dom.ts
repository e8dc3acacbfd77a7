import { ElementType, type DomUtils, type parseDocument } from 'htmlparser2'

/** A node of the parsed HTML tree. */
export type HtmlNode = ReturnType<typeof parseDocument>['children'][number]
/** An element of the parsed HTML tree. */
export type HtmlElement = Parameters<typeof DomUtils.getAttributeValue>[0]

type HtmlText = Extract<HtmlNode, { type: typeof ElementType.Text }>

/** Whether a node is an element (and not text, a comment or a doctype). */
export function isElement(node: HtmlNode): node is HtmlElement {
  return ElementType.isTag(node)
}

/** Whether a node is text. */
export function isText(node: HtmlNode): node is HtmlText {
  return node.type === ElementType.Text
}

/** Elements removed together with everything inside them. */
export const DROPPED_ELEMENTS = new Set([
  'applet', 'area', 'audio', 'base', 'button', 'canvas', 'datalist', 'dialog', 'embed', 'form',
  'frame', 'frameset', 'head', 'iframe', 'input', 'link', 'map', 'math', 'meta', 'noembed',
  'noframes', 'noscript', 'object', 'optgroup', 'option', 'output', 'param', 'script', 'select',
  'source', 'style', 'svg', 'template', 'textarea', 'title', 'track', 'video',
]) // prettier-ignore

/** The element children of a node, or nothing for a text. */
export function childElements(node: HtmlElement): HtmlElement[] {
  return node.children.filter((child) => isElement(child))
}

/** Whether an element's class list holds one of the names. */
export function hasClass(element: HtmlElement, ...names: string[]): boolean {
  const value = element.attribs.class
  if (!value) return false
  const classes = value.split(/\s+/)
  return names.some((name) => classes.includes(name))
}

/** The elements of a subtree, depth first, in document order (without recursion). */
export function descendants(root: HtmlElement): HtmlElement[] {
  const found: HtmlElement[] = []
  const stack = childElements(root).reverse()
  while (stack.length) {
    const element = stack.pop() as HtmlElement
    found.push(element)
    stack.push(...childElements(element).reverse())
  }
  return found
}

/**
 * The text of a subtree as a browser shows it on one line: whitespace collapsed, line breaks as
 * spaces, dropped elements (scripts, styles, forms…) and `skip`ped ones left out.
 */
export function elementText(
  root: HtmlElement,
  skip: (element: HtmlElement) => boolean = () => false,
): string {
  const parts: string[] = []
  const stack: HtmlNode[] = [...root.children].reverse()
  while (stack.length) {
    const node = stack.pop() as HtmlNode
    if (isText(node)) parts.push(node.data)
    if (!isElement(node) || DROPPED_ELEMENTS.has(node.name) || skip(node)) continue
    if (node.name === 'br') parts.push(' ')
    stack.push(...[...node.children].reverse())
  }
  return oneLine(parts.join(''))
}

/** Text on one line, whitespace collapsed and trimmed. */
export function oneLine(text: string): string {
  return cleanText(text)
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim()
}

// Control characters other than whitespace, and the two non-characters.
const CONTROL = /[^\P{Cc}\t\n\r\f]|[\uFFFE\uFFFF]/u
const CONTROLS = new RegExp(CONTROL, 'gu')
const SURROGATE = /[\uD800-\uDFFF]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text without control characters and broken surrogates, which XML feeds cannot carry. */
export function cleanText(text: string): string {
  // Most text has neither; the tests are much cheaper than the replacements.
  const clean = CONTROL.test(text) ? text.replace(CONTROLS, '') : text
  return SURROGATE.test(clean) ? clean.replace(LONE_SURROGATE, '\uFFFD') : clean
}
