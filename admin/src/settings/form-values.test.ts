import { describe, expect, it } from 'vitest'
import {
  fieldOfProperty,
  localizedOf,
  localizedValues,
  mapErrorsToForm,
  optionalIdOf,
} from './form-values.js'

const FIELDS = ['slug', 'name.en', 'name.ar', 'url', 'socialLinks.0.url', 'items']

describe('API errors on a settings form', () => {
  it('finds the field a property points at, or into', () => {
    expect(fieldOfProperty('name.ar', FIELDS)).toBe('name.ar')
    expect(fieldOfProperty('name', FIELDS)).toBe('name.en')
    expect(fieldOfProperty('socialLinks.0.url', FIELDS)).toBe('socialLinks.0.url')
    expect(fieldOfProperty('items.3.parentId', FIELDS)).toBe('items')
    expect(fieldOfProperty('body', FIELDS)).toBeUndefined()
    expect(fieldOfProperty(undefined, FIELDS)).toBeUndefined()
  })

  it('puts the first error of each field beside it, in our words when we know them', () => {
    const mapped = mapErrorsToForm(
      [
        {
          code: 'VALIDATION_FAILED',
          message: 'slug: letters and digits joined by hyphens',
          property: 'slug',
        },
        { code: 'VALIDATION_FAILED', message: 'slug: second error', property: 'slug' },
        { code: 'VALIDATION_FAILED', message: 'url: Invalid URL', property: 'url' },
        { code: 'VALIDATION_FAILED', message: 'name.ar: Not quite', property: 'name.ar' },
        { code: 'CONFLICT', message: 'Someone else changed it' },
      ],
      FIELDS,
    )
    expect(mapped.fields).toEqual({
      slug: { key: 'errorSlug' },
      url: { key: 'errorUrl' },
      'name.ar': { text: 'Not quite' },
    })
    expect(mapped.general).toEqual([{ code: 'CONFLICT', message: 'Someone else changed it' }])
  })
})

describe('form values and API bodies', () => {
  it('maps per-language values both ways, leaving out empty languages', () => {
    const values = localizedValues('name', { en: 'Reuters ', ar: '' })
    expect(values).toEqual({ 'name.en': 'Reuters ', 'name.ar': '' })
    expect(localizedOf(values, 'name')).toEqual({ en: 'Reuters' })
  })

  it('reads an optional id: empty is none', () => {
    expect(optionalIdOf({ userId: ' ' }, 'userId')).toBeNull()
    expect(optionalIdOf({ userId: '12' }, 'userId')).toBe(12)
  })
})
