import { describe, expect, it } from 'vitest'
import { articleListPath, articleListQuery, readArticleFilters } from './article-filters.js'

const read = (search: string) => readArticleFilters(new URLSearchParams(search))

describe('the article list filters', () => {
  it('read every filter from the address', () => {
    expect(
      read(
        'status=draft&language=ar&section=world&tag=ports&author=sara&mine=true&updatedFrom=2026-11-01&updatedTo=2026-11-29&q=bridge&sort=headline&page=3',
      ),
    ).toEqual({
      status: 'draft',
      language: 'ar',
      section: 'world',
      tag: 'ports',
      author: 'sara',
      mine: 'true',
      updatedFrom: '2026-11-01',
      updatedTo: '2026-11-29',
      q: 'bridge',
      sort: 'headline',
      page: 3,
    })
  })

  it('drop what is malformed instead of sending it on', () => {
    const filters = read('status=lost&sort=random&page=-4&updatedFrom=yesterday&updatedTo=2026-1-2')
    expect(filters).toMatchObject({
      status: '',
      sort: 'updated',
      page: 1,
      updatedFrom: '',
      updatedTo: '',
    })
  })

  it('write an address that reads back the same, leaving defaults out', () => {
    const filters = read('section=world&author=sara&page=2')
    expect(articleListPath(filters)).toBe('/articles?section=world&author=sara&page=2')
    expect(read(articleListPath(filters).split('?')[1] ?? '')).toEqual(filters)
    expect(articleListPath(read(''))).toBe('/articles')
  })

  it('ask the API for whole local days, the last one included', () => {
    const query = articleListQuery(read('updatedFrom=2026-11-01&updatedTo=2026-11-01'), 25)
    const from = Date.parse(String(query.updatedFrom))
    const to = Date.parse(String(query.updatedTo))
    expect(new Date(from).getDate()).toBe(1)
    expect(new Date(from).getHours()).toBe(0)
    expect(to - from).toBe(24 * 3600_000)
    expect(query).toMatchObject({ sort: 'updated', page: 1, pageSize: 25 })
    expect(query).not.toHaveProperty('section')
    expect(query).not.toHaveProperty('mine')
  })

  it('ask the API for the person’s own articles when the list is theirs', () => {
    expect(articleListQuery(read('status=draft&mine=true'), 25)).toMatchObject({
      status: 'draft',
      mine: 'true',
    })
  })
})
