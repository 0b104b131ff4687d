import type { OfficeGuard } from '../platform/auth/office-guard.ts'
import type { StaffRole } from '../platform/db/schema.ts'

/**
 * Which staff roles may do what in the office console: one table read by the API's guard and by
 * the console's pages, so the navigation never offers what the server would refuse. Providers
 * have no console pages yet.
 */
export const STAFF_PERMISSIONS = {
  /** Patient Portal Access: search, give, reset, unlock, print, email, remove. */
  'access.manage': ['admin', 'front_desk'],
  /** Outgoing email: the list names patients, so reading it is audited. */
  'outgoing-email.read': ['admin'],
  'settings.manage': ['admin'],
  'code-systems.manage': ['admin'],
  /** The Staff page: accounts, roles, deactivation. */
  'staff.manage': ['admin'],
  /** The Sync API keys page: creating and revoking the PMS's keys. */
  'sync-keys.manage': ['admin'],
  /** The Audit log page and its CSV export: every reading is itself audited. */
  'audit.read': ['admin'],
  /** WebMail: reading and answering patients' messages, writing to patients. */
  'webmail.use': ['admin', 'front_desk', 'provider'],
  /** Online payments: the payments to post, their receipts, and refunds (with a reason). */
  'payments.manage': ['admin', 'front_desk'],
} as const satisfies Record<string, readonly StaffRole[]>

export type StaffAction = keyof typeof STAFF_PERMISSIONS

export function can(role: StaffRole, action: StaffAction): boolean {
  return (STAFF_PERMISSIONS[action] as readonly StaffRole[]).includes(role)
}

/** The office guard speaking this table's actions: `guard.staff(request, 'access.manage')`. */
export type StaffGuard = OfficeGuard<StaffAction>
