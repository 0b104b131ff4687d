import type { Static } from 'typebox'
import type {
  IssuedCredentials as IssuedCredentialsSchema,
  PatientWithAccess as PatientWithAccessSchema,
} from '../../server/office/access/schemas.ts'
import type { OutgoingEmailView } from '../../server/office/outgoing-email/schemas.ts'
import type { StaffSessionView } from '../../server/office/signin/schemas.ts'
import { ApiError, getJson, postJson, readProblem } from '../ui/api.ts'

/** The signed-in staff member, as `GET /api/office/session` describes them. */
export type StaffSession = Static<typeof StaffSessionView>
export type StaffRole = StaffSession['role']
export type PatientWithAccess = Static<typeof PatientWithAccessSchema>
/** A user name and one-time password, shown once; the server keeps only a hash. */
export type IssuedCredentials = Static<typeof IssuedCredentialsSchema>
export type OutgoingEmail = Static<typeof OutgoingEmailView>

export const SESSION_KEY = ['office', 'session'] as const
export const PATIENTS_KEY = ['office', 'patients'] as const
export const OUTGOING_EMAILS_KEY = ['office', 'outgoing-emails'] as const

export const patientAccessKey = (patientId: number) =>
  ['office', 'patient-access', patientId] as const

export function fetchSession(signal?: AbortSignal) {
  return getJson<StaffSession>('/api/office/session', signal)
}

export function endOfficeSession() {
  return send<undefined>('DELETE', '/api/office/session')
}

export interface PatientCriteria {
  name: string
  /** `YYYY-MM-DD`, or empty. */
  birthdate: string
}

export function searchPatients(criteria: PatientCriteria, signal?: AbortSignal) {
  const body = {
    ...(criteria.name.trim() ? { name: criteria.name.trim() } : {}),
    ...(criteria.birthdate ? { birthdate: criteria.birthdate } : {}),
  }
  return postJson<PatientWithAccess[]>('/api/office/patients/search', body, signal)
}

const accessPath = (patientId: number) => `/api/office/patients/${patientId}/access`

export function fetchPatientAccess(patientId: number, signal?: AbortSignal) {
  return getJson<PatientWithAccess>(accessPath(patientId), signal)
}

export function provideAccess(patientId: number, username: string) {
  const wanted = username.trim()
  return postJson<IssuedCredentials>(accessPath(patientId), wanted ? { username: wanted } : {})
}

export function resetPassword(patientId: number) {
  return postJson<IssuedCredentials>(`${accessPath(patientId)}/reset`, {})
}

/** Lifts the lock three misses at "verify personal information" put on the account. */
export function unlockVerification(patientId: number) {
  return postJson<PatientWithAccess>(`${accessPath(patientId)}/unlock`, {})
}

/** Removes the patient's authenticator app and recovery codes (a lost phone); they are emailed. */
export function resetSecondFactor(patientId: number) {
  return postJson<PatientWithAccess>(`${accessPath(patientId)}/second-factor-reset`, {})
}

export function removeAccess(patientId: number) {
  return send<undefined>('DELETE', accessPath(patientId))
}

/** The access letter as a PDF, for the one-time password just issued. */
export async function accessLetter(patientId: number, oneTimePassword: string): Promise<Blob> {
  const response = await fetchOrUnreachable(`${accessPath(patientId)}/letter`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/pdf' },
    body: JSON.stringify({ oneTimePassword }),
  })
  if (!response.ok) throw new ApiError(await readProblem(response))
  return response.blob()
}

export function emailInvitation(patientId: number, oneTimePassword: string) {
  return postJson<{ message: string }>(`${accessPath(patientId)}/invitation`, { oneTimePassword })
}

export function fetchOutgoingEmails(signal?: AbortSignal) {
  return getJson<OutgoingEmail[]>('/api/office/outgoing-emails?limit=50', signal)
}

/** A request without a JSON body to send (DELETE); `undefined` for 204 No Content. */
async function send<T>(method: string, path: string): Promise<T> {
  const response = await fetchOrUnreachable(path, {
    method,
    headers: { Accept: 'application/json, application/problem+json' },
  })
  if (!response.ok) throw new ApiError(await readProblem(response))
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

async function fetchOrUnreachable(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, credentials: 'same-origin' })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError({
      type: 'network',
      title: 'No connection',
      status: 0,
      detail: 'The server could not be reached. Check your connection and try again.',
    })
  }
}
