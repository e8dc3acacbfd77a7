// Masthead public site. Every page is complete without this script: it refreshes relative times,
// counts a page view and turns galleries into a modal viewer. A page cached before a deploy may
// run the next release's script (an older build's name answers the current file): look for the
// markup to enhance, and do nothing where it is missing.
;(() => {
  'use strict'

  const root = document.documentElement

  // The first Intl formatter of a page costs a phone a tenth of a second or more (its locale data
  // loads then), so formatters are built only when a text has to change, never at load.
  let locale
  function pageLocale() {
    if (locale !== undefined) return locale || undefined
    locale = root.dataset.locale || root.lang || ''
    // An invalid tag makes Intl throw: use the browser's default then.
    try {
      new Intl.RelativeTimeFormat(locale)
    } catch {
      locale = ''
    }
    return locale || undefined
  }

  // 1. Relative times: the server's own thresholds, so the text does not change at load. Each
  // <time> says in data-relative which value and unit its text shows ("-5 minute").
  let rtf
  const formatRelative = (parts) =>
    (rtf ||= new Intl.RelativeTimeFormat(pageLocale(), { numeric: 'auto' })).format(...parts)

  function relative(then, now) {
    const seconds = Math.max(0, (now - then) / 1000) // future times count as "now"
    if (seconds < 45) return [-Math.round(seconds), 'second']
    const minutes = Math.round(seconds / 60)
    if (minutes < 45) return [-minutes, 'minute']
    const hours = Math.round(seconds / 3600)
    if (hours < 22) return [-hours, 'hour']
    const days = Math.round(seconds / 86400)
    if (days < 26) return [-days, 'day']
    const months = Math.round(days / 30.44)
    if (months < 11) return [-months, 'month']
    return [-Math.max(1, Math.round(days / 365.25)), 'year']
  }

  function updateTimes() {
    const now = Date.now()
    for (const time of document.querySelectorAll('time[data-relative]')) {
      const then = Date.parse(time.dateTime)
      if (Number.isNaN(then)) continue
      const parts = relative(then, now)
      const shown = parts.join(' ')
      if (time.dataset.relative === shown) continue
      time.textContent = formatRelative(parts)
      time.dataset.relative = shown
    }
  }

  updateTimes()
  setInterval(updateTimes, 60000)
  // Timers are throttled in background tabs: catch up when the page is shown again.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') updateTimes()
  })

  // 2. Page-view beacon: an empty POST to the server's URL; no body, no identifiers.
  const viewUrl = document.body.dataset.viewUrl
  if (viewUrl) {
    const send = () => {
      if (!navigator.sendBeacon?.(viewUrl)) {
        fetch(viewUrl, { method: 'POST', keepalive: true, credentials: 'omit' }).catch(() => {})
      }
    }
    // A prerendered page may never be shown: count it only once it is.
    if (document.prerendering) {
      document.addEventListener('prerenderingchange', send, { once: true })
    } else {
      // A task of its own, so that setting up the request does not lengthen the script's first.
      setTimeout(send)
    }
  }

  // 3. Galleries. Without <dialog>, thumbnails stay links to the full images.
  if (!window.HTMLDialogElement?.prototype.showModal) return

  let number
  const formatNumber = (value) => (number ||= new Intl.NumberFormat(pageLocale())).format(value)

  function element(tag, className, text) {
    const node = document.createElement(tag)
    node.className = className
    if (text) node.textContent = text
    return node
  }

  const textOf = (scope, selector) => scope?.querySelector(selector)?.textContent.trim() || ''
  const modified = (event) => event.altKey || event.ctrlKey || event.metaKey || event.shiftKey

  function setUpGallery(gallery) {
    const links = Array.from(gallery.querySelectorAll('.gallery__open'))
    if (!links.length) return

    const labels = gallery.dataset
    const rtl = () => getComputedStyle(gallery).direction === 'rtl'
    let dialog, parts, opener
    let current = 0

    function build() {
      dialog = element('dialog', 'gallery-dialog')
      const title = gallery.getAttribute('aria-labelledby')
      if (title) dialog.setAttribute('aria-labelledby', title)

      const close = element('button', 'gallery-dialog__close', labels.labelClose)
      const previous = element('button', 'gallery-dialog__previous', labels.labelPrevious)
      const next = element('button', 'gallery-dialog__next', labels.labelNext)
      for (const button of [close, previous, next]) button.type = 'button'
      close.autofocus = true

      const figure = element('figure', 'gallery-dialog__figure')
      const image = element('img', 'gallery-dialog__image')
      const caption = element('figcaption', 'gallery-dialog__figcaption')
      const captionText = element('span', 'gallery-dialog__caption')
      const credit = element('span', 'gallery-dialog__credit')
      caption.append(captionText, ' ', credit)
      figure.append(image, caption)

      const position = element('p', 'gallery-dialog__position')
      position.setAttribute('aria-live', 'polite')
      position.setAttribute('aria-atomic', 'true')

      const nav = element('div', 'gallery-dialog__nav')
      nav.append(previous, position, next)
      previous.hidden = next.hidden = links.length < 2

      dialog.append(close, figure, nav)
      document.body.append(dialog)
      parts = { close, image, caption, captionText, credit, position }

      close.addEventListener('click', () => dialog.close())
      previous.addEventListener('click', () => show(current - 1))
      next.addEventListener('click', () => show(current + 1))
      // Esc fires the native `cancel`, which closes the dialog and lands here too.
      dialog.addEventListener('close', () => opener?.focus())

      dialog.addEventListener('keydown', (event) => {
        if (modified(event)) return
        // Arrows follow the reading direction: in right-to-left the next photo is to the left.
        const forward = rtl() ? -1 : 1
        if (event.key === 'ArrowRight') show(current + forward)
        else if (event.key === 'ArrowLeft') show(current - forward)
        else if (event.key === 'Home') show(0)
        else if (event.key === 'End') show(links.length - 1)
        else return
        event.preventDefault()
      })

      // Swipe is an extra; for touch it needs `touch-action: pan-y` on the dialog in the CSS.
      let start
      dialog.addEventListener('pointerdown', (event) => {
        start = event.isPrimary ? { x: event.clientX, y: event.clientY } : null
      })
      dialog.addEventListener('pointercancel', () => (start = null))
      dialog.addEventListener('pointerup', (event) => {
        if (!start || !event.isPrimary) return
        const dx = event.clientX - start.x
        const dy = event.clientY - start.y
        start = null
        if (links.length < 2 || Math.abs(dx) <= 50 || Math.abs(dx) < Math.abs(dy)) return
        // The photo follows the finger: in left-to-right a swipe to the left shows the next.
        show(current + (dx < 0 !== rtl() ? 1 : -1))
      })
    }

    function show(index) {
      const total = links.length
      current = ((index % total) + total) % total
      const link = links[current]
      const thumb = link.querySelector('img')
      const figure = link.closest('figure') || link.parentElement

      // A fresh <img>, so the old photo never shows under the new alt text while loading.
      const image = element('img', 'gallery-dialog__image')
      image.src = link.href
      image.alt = thumb?.alt || ''
      image.draggable = false // a native image drag would cancel the swipe
      parts.image.replaceWith(image)
      parts.image = image

      const caption = textOf(figure, '.gallery__caption')
      const credit = textOf(figure, '.gallery__credit')
      parts.captionText.textContent = caption
      parts.credit.textContent = credit
      parts.caption.hidden = !caption && !credit

      parts.position.textContent = (labels.labelPosition || '{current}/{total}')
        .replace('{current}', formatNumber(current + 1))
        .replace('{total}', formatNumber(total))
    }

    gallery.addEventListener('click', (event) => {
      const link = event.target.closest('.gallery__open')
      const index = links.indexOf(link)
      // Leave modified clicks alone so "open in new tab" still works.
      if (index < 0 || event.defaultPrevented || event.button !== 0 || modified(event)) return
      event.preventDefault()
      if (!dialog) build()
      opener = link
      show(index)
      if (!dialog.open) dialog.showModal()
      parts.close.focus()
    })
  }

  for (const gallery of document.querySelectorAll('[data-gallery]')) setUpGallery(gallery)
})()
