import type { Static } from 'typebox'
import type {
  SetupBody as SetupBodySchema,
  SetupDone as SetupDoneSchema,
  SetupStatus as SetupStatusSchema,
} from '../../../server/office/setup/schemas.ts'
import { getJson, postJson } from '../../ui/api.ts'

export type SetupBody = Static<typeof SetupBodySchema>
export type SetupDone = Static<typeof SetupDoneSchema>
export type SetupStatus = Static<typeof SetupStatusSchema>

export const SETUP_STATUS_KEY = ['office-setup', 'status'] as const

export function fetchSetupStatus(signal?: AbortSignal) {
  return getJson<SetupStatus>('/api/office/setup', signal)
}

export function submitSetup(body: SetupBody) {
  return postJson<SetupDone>('/api/office/setup', body)
}
