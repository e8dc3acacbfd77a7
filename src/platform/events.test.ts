import { describe, expect, it } from 'vitest'
import { createEventBus, type ContentEvent } from './events.js'

const published: ContentEvent = {
  entity: 'article',
  action: 'published',
  id: 7,
  occurredAt: '2026-11-29T10:00:00.000Z',
}

describe('event bus', () => {
  it('delivers each event to every listener in subscription order', async () => {
    const seen: string[] = []
    const bus = createEventBus({ onListenerError: () => undefined })
    bus.subscribe((event) => void seen.push(`first ${event.id}`))
    bus.subscribe(async (event) => {
      await Promise.resolve()
      seen.push(`second ${event.id}`)
    })
    await bus.publish(published)
    expect(seen).toEqual(['first 7', 'second 7'])
  })

  it('reports a failing listener and still calls the others', async () => {
    const errors: unknown[] = []
    const seen: number[] = []
    const bus = createEventBus({ onListenerError: (error) => errors.push(error) })
    bus.subscribe(() => {
      throw new Error('index unavailable')
    })
    bus.subscribe((event) => void seen.push(event.id))
    await bus.publish(published)
    expect(seen).toEqual([7])
    expect(errors).toHaveLength(1)
  })

  it('stops delivering to a listener after it unsubscribes', async () => {
    const seen: number[] = []
    const bus = createEventBus({ onListenerError: () => undefined })
    const unsubscribe = bus.subscribe((event) => void seen.push(event.id))
    unsubscribe()
    await bus.publish(published)
    expect(seen).toEqual([])
  })
})
