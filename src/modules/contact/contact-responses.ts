import { z } from 'zod'
import { INSTANT } from '../../http/response-schemas.js'

/** A message sent with the public site's contact form, as the Admin API answers it. */
export const CONTACT_MESSAGE = z
  .object({
    id: z.number().int(),
    language: z.string(),
    name: z.string(),
    email: z.string(),
    subject: z.string(),
    message: z.string(),
    createdAt: INSTANT,
    readAt: INSTANT.nullable(),
  })
  .meta({ id: 'ContactMessage' })
