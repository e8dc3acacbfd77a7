import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { cacheResponse } from '../../page-cache/page-cache-hooks.js'
import { systemActor } from '../../modules/access/actor.js'
import {
  contactNotification,
  readContactForm,
  validateContactForm,
  type ContactFieldErrors,
  type ContactFormValues,
} from '../../modules/contact/contact-form.js'
import { findPublishedPage, type Page } from '../../modules/pages/page-queries.js'
import type { ContactService } from '../../modules/contact/contact-service.js'
import type { LimitSpec } from '../../platform/limits/limit-counters.js'
import type { SharedLimits } from '../../platform/limits/shared-limits.js'
import type { Mailer } from '../../platform/mail/mailer.js'
import type { SafeHtml } from '../jsx/html.js'
import type { SiteContext } from '../loaders/load-frame.js'
import { resolveListingScope } from '../loaders/load-listing.js'
import { ContactForm } from '../pages/contact-form.js'
import { StaticPage } from '../pages/static-page.js'
import { CACHE_CONTROL, sendPage } from '../render.js'
import { siteUrls } from '../site-urls.js'
import { PUBLIC, type Params, type SiteRouteKit } from './site-route-kit.js'

const CONTACT_PAGE_SLUG = 'contact'
/** Messages per address, counted for the whole machine. */
const CONTACT_LIMIT: LimitSpec = { name: 'contact-messages', limit: 5, windowMs: 10 * 60_000 }

/**
 * The static pages of an edition (About, Contact…) and the contact form's POST; a slug that is a
 * section answers 301 to the section's listing.
 */
export function registerPagesRoutes(
  app: FastifyInstance,
  deps: { kit: SiteRouteKit; mailer?: Mailer; contact: ContactService; limits: SharedLimits },
): void {
  const { kit } = deps
  const { db, config, withEdition, notFound } = kit

  /** Forwards a stored contact message by email; a failure is logged, the message is already kept. */
  function notifyNewsroom(request: FastifyRequest, values: ContactFormValues, language: string) {
    const to = config.mail?.newsroomEmail
    if (!deps.mailer || !to) return
    deps.mailer.send(contactNotification({ values, language, to })).catch((error: unknown) => {
      request.log.error({ err: error }, 'contact notification email failed')
    })
  }

  function sendStaticPage(
    context: SiteContext,
    page: Page,
    reply: FastifyReply,
    contact?: {
      values: ReturnType<typeof readContactForm>['values']
      errors: ContactFieldErrors
      isSent: boolean
      isRateLimited: boolean
      status: number
    },
  ) {
    const language = context.frame.language
    const slug = page.slug
    const alternates = context.editions.map((edition) => ({
      hreflang: edition.code,
      url: `${config.siteUrl}${siteUrls.page(edition.code, slug)}`,
    }))
    const other = context.editions.find((edition) => edition.code !== language)
    const form: SafeHtml | undefined =
      slug === CONTACT_PAGE_SLUG
        ? ContactForm({
            frame: context.frame,
            action: siteUrls.page(language, slug),
            values: contact?.values ?? { name: '', email: '', subject: '', message: '' },
            errors: contact?.errors ?? {},
            isSent: contact?.isSent ?? false,
            isRateLimited: contact?.isRateLimited ?? false,
          })
        : undefined
    const html = StaticPage({
      frame: context.frame,
      title: page.title,
      bodyHtml: page.bodyHtml,
      path: siteUrls.page(language, slug),
      alternates,
      translationUrl: other && siteUrls.page(other.code, slug),
      children: form,
    })
    if (!contact) cacheResponse(reply, 'front', context.uses)
    return sendPage(reply, html, {
      status: contact?.status ?? 200,
      cacheControl: contact ? CACHE_CONTROL.noStore : CACHE_CONTROL.front,
    })
  }

  app.get(
    '/:lang/:slug',
    PUBLIC,
    withEdition(async (context, request, reply) => {
      const slug = (request.params as Params)['slug'] ?? ''
      const page = await findPublishedPage(db, context.frame.language, slug)
      if (page) return sendStaticPage(context, page, reply)
      const section = await resolveListingScope(context, 'section', slug)
      return section
        ? reply.redirect(siteUrls.section(context.frame.language, slug), 301)
        : notFound(request, reply)
    }),
  )

  app.post(
    `/:lang/${CONTACT_PAGE_SLUG}`,
    { ...PUBLIC, bodyLimit: 64 * 1024 },
    withEdition(async (context, request, reply) => {
      // The form exists only on a published contact page: without one, nothing is stored and the
      // address is not charged against the limit.
      const page = await findPublishedPage(db, context.frame.language, CONTACT_PAGE_SLUG)
      if (!page) return notFound(request, reply)
      const { values, honeypot } = readContactForm(request.body)
      const isRateLimited = !(await deps.limits.hit(CONTACT_LIMIT, request.ip, context.frame.now))
        .isAllowed
      const errors = isRateLimited ? {} : validateContactForm(values)
      const isValid = !isRateLimited && Object.keys(errors).length === 0
      // A filled honeypot is a bot: it is thanked like a person, and nothing is stored.
      if (isValid && !honeypot) {
        await deps.contact.receive(
          { actor: systemActor, ipAddress: request.ip },
          { language: context.frame.language, ...values },
        )
        notifyNewsroom(request, values, context.frame.language)
      }
      const status = isRateLimited ? 429 : isValid ? 200 : 400
      if (isRateLimited) reply.header('retry-after', '600')
      return sendStaticPage(context, page, reply, {
        values: isValid ? { name: '', email: '', subject: '', message: '' } : values,
        errors,
        isSent: isValid,
        isRateLimited,
        status,
      })
    }),
  )
}
