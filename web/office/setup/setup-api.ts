import type { Static } from 'typebox'
import type {
  SetupBody as SetupBodySchema,
  SetupDone as SetupDoneSchema,
  SetupStatus as SetupStatusSchema,
} from '../../../server/office/setup/schemas.ts'
import { postJson } from '../../ui/api.ts'
import { readQuery } from '../../ui/read-query.ts'

export type SetupBody = Static<typeof SetupBodySchema>
export type SetupDone = Static<typeof SetupDoneSchema>
export type SetupStatus = Static<typeof SetupStatusSchema>

export const setupStatusQuery = readQuery<SetupStatus>(
  ['office-setup', 'status'],
  '/api/office/setup',
)

export function submitSetup(body: SetupBody) {
  return postJson<SetupDone>('/api/office/setup', body)
}
