import { h } from '../jsx/html.js'
import type { Frame, Link } from '../view-models.js'

/** The section trail above a headline: Home › News › World. */
export function Breadcrumb(props: { frame: Frame; trail: Link[] }) {
  return (
    <nav class="breadcrumb" aria-label={props.frame.t('breadcrumb')}>
      <ol>
        {props.trail.map((link, index) => (
          <li>
            <a href={link.url} aria-current={index === props.trail.length - 1 ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
