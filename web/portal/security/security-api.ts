import type { Static } from 'typebox'
import type * as schemas from '../../../server/portal/security/schemas.ts'

export type AppEnrollment = Static<typeof schemas.AppEnrollment>
export type AppConfirmed = Static<typeof schemas.AppConfirmed>
export type RecoveryCodes = Static<typeof schemas.RecoveryCodes>
export type SecurityView = Static<typeof schemas.SecurityView>

export const SECURITY_KEY = ['portal', 'security'] as const

/** The QR code's SVG as an image address (the page's CSP allows data: images). */
export function svgImage(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/** The key in groups of four, easier to type from the screen into an app. */
export function groupedKey(key: string): string {
  return key.replace(/(.{4})/g, '$1 ').trim()
}
