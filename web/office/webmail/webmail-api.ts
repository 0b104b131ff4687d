import type { Static } from 'typebox'
import type {
  OfficeMessageView as MessageViewSchema,
  OfficeBoxView as OfficeBoxViewSchema,
  PatientChoice as PatientChoiceSchema,
} from '../../../server/office/webmail/schemas.ts'

export type OfficeBox = Static<typeof OfficeBoxViewSchema>
export type OfficeMessage = Static<typeof MessageViewSchema>
export type PatientChoices = Static<typeof PatientChoiceSchema>

export const WEBMAIL_API = '/api/office/webmail'
export const WEBMAIL_KEY = ['office', 'webmail'] as const

export interface Filters {
  box: 'inbox' | 'sent'
  /** '' every inbox, `office` the shared one, or a provider's id. */
  provider: string
  status: '' | 'unread' | 'read' | 'open' | 'handled'
}

export function boxAddress(filters: Filters, before: string) {
  const query = new URLSearchParams({ box: filters.box })
  if (filters.provider) query.set('provider', filters.provider)
  if (filters.status) query.set('status', filters.status)
  if (before) query.set('before', before)
  return `${WEBMAIL_API}?${query}`
}

/** A file as the API takes it: its name and its bytes in base64. */
export async function attachmentOf(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
  }
  return { fileName: file.name, contentBase64: btoa(binary) }
}
