import type { StaffRole } from './office-api.ts'

/**
 * The console's pages and the roles that may open them, matching what the API allows, so the
 * navigation never offers a page that would refuse the person.
 */
export const CONSOLE_PAGES: readonly { path: string; label: string; roles: StaffRole[] }[] = [
  { path: '/access', label: 'Patient Portal Access', roles: ['admin', 'front_desk'] },
  { path: '/outgoing-email', label: 'Outgoing email', roles: ['admin'] },
  { path: '/settings', label: 'Portal Settings', roles: ['admin'] },
  // `staff.manage` and `sync-keys.manage`: administrators until the permission table says more.
  { path: '/staff', label: 'Staff', roles: ['admin'] },
  { path: '/sync-keys', label: 'Sync API keys', roles: ['admin'] },
]

export function pagesFor(role: StaffRole) {
  return CONSOLE_PAGES.filter((page) => page.roles.includes(role))
}
