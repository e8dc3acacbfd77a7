import type { LocalizedText } from '../../platform/localized-text.js'

/** Caption, credit and copyright a photographer or agency wrote into the file (IPTC, XMP). */
export interface EmbeddedCredits {
  caption: LocalizedText
  credit: string | undefined
  copyright: string | undefined
}

/** The IPTC datasets of record 2 that Masthead reads. */
const IIM = { byline: 80, credit: 110, copyright: 116, caption: 120 } as const
const MAX_TEXT = 2000
const ARABIC_LETTER = /[\u0600-\u06ff]/

function tidy(text: string | undefined): string | undefined {
  // Control characters other than line breaks never belong in a caption or a credit.
  // eslint-disable-next-line no-control-regex
  const clean = text?.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '').trim()
  return clean ? clean.slice(0, MAX_TEXT) : undefined
}

function decodeText(bytes: Buffer, isUtf8: boolean): string {
  if (isUtf8) return bytes.toString('utf8')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return bytes.toString('latin1')
  }
}

/** Reads IIM datasets (`0x1C record dataset length data`), stopping at the first malformed one. */
function readIimDatasets(block: Buffer): Map<number, string> {
  const raw = new Map<number, Buffer>()
  let isUtf8 = false
  let offset = 0
  while (offset + 5 <= block.length && block[offset] === 0x1c) {
    const record = block[offset + 1]
    const dataset = block[offset + 2]
    const length = block.readUInt16BE(offset + 3)
    // Extended lengths (high bit set) are for binary previews, never for text: stop there.
    if (length & 0x8000 || offset + 5 + length > block.length) break
    const data = block.subarray(offset + 5, offset + 5 + length)
    if (record === 1 && dataset === 90) isUtf8 = data.includes(Buffer.from('\x1b%G', 'latin1'))
    if (record === 2 && dataset !== undefined && !raw.has(dataset)) raw.set(dataset, data)
    offset += 5 + length
  }
  return new Map([...raw].map(([dataset, data]) => [dataset, decodeText(data, isUtf8)]))
}

/** Finds the IPTC block inside Photoshop image resources (`8BIM`, resource 0x0404). */
function iptcBlockOf(buffer: Buffer): Buffer | undefined {
  const prefix = 'Photoshop 3.0\0'
  let offset = buffer.toString('latin1', 0, prefix.length) === prefix ? prefix.length : 0
  if (buffer[offset] === 0x1c) return buffer.subarray(offset)
  while (offset + 12 <= buffer.length && buffer.toString('latin1', offset, offset + 4) === '8BIM') {
    const id = buffer.readUInt16BE(offset + 4)
    const nameLength = buffer[offset + 6] ?? 0
    const nameEnd = offset + 6 + ((nameLength + 2) & ~1)
    if (nameEnd + 4 > buffer.length) return undefined
    const size = buffer.readUInt32BE(nameEnd)
    const start = nameEnd + 4
    if (start + size > buffer.length) return undefined
    if (id === 0x0404) return buffer.subarray(start, start + size)
    offset = start + size + (size & 1)
  }
  return undefined
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (entity, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return ENTITIES[name.toLowerCase()] ?? entity
  })
}

/** The text of an XMP property, as an attribute or as an element (plain, rdf:Alt, rdf:Seq or rdf:Bag). */
function xmpValues(xmp: string, name: string): { language: string; text: string }[] {
  const escaped = name.replace(':', '\\:')
  const attribute = new RegExp(`\\s${escaped}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(xmp)
  if (attribute)
    return [{ language: 'x-default', text: decodeXml(attribute[2] ?? attribute[3] ?? '') }]
  const element = new RegExp(`<${escaped}(\\s[^>]*)?>([\\s\\S]*?)</${escaped}>`).exec(xmp)
  if (!element) return []
  const inner = element[2] ?? ''
  const items = [...inner.matchAll(/<rdf:li(\s[^>]*)?>([\s\S]*?)<\/rdf:li>/g)]
  if (items.length === 0) return [{ language: 'x-default', text: decodeXml(inner) }]
  return items.map((item) => ({
    language: /xml:lang\s*=\s*["']([^"']+)["']/.exec(item[1] ?? '')?.[1] ?? 'x-default',
    text: decodeXml(item[2] ?? ''),
  }))
}

function firstXmp(xmp: string, name: string): string | undefined {
  const values = xmpValues(xmp, name)
  return tidy((values.find((value) => value.language === 'x-default') ?? values[0])?.text)
}

/** A caption without a language goes to the edition whose script it is written in. */
function languageOf(text: string): string {
  return ARABIC_LETTER.test(text) ? 'ar' : 'en'
}

function captionsFromXmp(xmp: string): LocalizedText {
  const caption: LocalizedText = {}
  for (const { language, text } of xmpValues(xmp, 'dc:description')) {
    const clean = tidy(text)
    if (!clean) continue
    const code = language === 'x-default' ? languageOf(clean) : language.slice(0, 2).toLowerCase()
    caption[code] ??= clean
  }
  return caption
}

function joinCredit(byline: string | undefined, credit: string | undefined): string | undefined {
  if (byline && credit && byline !== credit) return `${byline}/${credit}`
  return credit ?? byline
}

/**
 * Reads caption, credit and copyright from the IPTC and XMP blocks that sharp hands over. XMP wins
 * where both say something (the IPTC and MWG guidance); anything malformed is simply not read.
 */
export function readEmbeddedCredits(
  iptc: Buffer | undefined,
  xmpBytes: Buffer | undefined,
): EmbeddedCredits {
  const block = iptc && iptcBlockOf(iptc)
  const datasets = block ? readIimDatasets(block) : new Map<number, string>()
  const xmp = xmpBytes ? xmpBytes.toString('utf8') : ''
  const caption = xmp ? captionsFromXmp(xmp) : {}
  const iptcCaption = tidy(datasets.get(IIM.caption))
  if (iptcCaption) caption[languageOf(iptcCaption)] ??= iptcCaption
  const credit = joinCredit(
    firstXmp(xmp, 'dc:creator') ?? tidy(datasets.get(IIM.byline)),
    firstXmp(xmp, 'photoshop:Credit') ?? tidy(datasets.get(IIM.credit)),
  )
  const copyright = firstXmp(xmp, 'dc:rights') ?? tidy(datasets.get(IIM.copyright))
  return { caption, credit, copyright }
}
