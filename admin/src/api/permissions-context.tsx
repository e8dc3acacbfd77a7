import { createContext, useContext } from 'react'
import type { Permission } from './types.js'

/**
 * The permissions of the signed-in person's role, as the session answer lists them (the server's
 * access matrix, src/modules/access/permissions.ts). Screens ask these, never the role.
 */
const PermissionsContext = createContext<readonly Permission[]>([])

export const PermissionsProvider = PermissionsContext.Provider

/** The signed-in person's permissions. */
export function usePermissions(): readonly Permission[] {
  return useContext(PermissionsContext)
}
