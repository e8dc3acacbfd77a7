import { h, raw, type Child } from '../jsx/html.js'
import { SiteLayout } from '../layouts/site-layout.js'
import type { Frame, PageHead } from '../view-models.js'

/** A page from the pages table: About, Editorial standards; Contact adds its form as children. */
export function StaticPage(props: {
  frame: Frame
  title: string
  bodyHtml: string
  path: string
  alternates: PageHead['alternates']
  translationUrl: string | undefined
  children?: Child
}) {
  const { frame } = props
  const head: PageHead = {
    title: props.title,
    description: props.title,
    canonical: `${frame.siteUrl}${props.path}`,
    alternates: props.alternates,
    translationUrl: props.translationUrl,
  }
  return (
    <SiteLayout frame={frame} head={head}>
      <article class="static-page">
        <h1>{props.title}</h1>
        <div class="static-page__body">{raw(props.bodyHtml)}</div>
        {props.children}
      </article>
    </SiteLayout>
  )
}
