import type { Static } from 'typebox'
import type {
  AppConfirmed as AppConfirmedSchema,
  AppEnrollment as AppEnrollmentSchema,
  RecoveryCodes as RecoveryCodesSchema,
  SecurityView as SecurityViewSchema,
} from '../../../server/portal/security/schemas.ts'

export type AppEnrollment = Static<typeof AppEnrollmentSchema>
export type AppConfirmed = Static<typeof AppConfirmedSchema>
export type RecoveryCodes = Static<typeof RecoveryCodesSchema>
export type SecurityView = Static<typeof SecurityViewSchema>

export const SECURITY_KEY = ['portal', 'security'] as const

/** The QR code's SVG as an image address (the page's CSP allows data: images). */
export function svgImage(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** The key in groups of four, easier to type from the screen into an app. */
export function groupedKey(key: string): string {
  return key.replace(/(.{4})/g, '$1 ').trim()
}
