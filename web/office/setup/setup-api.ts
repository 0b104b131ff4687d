import type { Static } from 'typebox'
import type * as schemas from '../../../server/office/setup/schemas.ts'
import { postJson } from '../../ui/api.ts'
import { readQuery } from '../../ui/read-query.ts'

export type SetupBody = Static<typeof schemas.SetupBody>
export type SetupDone = Static<typeof schemas.SetupDone>
export type SetupStatus = Static<typeof schemas.SetupStatus>

export const setupStatusQuery = readQuery<SetupStatus>(
  ['office-setup', 'status'],
  '/api/office/setup',
)

export function submitSetup(body: SetupBody) {
  return postJson<SetupDone>('/api/office/setup', body)
}
