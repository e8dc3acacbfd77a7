import { api } from './client.js'
import type { Section } from './types.js'

let cached: Promise<Section[]> | undefined

/** The sections, loaded once per page load (they change rarely). */
export function loadSections(): Promise<Section[]> {
  cached ??= api<{ items: Section[] }>('GET', 'sections').then(
    (page) => page.items,
    (error: unknown) => {
      cached = undefined
      throw error
    },
  )
  return cached
}

/** A section's name in a language, falling back to any language it has. */
export function sectionName(section: Section, language: string): string {
  return (section.translations[language] ?? Object.values(section.translations)[0])?.name ?? ''
}

/** Drops the loaded sections, after a change in the settings, so the next load is fresh. */
export function forgetSections(): void {
  cached = undefined
}
