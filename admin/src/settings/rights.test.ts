import { describe, expect, it } from 'vitest'
// The server's access matrix, as the session answer carries a role's part of it.
import { permissionsOf } from '../../../src/modules/access/permissions.js'
import { visibleAreas } from './rights.js'

const areasOf = (role: Parameters<typeof permissionsOf>[0]) =>
  visibleAreas(permissionsOf(role)).map((area) => area.slug)

describe('what each role sees in the settings', () => {
  it('shows contributors and authors only the read-only taxonomy', () => {
    for (const role of ['contributor', 'author'] as const) {
      expect(areasOf(role)).toEqual(['sections', 'tags', 'sources', 'authors'])
      expect(permissionsOf(role)).not.toContain('taxonomy.write')
    }
  })

  it('lets editors manage content settings and see, not change, the site settings', () => {
    expect(areasOf('editor')).toEqual([
      'sections',
      'tags',
      'sources',
      'authors',
      'pages',
      'site',
      'redirects',
      'wire-feeds',
    ])
    expect(permissionsOf('editor')).toContain('taxonomy.write')
    expect(permissionsOf('editor')).not.toContain('settings.write')
  })

  it('gives admins every area', () => {
    expect(areasOf('admin')).toHaveLength(11)
    expect(permissionsOf('admin')).toContain('settings.write')
  })

  it('shows nothing beyond the taxonomy to someone whose permissions are unknown', () => {
    expect(visibleAreas(['taxonomy.read'])).toHaveLength(4)
    expect(visibleAreas([])).toEqual([])
  })
})
