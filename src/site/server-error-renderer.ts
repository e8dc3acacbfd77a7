import type { ErrorPageRenderer } from '../http/error-handler.js'
import { STARTING_EDITIONS } from '../modules/editions/edition-queries.js'
import type { AssetManifest } from './assets/asset-manifest.js'
import { translatorFor } from './i18n/messages.js'
import { renderDocument } from './jsx/html.js'
import type { StandaloneFrame } from './layouts/standalone-layout.js'
import { ServerErrorPage } from './pages/server-error-page.js'

/** Paths whose errors stay JSON: the APIs, the newsroom app and the operations endpoints. */
const NOT_SITE_PATH = /^\/(api|admin|healthz|readyz|metrics)(\/|$)/

/**
 * The edition a path belongs to, known without the database (which may be what failed): the
 * edition its first segment names, else the default one Masthead starts with.
 */
export function editionOfPath(path: string): { code: string; direction: 'ltr' | 'rtl' } {
  const prefix = path.split('/')[1] ?? ''
  return (
    STARTING_EDITIONS.find((candidate) => candidate.code === prefix) ??
    STARTING_EDITIONS.find((candidate) => candidate.isDefault) ?? { code: 'en', direction: 'ltr' }
  )
}

/**
 * The public site's page for a server error: in the language of the edition of the path, with
 * the site's stylesheet and the request's id. Paths outside the site get undefined (JSON).
 */
export function createServerErrorRenderer(assets: Pick<AssetManifest, 'url'>): ErrorPageRenderer {
  const css = assets.url('site.css')
  const icon = assets.url('logo.png')
  return (request, error) => {
    const path = request.url.split('?')[0] ?? '/'
    if (NOT_SITE_PATH.test(path)) return undefined
    const edition = editionOfPath(path)
    const frame: StandaloneFrame = {
      language: edition.code,
      direction: edition.direction,
      t: translatorFor(edition.code),
      assets: { css, icon },
    }
    return renderDocument(ServerErrorPage({ frame, requestId: request.id, code: error.code }))
  }
}
