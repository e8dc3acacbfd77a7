import { describe, expect, it } from 'vitest'
import { Fragment, h, raw, renderDocument, type Child } from './html.js'

function Card(props: { title: string; children?: Child }) {
  return (
    <article class="card">
      <h2>{props.title}</h2>
      {props.children}
    </article>
  )
}

describe('the JSX string renderer', () => {
  it('escapes text and attribute values', () => {
    const html = (
      <a href={'/x?a=1&b="2"'} title="<b>">
        {'<script>alert(1)</script>'}
      </a>
    )
    expect(html.value).toBe(
      '<a href="/x?a=1&amp;b=&quot;2&quot;" title="&lt;b&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</a>',
    )
  })

  it('renders components, fragments, lists, booleans and void elements', () => {
    const html = (
      <>
        <Card title="A & B">
          {['one', 'two'].map((item) => (
            <span>{item}</span>
          ))}
          {false}
          {null}
        </Card>
        <input type="checkbox" checked hidden={false} />
      </>
    )
    expect(html.value).toBe(
      '<article class="card"><h2>A &amp; B</h2><span>one</span><span>two</span></article><input type="checkbox" checked>',
    )
  })

  it('inserts trusted HTML only through raw()', () => {
    expect((<div>{raw('<p>kept</p>')}</div>).value).toBe('<div><p>kept</p></div>')
    expect(renderDocument(<html lang="ar" dir="rtl"></html>)).toBe(
      '<!doctype html>\n<html lang="ar" dir="rtl"></html>',
    )
  })
})
