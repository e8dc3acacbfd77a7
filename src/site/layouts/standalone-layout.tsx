import { h, type Child } from '../jsx/html.js'
import type { Translate } from '../i18n/messages.js'

/** What a page outside the site frame knows: its language and the site's built assets. */
export interface StandaloneFrame {
  language: string
  direction: 'ltr' | 'rtl'
  t: Translate
  assets: { css: string; icon: string }
}

/**
 * The document around a page that must render without the database (a server error): the site's
 * look, a link home and nothing read from settings, sections or editions.
 */
export function StandaloneLayout(props: {
  frame: StandaloneFrame
  title: string
  children?: Child
}) {
  const { frame } = props
  return (
    <html lang={frame.language} dir={frame.direction}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href={frame.assets.css} />
        <link rel="icon" type="image/png" href={frame.assets.icon} />
      </head>
      <body>
        <header class="site-header">
          <p class="site-header__brand">
            <a href={`/${frame.language}/`} class="brand">
              {frame.t('home')}
            </a>
          </p>
        </header>
        <main id="main" class="site-main" tabindex="-1">
          {props.children}
        </main>
      </body>
    </html>
  )
}
