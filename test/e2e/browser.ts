import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core'
import { createDemoSite } from '../helpers/demo-site.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'

/** Debian's Chromium, headless; no sync, updates or background traffic during the tests. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** The screens the site is tested on: a laptop and a phone held upright. */
export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
} as const satisfies Record<string, BrowserContextOptions>

export type ViewportName = keyof typeof VIEWPORTS

/** The demo site on a random local port, over a fresh SQLite database the tests can query. */
export interface DemoServer {
  baseUrl: string
  store: TestStore
  /** The canonical path of an article, found the way a reader's short link is: by redirect. */
  articlePath(language: string, id: number): Promise<string>
  close(): Promise<void>
}

export async function serveDemoSite(): Promise<DemoServer> {
  const store = await createTestStore('sqlite')
  const app = await createDemoSite(store)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const baseUrl = `http://127.0.0.1:${port}`
  return {
    baseUrl,
    store,
    async articlePath(language, id) {
      const response = await fetch(`${baseUrl}/${language}/x/${id}`, { redirect: 'manual' })
      const location = response.headers.get('location')
      if (response.status !== 301 || !location)
        throw new Error(`/${language}/x/${id} answered ${response.status}, not a redirect`)
      return location
    },
    async close() {
      await app.close()
      await store.dispose()
    },
  }
}
