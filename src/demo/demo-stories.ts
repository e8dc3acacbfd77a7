import type { DemoStory } from './demo-story.js'
import { ARABIC_STORIES } from './stories-arabic.js'
import { ENGLISH_STORIES } from './stories-english.js'
import { PAIRED_STORIES_A } from './stories-paired-a.js'
import { PAIRED_STORIES_B } from './stories-paired-b.js'

/** Every demo story, in both editions. */
export const DEMO_STORIES: DemoStory[] = [
  ...PAIRED_STORIES_A,
  ...PAIRED_STORIES_B,
  ...ENGLISH_STORIES,
  ...ARABIC_STORIES,
]

/**
 * The stories ordered so that each comes after every story it links to (oldest links first);
 * links that would form a cycle are dropped by the loader, not here.
 */
export function storiesInLinkOrder(stories: DemoStory[]): DemoStory[] {
  const byKey = new Map(stories.map((story) => [story.key, story]))
  const ordered: DemoStory[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const linksOf = (story: DemoStory) => [
    ...(story.related ?? []),
    ...[story.en, story.ar].flatMap((text) =>
      (text?.body ?? []).flatMap((block) =>
        typeof block === 'object' && 'related' in block ? [block.related] : [],
      ),
    ),
  ]
  const visit = (story: DemoStory) => {
    if (state.get(story.key)) return
    state.set(story.key, 'visiting')
    for (const key of linksOf(story)) {
      const target = byKey.get(key)
      if (target && !state.get(key)) visit(target)
    }
    state.set(story.key, 'done')
    ordered.push(story)
  }
  for (const story of [...stories].sort((a, b) => b.daysAgo - a.daysAgo)) visit(story)
  return ordered
}
