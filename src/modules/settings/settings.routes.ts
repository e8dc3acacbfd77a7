import type { Kysely } from 'kysely'
import { defineRoute } from '../../http/api-route.js'
import type { Database } from '../../db/database.js'
import { contextOf } from '../../http/change-context.js'
import { getSiteSettings } from './settings-queries.js'
import type { SettingsService } from './settings-service.js'
import { SITE_SETTINGS_CHANGES_SCHEMA, SITE_SETTINGS_SCHEMA } from './site-settings.js'

const SITE_SETTINGS = SITE_SETTINGS_SCHEMA.meta({ id: 'SiteSettings' })

/** The Admin API's settings routes, over the settings service. */
export function settingsRoutes({
  db,
  settings,
}: {
  db: Kysely<Database>
  settings: SettingsService
}) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/settings',
      access: { permission: 'settings.read' },
      tag: 'settings',
      summary: 'The site settings',
      response: SITE_SETTINGS,
      handle: () => getSiteSettings(db),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/settings',
      access: { permission: 'settings.write' },
      tag: 'settings',
      summary: 'Change some settings; the others keep their values',
      body: SITE_SETTINGS_CHANGES_SCHEMA,
      response: SITE_SETTINGS,
      handle: ({ body, request }) => settings.update(contextOf(request), body),
    }),
  ]
}
