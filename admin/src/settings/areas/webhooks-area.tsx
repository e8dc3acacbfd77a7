import { useEffect, useState } from 'react'
import type { ApiErrorItem } from '../../api/api-error.js'
import { api } from '../../api/client.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { errorsOfFailure, GeneralErrors } from '../api-form.js'
import { textOf } from '../form-values.js'
import { ResourceArea, type ResourceDefinition } from '../resource-area.js'
import type { Webhook, WebhookDelivery as Delivery } from '../../api/types.js'

const ENTITIES = ['article', 'page', 'section', 'tag', 'author', 'source', 'media', 'settings']
const ACTIONS = ['created', 'updated', 'published', 'unpublished', 'deleted']
/** The events a webhook may listen to, as the API names them. */
const EVENTS = [
  '*',
  ...ENTITIES.flatMap((entity) => ACTIONS.map((action) => `${entity}.${action}`)),
]

/** The newest deliveries of one webhook. */
function Deliveries({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const { t, formatDateTime } = useI18n()
  const [items, setItems] = useState<Delivery[] | undefined>()
  const [errors, setErrors] = useState<ApiErrorItem[]>([])
  useEffect(() => {
    api<{ items: Delivery[] }>('GET', `webhooks/${webhook.id}/deliveries`).then(
      (page) => setItems(page.items),
      (caught: unknown) => setErrors(errorsOfFailure(caught, []).general),
    )
  }, [webhook.id])
  return (
    <section className="deliveries" aria-labelledby="deliveries-title">
      <div className="area-tools">
        <h2 id="deliveries-title">{t('deliveriesOf', { url: webhook.url })}</h2>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <GeneralErrors errors={errors} />
      {items?.length === 0 && <p className="notice">{t('noDeliveries')}</p>}
      {items && items.length > 0 && (
        <div className="table-scroll">
          <table className="resource-table">
            <thead>
              <tr>
                <th scope="col">{t('columnEvent')}</th>
                <th scope="col">{t('columnStatus')}</th>
                <th scope="col">{t('columnAttempts')}</th>
                <th scope="col">{t('columnAnswer')}</th>
                <th scope="col">{t('columnUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((delivery) => (
                <tr key={delivery.id}>
                  <td dir="ltr">{delivery.event}</td>
                  <td>{delivery.status}</td>
                  <td>{delivery.attempts}</td>
                  <td dir="ltr">{delivery.responseStatus ?? delivery.lastError ?? '—'}</td>
                  <td>{formatDateTime(delivery.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/** Addresses told of every change; the signing secret is shown once, when added. */
export function WebhooksArea() {
  const { t } = useI18n()
  const [shown, setShown] = useState<Webhook | undefined>()
  const definition: ResourceDefinition<Webhook> = {
    key: 'webhooks',
    path: 'webhooks',
    empty: 'noWebhooks',
    addLabel: 'addWebhook',
    nameOf: (webhook) => webhook.url,
    columns: [
      { label: 'fieldUrl', cell: (webhook) => <span dir="ltr">{webhook.url}</span> },
      {
        label: 'fieldEvents',
        cell: (webhook) => (
          <span dir="ltr">
            {webhook.events.map((event) => (event === '*' ? t('allEvents') : event)).join(', ')}
          </span>
        ),
      },
    ],
    canAdd: true,
    canDelete: true,
    rowActions: (webhook) => (
      <button
        type="button"
        className="button secondary"
        aria-label={t('deliveriesOf', { url: webhook.url })}
        onClick={() => setShown(webhook)}
      >
        {t('deliveries')}
      </button>
    ),
    fields: () => [
      { name: 'url', label: 'fieldUrl', kind: 'url', isLatin: true },
      {
        name: 'events',
        label: 'fieldEvents',
        kind: 'checkboxes',
        options: EVENTS.map((event) => ({
          value: event,
          label: event === '*' ? t('allEvents') : event,
        })),
      },
    ],
    valuesOf: () => ({ url: '', events: ['article.published', 'article.updated'] }),
    bodyOf: (values) => ({
      url: textOf(values, 'url'),
      events: Array.isArray(values.events) ? values.events : [],
    }),
    secretOf: (created) => (created as { secret?: string }).secret,
  }
  return (
    <>
      <ResourceArea definition={definition} />
      {shown && <Deliveries key={shown.id} webhook={shown} onClose={() => setShown(undefined)} />}
    </>
  )
}
