import type { SignInStage } from '../../server/platform/auth/access-rules.ts'
import type { MessageId, Translate } from '../ui/i18n/i18n.tsx'

/**
 * Pure decisions about the signed-in portal: where each sign-in stage leads, how family members
 * are named, and when the idle time-out warns and ends the session. No React, no fetch, so the
 * unit tests run without a browser.
 */

/** The stages as the server decides them (a type only: nothing of the server is bundled). */
export type { SignInStage }

export interface FamilyMemberName {
  firstName: string
  lastName: string
  preferredName: string | null
  status: string
}

/** The page each sign-in stage belongs on. */
export function pathForStage(stage: SignInStage): string {
  switch (stage) {
    case 'second-factor':
      return '/second-factor'
    case 'second-factor-setup':
      return '/second-factor-setup'
    case 'change-password':
      return '/first-sign-in'
    case 'verify':
      return '/verify'
    case 'ready':
      return '/home'
  }
}

/** Where a new session goes: back to the page it was sent from once it is ready, else its step. */
export function pathAfterSignIn(stage: SignInStage, returnTo?: string): string {
  return (stage === 'ready' && returnTo) || pathForStage(stage)
}

/** The address of a patient's pages in the signed-in portal. */
export function patientPath(patientId: number): string {
  return `/patients/${patientId}`
}

/** Reads `:patientId` from the address; undefined for anything but a positive whole number. */
export function parsePatientId(value: string | undefined): number | undefined {
  if (value === undefined || !/^[1-9]\d{0,14}$/.test(value)) return undefined
  return Number(value)
}

/**
 * Where a signed-in user goes back to after signing in again: only a patient page (or one of its
 * tabs) or home, and
 * only on this site, so a crafted link cannot send anyone elsewhere.
 */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  return /^\/(home|patients\/[1-9]\d{0,14}(\/[a-z]{1,20})?)$/.test(value) ? value : undefined
}

/** The name people use: the preferred name when there is one, then the last name. */
export function displayName(member: FamilyMemberName): string {
  const first = member.preferredName?.trim() || member.firstName
  return `${first} ${member.lastName}`.trim()
}

/** "Archived", "Inactive"… shown beside a name; nothing for an ordinary patient. */
export function statusNote(member: FamilyMemberName): string | undefined {
  const status = member.status.trim()
  return status === '' || status === 'Patient' ? undefined : status
}

/** The warning appears this long before the idle time-out. */
export const IDLE_WARNING_MS = 60_000

/**
 * When the session ends on this browser's clock. The server says when (`expiresAt`) by its
 * clock; the response's `Date` header tells how far apart the two clocks are. The header has
 * whole seconds only, so a second is taken off to never run past the server's deadline.
 */
export function localDeadline(
  expiresAt: string,
  serverDate: string | null | undefined,
  receivedAt: number,
): number {
  const expires = Date.parse(expiresAt)
  if (Number.isNaN(expires)) return receivedAt
  const server = serverDate ? Date.parse(serverDate) : Number.NaN
  if (Number.isNaN(server)) return expires
  return receivedAt + (expires - server) - 1000
}

export type IdlePhase = 'active' | 'warning' | 'expired'

export function idlePhase(deadline: number, now: number): IdlePhase {
  if (now >= deadline) return 'expired'
  if (now >= deadline - IDLE_WARNING_MS) return 'warning'
  return 'active'
}

/** Whole seconds left, rounded up, never below zero: 60, 59, … 1, 0. */
export function secondsLeft(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000))
}

/**
 * A sentence for the sign-in page, kept as a catalog id (and its values) until it is shown, so
 * it is said in the language of the page that shows it.
 */
export type Notice =
  | { id: MessageId; values?: Record<string, string | number> }
  /** The server's own sentence, already in the request's language. */
  | { text: string }

export function noticeText(notice: Notice, t: Translate): string {
  return 'text' in notice ? notice.text : t(notice.id, notice.values)
}

export const SIGNED_OUT: Notice = { id: 'session.signedOut' }
export const SESSION_ENDED: Notice = { id: 'session.ended' }

/** The sentence shown on the sign-in page after the idle time-out signed someone out. */
export function idleSignOutMessage(minutes: number): Notice {
  return { id: 'session.idleSignedOut', values: { minutes } }
}

/** The browser's local calendar date as YYYY-MM-DD (a date input's `max` for birthdates). */
export function localCalendarDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
