import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Parser } from 'htmlparser2'
import { ImportInputError } from './import-input-error.js'

/** An element of a record, with its text (CDATA included) and child elements. */
export interface XmlNode {
  name: string
  attribs: Record<string, string>
  text: string
  children: XmlNode[]
}

export interface XmlRecordReaderOptions {
  path: string
  /** Element names that make a record: each is handed over whole once it closes. */
  recordNames: ReadonlySet<string>
  /** Called for each complete record, in file order; the next chunk waits until it resolves. */
  onRecord: (record: XmlNode, ancestors: readonly string[]) => Promise<void> | void
  /** Text of elements outside records (`channel > title`, `wp:wxr_version`…), by path. */
  onOuterText?: (path: readonly string[], text: string) => void
  onProgress?: (bytesRead: number, totalBytes: number) => void
  /** The name the root element must have. */
  rootName: string
}

const CHUNK_BYTES = 256 * 1024

function fail(message: string, bytesRead: number): never {
  throw new ImportInputError(`${message} (near byte ${bytesRead})`)
}

/**
 * Reads an XML file as a stream of records in constant memory: the file is decoded as strict UTF-8
 * and parsed chunk by chunk, and only the record being read is held. The XML must be well formed
 * (every element closed by its own end tag, the file not cut short) and must not carry a document
 * type declaration: entities are never declared, so none can expand (no "billion laughs").
 * Predefined and numeric character references are the only ones decoded.
 */
export async function readXmlRecords(options: XmlRecordReaderOptions): Promise<void> {
  const totalBytes = (await stat(options.path)).size
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const open: string[] = []
  const ready: { record: XmlNode; ancestors: string[] }[] = []
  let recordStack: XmlNode[] = []
  let outerText = ''
  let bytesRead = 0
  let problem: string | undefined
  let hasRoot = false
  // A self-closing tag (`<a/>`) is closed "implied" right after it opens; any other implied close
  // means an end tag did not match.
  let isJustOpened = false

  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        if (name.toLowerCase() === '!doctype')
          problem ??= 'a document type declaration (DTD) is not accepted: it could declare entities'
        else if (name === '?xml' && /encoding\s*=\s*["'](?!utf-8["'])/i.test(data))
          problem ??= 'only UTF-8 is accepted: the XML declaration names another encoding'
      },
      onopentag(name, attribs) {
        if (open.length === 0) {
          if (hasRoot) problem ??= 'the file has more than one root element'
          else if (name !== options.rootName)
            problem ??= `the root element is <${name}>, not <${options.rootName}>`
          hasRoot = true
        }
        open.push(name)
        isJustOpened = true
        outerText = ''
        const node: XmlNode = { name, attribs, text: '', children: [] }
        if (recordStack.length) {
          recordStack.at(-1)?.children.push(node)
          recordStack.push(node)
        } else if (options.recordNames.has(name)) recordStack = [node]
      },
      ontext(text) {
        isJustOpened = false
        const current = recordStack.at(-1)
        if (current) current.text += text
        else outerText += text
      },
      onclosetag(name, isImplied) {
        const expected = open.at(-1)
        const isSelfClosing = isImplied && isJustOpened
        isJustOpened = false
        if ((isImplied && !isSelfClosing) || expected !== name) {
          problem ??= expected
            ? `the element <${expected}> is not closed (found </${name}>)`
            : `an end tag </${name}> has no start tag`
          return
        }
        open.pop()
        if (recordStack.length) {
          const node = recordStack.pop() as XmlNode
          if (recordStack.length === 0) ready.push({ record: node, ancestors: [...open] })
          return
        }
        if (outerText) options.onOuterText?.([...open, name], outerText.trim())
        outerText = ''
      },
    },
    { xmlMode: true },
  )

  const stream = createReadStream(options.path, { highWaterMark: CHUNK_BYTES })
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let text: string
      try {
        text = decoder.decode(chunk, { stream: true })
      } catch {
        fail('the file is not valid UTF-8', bytesRead)
      }
      bytesRead += chunk.length
      parser.write(text)
      if (problem) fail(problem, bytesRead)
      for (const { record, ancestors } of ready.splice(0)) await options.onRecord(record, ancestors)
      options.onProgress?.(bytesRead, totalBytes)
    }
    try {
      decoder.decode()
    } catch {
      fail('the file is not valid UTF-8 (it ends inside a character)', bytesRead)
    }
    const unclosed = open.at(-1)
    if (unclosed) fail(`the file ends inside <${unclosed}>: it is truncated`, bytesRead)
    parser.end()
    if (problem) fail(problem, bytesRead)
    if (!hasRoot) fail(`the file has no <${options.rootName}> element`, bytesRead)
  } finally {
    stream.destroy()
  }
}

/** The text of the first child with this name, or ''. */
export function childText(node: XmlNode, name: string): string {
  return node.children.find((child) => child.name === name)?.text ?? ''
}
