import { describe, expect, it } from 'vitest'
import { rightsOf, visibleAreas } from './rights.js'

describe('what each role sees in the settings', () => {
  it('shows contributors and authors only the read-only taxonomy', () => {
    for (const role of ['contributor', 'author'] as const) {
      expect(visibleAreas(role).map((area) => area.slug)).toEqual([
        'sections',
        'tags',
        'sources',
        'authors',
      ])
      expect(rightsOf(role).taxonomy).toBe(false)
    }
  })

  it('lets editors manage content settings and see, not change, the site settings', () => {
    expect(visibleAreas('editor').map((area) => area.slug)).toEqual([
      'sections',
      'tags',
      'sources',
      'authors',
      'pages',
      'site',
      'redirects',
      'wire-feeds',
    ])
    expect(rightsOf('editor')).toMatchObject({ taxonomy: true, writeSettings: false })
  })

  it('gives admins every area', () => {
    expect(visibleAreas('admin')).toHaveLength(11)
    expect(rightsOf('admin').writeSettings).toBe(true)
  })
})
