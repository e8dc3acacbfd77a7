import { describe, expect, it } from 'vitest'
import { parseRoute } from './router.js'

describe('the newsroom app routes', () => {
  it('opens the dashboard at /admin and the article list at /admin/articles', () => {
    expect(parseRoute('/admin', '')).toEqual({ name: 'dashboard' })
    expect(parseRoute('/admin/', '')).toEqual({ name: 'dashboard' })
    expect(parseRoute('/admin/articles', '?section=world')).toMatchObject({ name: 'articles' })
    expect(parseRoute('/admin/articles/', '')).toMatchObject({ name: 'articles' })
  })

  it('still opens the list for an old /admin link with list filters', () => {
    const route = parseRoute('/admin/', '?status=draft&page=2')
    expect(route.name).toBe('articles')
    expect(route.name === 'articles' && route.query.get('status')).toBe('draft')
  })

  it('reads the screens of the profile, the inbox and the audit log', () => {
    expect(parseRoute('/admin/profile', '')).toEqual({ name: 'profile' })
    expect(parseRoute('/admin/inbox', '?unread=true')).toMatchObject({ name: 'inbox' })
    expect(parseRoute('/admin/audit-log', '')).toMatchObject({ name: 'audit-log' })
    expect(parseRoute('/admin/articles/12', '')).toEqual({ name: 'article', id: 12 })
    expect(parseRoute('/admin/wires', '?status=new')).toMatchObject({ name: 'wires' })
    expect(parseRoute('/admin/nowhere', '')).toEqual({ name: 'not-found' })
  })

  it('reads the live desk of a story, with or without a trailing slash', () => {
    expect(parseRoute('/admin/articles/12/live', '')).toEqual({ name: 'live-desk', id: 12 })
    expect(parseRoute('/admin/articles/12/live/', '')).toEqual({ name: 'live-desk', id: 12 })
    expect(parseRoute('/admin/articles/12/lives', '')).toEqual({ name: 'not-found' })
  })
})
