import { Parser } from 'htmlparser2'
import { WireFeedError } from './wire-feed-error.js'
import { escapeHtml } from '../../platform/escape-html.js'
import { createTimeSlices } from './time-slices.js'

/** Characters handed to the parser at a time, so a big feed is parsed between requests. */
const CHUNK_LENGTH = 64 * 1024

/** An element with its text (CDATA included) and child elements. */
export interface XmlElement {
  name: string
  attribs: Record<string, string>
  text: string
  children: XmlElement[]
  /** Text and elements in document order (for XHTML content). */
  content: (XmlElement | string)[]
}

function malformed(message: string): never {
  throw new WireFeedError('malformed', message)
}

/**
 * Parses a feed document held in memory (its size is bounded by the fetch). As strict as the
 * importers' reader: well formed (every element closed by its own end tag), one root, and no
 * document type declaration, so no entity is ever declared or expanded. Only the predefined and
 * numeric character references are decoded. A big document is parsed a chunk at a time, letting
 * the event loop run between slices.
 */
export async function parseXml(text: string): Promise<XmlElement> {
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  let problem: string | undefined
  let isJustOpened = false
  const parser = new Parser(
    {
      onprocessinginstruction(name) {
        if (name.toLowerCase() === '!doctype')
          problem ??= 'a document type declaration (DTD) is not accepted: it could declare entities'
      },
      onopentag(name, attribs) {
        isJustOpened = true
        const element: XmlElement = { name, attribs, text: '', children: [], content: [] }
        const parent = stack.at(-1)
        if (parent) {
          parent.children.push(element)
          parent.content.push(element)
        } else if (root) problem ??= 'the document has more than one root element'
        else root = element
        stack.push(element)
      },
      ontext(text) {
        isJustOpened = false
        const current = stack.at(-1)
        if (current) {
          current.text += text
          current.content.push(text)
        } else if (text.trim()) problem ??= 'the document has text outside its root element'
      },
      onclosetag(name, isImplied) {
        const isSelfClosing = isImplied && isJustOpened
        isJustOpened = false
        const expected = stack.at(-1)?.name
        if ((isImplied && !isSelfClosing) || expected !== name) {
          problem ??= expected
            ? `the element <${expected}> is not closed (found </${name}>)`
            : `an end tag </${name}> has no start tag`
          return
        }
        stack.pop()
      },
    },
    { xmlMode: true },
  )
  const pause = createTimeSlices()
  for (let start = 0; start < text.length; start += CHUNK_LENGTH) {
    parser.write(text.slice(start, start + CHUNK_LENGTH))
    await pause()
  }
  const unclosed = stack.at(-1)
  if (unclosed && !problem) problem = `the document ends inside <${unclosed.name}>: it is truncated`
  parser.end()
  if (problem) malformed(problem)
  if (!root) malformed('the document has no root element')
  return root
}

/** The local part of a (possibly prefixed) element name: `atom:link` → `link`. */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1)
}

/** The first child with this name (prefix ignored when the name has none). */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return (
    element.children.find((candidate) => candidate.name === name) ??
    element.children.find((candidate) => localName(candidate.name) === name)
  )
}

/** The markup inside an element (XHTML content), re-escaped; the sanitiser reads it afterwards. */
export function innerMarkup(element: XmlElement): string {
  return element.content
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part)
      const name = localName(part.name)
      const attributes = Object.entries(part.attribs)
        .map(([key, value]) => ` ${localName(key)}="${escapeHtml(value)}"`)
        .join('')
      return `<${name}${attributes}>${innerMarkup(part)}</${name}>`
    })
    .join('')
}

/** The trimmed text of the first child with this name, or ''. */
export function childText(element: XmlElement, name: string): string {
  return child(element, name)?.text.trim() ?? ''
}
