import { can, type StaffAction } from '../../server/practice/staff-permissions.ts'
import type { StaffRole } from './office-api.ts'

/**
 * The console's pages and the action each needs, from the same permissions table the API's guard
 * reads, so the navigation never offers a page that would refuse the person.
 */
export const CONSOLE_PAGES: readonly { path: string; label: string; action: StaffAction }[] = [
  { path: '/access', label: 'Patient Portal Access', action: 'access.manage' },
  { path: '/webmail', label: 'WebMail', action: 'webmail.use' },
  { path: '/payments', label: 'Online payments', action: 'payments.manage' },
  { path: '/outgoing-email', label: 'Outgoing email', action: 'outgoing-email.read' },
  { path: '/settings', label: 'Portal Settings', action: 'settings.manage' },
  { path: '/staff', label: 'Staff', action: 'staff.manage' },
  { path: '/sync-keys', label: 'Sync API keys', action: 'sync-keys.manage' },
  { path: '/audit-log', label: 'Audit log', action: 'audit.read' },
]

export function pagesFor(role: StaffRole) {
  return CONSOLE_PAGES.filter((page) => can(role, page.action))
}
