import { defineRoute } from '../../api/api-route.js'
import type { ResourceRouteDeps } from '../../api/change-recorder.js'
import { getSiteSettings, updateSiteSettings } from './settings-queries.js'
import { SITE_SETTINGS_SCHEMA } from './site-settings.js'

export function settingsRoutes({ db, clock, recordChange }: ResourceRouteDeps) {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/settings',
      access: { permission: 'settings.read' },
      tag: 'settings',
      summary: 'The site settings',
      handle: () => getSiteSettings(db),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/settings',
      access: { permission: 'settings.write' },
      tag: 'settings',
      summary: 'Change some settings; the others keep their values',
      body: SITE_SETTINGS_SCHEMA.partial().strict(),
      handle: async ({ body, request }) => {
        const settings = await updateSiteSettings(db, body, clock.now())
        await recordChange(request, {
          entity: 'settings',
          action: 'updated',
          id: 0,
          details: { keys: Object.keys(body) },
        })
        return settings
      },
    }),
  ]
}
