import { describe, expect, it } from 'vitest'
import { fieldOfProperty, mapErrorsToFields } from './field-errors.js'

describe('mapping Admin API errors to the editor fields', () => {
  it('puts a validation error next to the field it names, in the interface language', () => {
    const mapped = mapErrorsToFields([
      {
        code: 'VALIDATION_FAILED',
        message: 'slug: letters and digits joined by hyphens',
        property: 'slug',
      },
    ])
    expect(mapped.fields.slug).toEqual({ key: 'errorSlug' })
    expect(mapped.general).toEqual([])
  })

  it('says a required field is required in the interface language', () => {
    const mapped = mapErrorsToFields([
      {
        code: 'VALIDATION_FAILED',
        message: 'headline: Too small: expected string to have >=1 characters',
        property: 'headline',
      },
    ])
    expect(mapped.fields.headline).toEqual({ key: 'errorRequired' })
  })

  it('finds the field of nested properties and of the HTML body', () => {
    expect(fieldOfProperty('tags.3')).toBe('tags')
    expect(fieldOfProperty('bodyDoc.content.0')).toBe('bodyDoc')
    expect(fieldOfProperty('body')).toBe('bodyDoc')
    expect(fieldOfProperty('section')).toBe('section')
  })

  it('keeps errors about no field of the form, or no field at all, as general errors', () => {
    const stale = { code: 'STALE_REVISION', message: 'changed since' }
    const other = { code: 'VALIDATION_FAILED', message: 'x', property: 'heroMediaId' }
    const mapped = mapErrorsToFields([stale, other])
    expect(mapped.general).toEqual([stale, other])
    expect(mapped.fields).toEqual({})
  })

  it('shows a message it does not know in the words of the server', () => {
    const mapped = mapErrorsToFields([
      { code: 'VALIDATION_FAILED', message: 'tags: at most 50', property: 'tags' },
    ])
    expect(mapped.fields.tags).toEqual({ text: 'at most 50' })
  })

  it('keeps the first error of a field', () => {
    const mapped = mapErrorsToFields([
      { code: 'VALIDATION_FAILED', message: 'There is no section nope', property: 'section' },
      { code: 'VALIDATION_FAILED', message: 'second', property: 'section' },
    ])
    expect(mapped.fields.section).toEqual({ key: 'errorSection' })
  })

  it('puts errors inside the SEO overrides next to their own field, and a bad URL in words', () => {
    const mapped = mapErrorsToFields([
      {
        code: 'VALIDATION_FAILED',
        message: 'seo.socialTitle: Too big: expected string to have <=200 characters',
        property: 'seo.socialTitle',
      },
      { code: 'VALIDATION_FAILED', message: 'sourceUrl: Invalid URL', property: 'sourceUrl' },
      {
        code: 'VALIDATION_FAILED',
        message: 'pinnedPosition: Too big: expected number to be <=20',
        property: 'pinnedPosition',
      },
    ])
    expect(mapped.fields['seo.socialTitle']).toEqual({ key: 'errorTooLong' })
    expect(mapped.fields.sourceUrl).toEqual({ key: 'errorUrl' })
    expect(mapped.fields.pinnedPosition).toEqual({ key: 'errorPinPosition' })
    expect(fieldOfProperty('seo')).toBeUndefined()
    expect(fieldOfProperty('authors.1')).toBe('authors')
  })
})
