import { describe, expect, it } from 'vitest'
import { element, escapeXml } from './xml.js'

describe('XML escaping', () => {
  it('escapes markup characters and drops characters XML forbids', () => {
    expect(escapeXml(`a & b <c> "d" 'e'\u0000\u0008\u000B`)).toBe(
      'a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;',
    )
    expect(escapeXml('سطر\tجديد\n')).toBe('سطر\tجديد\n')
  })

  it('omits empty elements and escapes attributes', () => {
    expect(element('title', '')).toBe('')
    expect(element('category', 'A&B', { domain: 'x"y' })).toBe(
      '<category domain="x&quot;y">A&amp;B</category>',
    )
  })
})
