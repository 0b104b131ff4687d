import type { Static } from 'typebox'
import type * as schemas from '../../../server/office/webmail/schemas.ts'

export type OfficeBox = Static<typeof schemas.OfficeBoxView>
export type OfficeMessage = Static<typeof schemas.OfficeMessageView>
export type PatientChoices = Static<typeof schemas.PatientChoice>

export const WEBMAIL_API = '/api/office/webmail'
export const WEBMAIL_KEY = ['office', 'webmail'] as const

export interface Filters {
  box: 'inbox' | 'sent'
  /** '' every inbox, `office` the shared one, or a provider's id. */
  provider: string
  status: '' | 'unread' | 'read' | 'open' | 'handled'
  /** '' anyone's, or `me`: those assigned to the staff member signed in. */
  assigned: '' | 'me'
  /** '' every patient, or one patient's id. */
  patientId: string
}

const STATUSES = ['unread', 'read', 'open', 'handled'] as const

/** The filters the page's address holds (so a reload keeps them); anything unknown is dropped. */
export function filtersFrom(params: URLSearchParams): Filters {
  const status = params.get('status') ?? ''
  const provider = params.get('provider') ?? ''
  const patientId = params.get('patient') ?? ''
  return {
    box: params.get('box') === 'sent' ? 'sent' : 'inbox',
    provider: provider === 'office' || /^[1-9][0-9]{0,15}$/.test(provider) ? provider : '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as Filters['status']) : '',
    assigned: params.get('assigned') === 'me' ? 'me' : '',
    patientId: /^[1-9][0-9]{0,15}$/.test(patientId) ? patientId : '',
  }
}

/** The page's address query for these filters: only the ones set. */
export function filtersQuery(filters: Filters) {
  const query = new URLSearchParams()
  if (filters.box !== 'inbox') query.set('box', filters.box)
  if (filters.provider) query.set('provider', filters.provider)
  if (filters.status) query.set('status', filters.status)
  if (filters.assigned) query.set('assigned', filters.assigned)
  if (filters.patientId) query.set('patient', filters.patientId)
  return query
}

export function boxAddress(filters: Filters, before: string) {
  const query = new URLSearchParams({ box: filters.box })
  if (filters.provider) query.set('provider', filters.provider)
  if (filters.status) query.set('status', filters.status)
  if (filters.assigned) query.set('assigned', filters.assigned)
  if (filters.patientId) query.set('patientId', filters.patientId)
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
