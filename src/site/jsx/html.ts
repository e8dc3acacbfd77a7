import { escapeHtml } from '../../platform/escape-html.js'

/** HTML that is already safe: rendered markup, or trusted HTML sanitised on the way in. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** Marks trusted HTML (article bodies, sanitised at write time) to be inserted as it is. */
export function raw(html: string): SafeHtml {
  return new SafeHtml(html)
}

export type Child = SafeHtml | string | number | boolean | null | undefined | Child[]
type Props = Record<string, unknown> & { children?: Child }
type Component<P> = (props: P) => SafeHtml

const VOID_ELEMENTS = new Set([
  'area',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
])

function renderChildren(children: Child[]): string {
  let html = ''
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === true) continue
    if (child instanceof SafeHtml) html += child.value
    else if (Array.isArray(child)) html += renderChildren(child)
    else html += escapeHtml(String(child))
  }
  return html
}

function renderAttributes(props: Record<string, unknown>): string {
  let html = ''
  for (const [name, value] of Object.entries(props)) {
    if (name === 'children' || value === null || value === undefined || value === false) continue
    // Development JSX transforms add __self and __source; they are not attributes.
    if (name.startsWith('__')) continue
    const attribute = name === 'className' ? 'class' : name
    html +=
      value === true
        ? ` ${attribute}`
        : ` ${attribute}="${escapeHtml(typeof value === 'string' ? value : JSON.stringify(value))}"`
  }
  return html
}

/**
 * The JSX factory: elements render straight to strings. Text and attribute values are escaped;
 * only SafeHtml passes through as it is.
 */
export function h<P extends Props>(
  type: string | Component<P>,
  props: P | null,
  ...children: Child[]
): SafeHtml {
  if (typeof type === 'function') return type({ ...props, children } as P)
  const attributes = renderAttributes(props ?? {})
  if (VOID_ELEMENTS.has(type)) return new SafeHtml(`<${type}${attributes}>`)
  return new SafeHtml(`<${type}${attributes}>${renderChildren(children)}</${type}>`)
}

/** `<>…</>`: children without a wrapping element. */
export function Fragment(props: { children?: Child }): SafeHtml {
  return new SafeHtml(renderChildren([props.children]))
}

/** A whole document: the doctype and the root element. */
export function renderDocument(root: SafeHtml): string {
  return `<!doctype html>\n${root.value}`
}

declare global {
  // TypeScript finds the element types of the classic JSX factory in this global namespace.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = SafeHtml
    interface IntrinsicElements {
      [element: string]: Record<string, unknown>
    }
    interface ElementChildrenAttribute {
      children: unknown
    }
  }
}
