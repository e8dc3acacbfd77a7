/** Characters XML 1.0 does not allow at all; matching control characters is the point here. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

/**
 * Escapes text for XML content and attributes. Characters XML 1.0 forbids (most C0 controls) are
 * dropped, so no stored text can make a feed ill-formed.
 */
export function escapeXml(text: string): string {
  return text
    .replace(FORBIDDEN_IN_XML, '')
    .replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character)
}

/** `<name attr="…">text</name>`, escaped; omitted when the text is empty. */
export function element(
  name: string,
  text: string | undefined,
  attributes: Record<string, string | number> = {},
): string {
  if (text === undefined || text === '') return ''
  return `<${name}${xmlAttributes(attributes)}>${escapeXml(text)}</${name}>`
}

export function xmlAttributes(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('')
}
