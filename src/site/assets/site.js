// Masthead public site. Every page is complete without this script: it refreshes relative times,
// counts a page view, keeps the breaking bar and a live story's entries current from the site's
// event stream, and turns galleries into a modal viewer. A page cached before a deploy may
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

  // 3. Live: the breaking bar of every page, and on a live story its entries, from the stream.
  // New entries wait behind a button, so nothing moves under the reader; edits and deletions
  // change in place. When the stream fails twice in a row, the entries are polled instead.
  const labels = document.body.dataset
  let number
  const formatNumber = (value) => (number ||= new Intl.NumberFormat(pageLocale())).format(value)

  function element(tag, className, text) {
    const node = document.createElement(tag)
    node.className = className
    if (text) node.textContent = text
    return node
  }

  // Keeps what the reader looks at where it is while something above it changes size.
  function steady(change) {
    const anchor = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)
    const top = anchor?.getBoundingClientRect().top
    change()
    const moved = anchor?.isConnected ? anchor.getBoundingClientRect().top - top : 0
    if (moved) window.scrollBy(0, moved)
  }

  function showBreaking(items) {
    let bar = document.querySelector('.breaking-bar')
    const shown = Array.from(bar?.querySelectorAll('.breaking-bar__items a') || [])
    const same =
      shown.length === items.length &&
      items.every(
        (item, i) =>
          shown[i].textContent === item.label && shown[i].getAttribute('href') === item.url,
      )
    if (same) return
    steady(() => {
      if (!items.length) return bar?.remove()
      if (!bar) {
        bar = element('section', 'breaking-bar')
        bar.setAttribute('aria-label', labels.labelBreakingNews || '')
        bar.append(
          element('span', 'breaking-bar__label', labels.labelBreaking),
          element('ul', 'breaking-bar__items'),
        )
        document.querySelector('.site-header')?.append(bar)
      }
      bar.querySelector('.breaking-bar__items').replaceChildren(
        ...items.map((item) => {
          const link = element('a', '', item.label)
          link.href = item.url
          const li = document.createElement('li')
          li.append(link)
          return li
        }),
      )
    })
  }

  function followLive(streamUrl) {
    const list = document.querySelector('ol.live-entries[data-article-id]')
    const storyId = list?.dataset.articleId
    const waiting = new Map()
    const isFirstPage = !(new window.URLSearchParams(window.location.search).get('page') > 1)
    let button,
      source,
      failures = 0

    const template = document.createElement('template')
    const nodeOf = (html) => {
      template.innerHTML = html
      return template.content.firstElementChild
    }
    const newestId = () =>
      Math.max(
        0,
        ...waiting.keys(),
        ...Array.from(list.querySelectorAll('[data-entry-id]'), (node) => +node.dataset.entryId),
      )

    function showButton() {
      if (!waiting.size) return steady(() => button?.remove())
      if (!button) {
        button = element('button', 'live-new-updates')
        button.type = 'button'
        button.setAttribute('aria-live', 'polite')
        button.addEventListener('click', showWaiting)
        steady(() => list.before(button))
      }
      button.textContent = (labels.labelNewUpdates || '{count}').replace(
        '{count}',
        formatNumber(waiting.size),
      )
    }

    function showWaiting() {
      let first
      for (const id of [...waiting.keys()].sort((a, b) => a - b)) {
        const item = document.createElement('li')
        item.append((first = nodeOf(waiting.get(id))))
        list.prepend(item)
      }
      waiting.clear()
      button.remove()
      button = null
      updateTimes()
      // The button is gone: the reader goes on from the newest entry.
      first.tabIndex = -1
      first.focus({ preventScroll: true })
    }

    function change(entry) {
      const copies = document.querySelectorAll(`[data-entry-id="${entry.id}"]`)
      if (!copies.length) {
        // Older pages of the story take no new entries; the first page shows them.
        if (!isFirstPage) return
        if (entry.action === 'deleted') waiting.delete(entry.id)
        else waiting.set(entry.id, entry.html)
        return showButton()
      }
      steady(() => {
        for (const copy of copies) {
          const node = entry.action !== 'deleted' && nodeOf(entry.html)
          const pinned = copy.closest('.live-pinned')
          if (pinned) {
            pinned.hidden = !node || !entry.isPinned
            if (node) node.id = `pinned-${node.id}`
          }
          if (node) copy.replaceWith(node)
          else if (!pinned) (copy.closest('li') || copy).remove()
        }
        if (!entry.isKeyEvent)
          for (const link of document.querySelectorAll(
            `.live-key-events a[href="#entry-${entry.id}"]`,
          ))
            (link.closest('li') || link).remove()
      })
    }

    async function poll() {
      try {
        const response = await fetch(`/api/v1/articles/${storyId}/entries?after=${newestId()}`)
        // Not (or no longer) public, as in a preview: nothing will come.
        if (response.status === 404) return
        if (response.ok)
          for (const item of (await response.json()).items || [])
            change({ ...item, action: 'created' })
      } catch {
        // Offline for now: the next round tries again.
      }
      setTimeout(poll, 10000 + Math.random() * 5000)
    }

    let url = streamUrl
    if (storyId) url += `&article=${storyId}&after=${newestId()}`
    source = new window.EventSource(url)
    source.addEventListener('open', () => (failures = 0))
    source.addEventListener('breaking', (event) => showBreaking(JSON.parse(event.data).items))
    source.addEventListener('entry', (event) => change(JSON.parse(event.data)))
    // Too far behind for the outbox to replay: a reload shows the story as it is.
    source.addEventListener('reset', () => window.location.reload())
    source.addEventListener('error', () => {
      failures += 1
      if (failures < 2 && source.readyState !== 2 /* CLOSED */) return
      source.close()
      if (storyId) poll()
    })
  }

  const streamUrl = document.body.dataset.liveStream
  // After the first task, so that opening the stream does not lengthen it.
  if (streamUrl && window.EventSource && !document.prerendering)
    setTimeout(() => followLive(streamUrl))

  // 4. Galleries. Without <dialog>, thumbnails stay links to the full images.
  if (!window.HTMLDialogElement?.prototype.showModal) return

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
