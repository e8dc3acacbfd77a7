import { h } from '../jsx/html.js'
import { StandaloneLayout, type StandaloneFrame } from '../layouts/standalone-layout.js'

/**
 * The page of a server error: an apology and the request's id to quote to the newsroom. The
 * error's code is kept in an attribute for tools; nothing else of the error is shown.
 */
export function ServerErrorPage(props: {
  frame: StandaloneFrame
  requestId: string
  code: string
}) {
  const { frame } = props
  return (
    <StandaloneLayout frame={frame} title={frame.t('errorTitle')}>
      <section class="error-page" data-error-code={props.code}>
        <h1>{frame.t('errorTitle')}</h1>
        <p>{frame.t('errorText')}</p>
        <p class="error-page__reference">
          {frame.t('errorReference')}{' '}
          <code dir="ltr" translate="no">
            {props.requestId}
          </code>
        </p>
      </section>
    </StandaloneLayout>
  )
}
