import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { buildAdmin } from '../../src/admin-app/admin-build.js'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config/load-config.js'
import { loadDemoContent } from '../../src/demo/load-demo.js'
import { hashPassword } from '../../src/modules/users/password.js'
import { createUser } from '../../src/modules/users/user-queries.js'
import { systemClock } from '../../src/platform/clock.js'
import { createLocalMediaStorage, mediaFolderOf } from '../../src/platform/storage/local-media-storage.js'
import { buildEditions } from '../helpers/factories.js'
import { createTestStore } from '../helpers/test-databases.js'
import { launchBrowser, VIEWPORTS } from './browser.js'
import { EditorialScreen } from './newsroom-editorial.screen.js'

const out = '/tmp/editorial-shots'
const adminFolder = mkdtempSync(join(tmpdir(), 'masthead-admin-build-'))
await buildAdmin(() => undefined, adminFolder)
const store = await createTestStore('sqlite')
const dataDir = mkdtempSync(join(tmpdir(), 'masthead-shots-'))
await buildEditions(store.db)
const storage = createLocalMediaStorage(mediaFolderOf(dataDir))
await loadDemoContent(store.db, storage, new Date())
const passwordHash = await hashPassword('a long newsroom password')
await createUser(store.db, { email: 'desk@news.example', role: 'editor', name: 'Desk Editor', passwordHash }, new Date())
await createUser(store.db, { email: 'c@news.example', role: 'contributor', name: 'Field Stringer', passwordHash }, new Date())
const config = loadConfig({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' })
const app = await buildApp({ config, store, clock: systemClock, storage, adminFolder })
await app.listen({ port: 0, host: '127.0.0.1' })
const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
const browser = await launchBrowser()
const englishId = (await store.db.selectFrom('articles').select('id').where('language', '=', 'en').where('translationGroup', 'is not', null).orderBy('id').executeTakeFirstOrThrow()).id

for (const [language, viewport] of [] as [ 'en', 'desktop'][]) {
  const context = await browser.newContext({ ...VIEWPORTS[viewport] })
  await context.addInitScript(`localStorage.setItem('masthead.uiLanguage', '${language}')`)
  const screen = new EditorialScreen(await context.newPage(), baseUrl)
  await screen.open()
  await screen.signIn('desk@news.example', 'a long newsroom password')
  await screen.open(`/admin/articles/${englishId}`)
  await screen.body.waitFor()
  await screen.page.locator('.seo-group summary').click()
  await screen.page.locator('.revisions summary').click()
  await screen.page.waitForTimeout(800)
  await screen.page.screenshot({ path: `${out}/editor-${language}-${viewport}.png`, fullPage: true })
  await context.close()
}
// A translation draft with the original beside, and the comparison dialog.
{
  const context = await browser.newContext({ ...VIEWPORTS.desktop })
  await context.addInitScript(`localStorage.setItem('masthead.uiLanguage', 'ar')`)
  const screen = new EditorialScreen(await context.newPage(), baseUrl)
  await screen.open()
  await screen.signIn('desk@news.example', 'a long newsroom password')
  await screen.newArticleLink.click()
  await screen.field('language').selectOption('en')
  await screen.field('headline').fill('Bridge repairs start on Monday')
  await screen.field('section').selectOption({ index: 1 })
  await screen.typeInBody('Repairs to the old bridge will start on Monday and last two weeks.')
  await screen.saveButton.click()
  const sourceId = await screen.articleId()
  await screen.field('dek').fill('Traffic will use the eastern crossing.')
  await screen.saveWithKeyboard()
  await screen.button('أنشئ النسخة العربية').click()
  await screen.originalPane.waitFor()
  await screen.page.waitForTimeout(800)
  await screen.page.screenshot({ path: `${out}/translation-ar-desktop.png`, fullPage: true })
  await screen.field('headline').fill('بدء إصلاح الجسر يوم الاثنين')
  await screen.page.screenshot({ path: `${out}/translation-ar-typing.png` })
  await screen.open(`/admin/articles/${sourceId}`)
  await screen.body.waitFor()
  await screen.page.locator('.revisions summary').click()
  await screen.page.locator('#compare-from').waitFor()
  await screen.page.locator('#compare-from').selectOption({ index: 1 })
  await screen.button('قارن').last().click()
  await screen.page.locator('.compare-dialog[open]').waitFor()
  await screen.page.screenshot({ path: `${out}/compare-ar-desktop.png` })
  await context.close()
}
// A contributor.
{
  const context = await browser.newContext({ ...VIEWPORTS.phone })
  const screen = new EditorialScreen(await context.newPage(), baseUrl)
  await screen.open()
  await screen.signIn('c@news.example', 'a long newsroom password')
  await screen.newArticleLink.click()
  await screen.field('headline').fill('Library extends its opening hours')
  await screen.field('section').selectOption({ index: 1 })
  await screen.saveButton.click()
  await screen.articleId()
  await screen.publishReason.waitFor()
  await screen.publishReason.scrollIntoViewIfNeeded()
  await screen.page.screenshot({ path: `${out}/contributor-en-phone.png` })
  await screen.button('Preview').click()
  const href = await screen.previewLink.getAttribute('href')
  await screen.page.goto(new URL(new URL(href!).pathname, baseUrl).toString())
  await screen.page.screenshot({ path: `${out}/preview-en-phone.png` })
  await context.close()
}
await browser.close()
await app.close()
await store.dispose()
