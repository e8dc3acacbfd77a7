import { z } from 'zod'
import { TEXT_BY_LANGUAGE } from '../../http/response-schemas.js'

/** A source as the Admin API answers it. */
export const SOURCE_VIEW = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: TEXT_BY_LANGUAGE,
    url: z.string().nullable(),
  })
  .meta({ id: 'Source', description: 'A news agency or other source' })
