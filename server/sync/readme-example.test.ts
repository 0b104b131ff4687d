import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, it } from 'vitest'
import {
  curlData,
  README_APPOINTMENT,
  README_PATIENT,
  README_STATEMENT,
  statementCurlData,
} from './readme-example.ts'

// The onboarding tests send these rows; the README must show the same commands.
it('shows in the README the PMS calls the onboarding tests make', async () => {
  const readme = await readFile(path.resolve(import.meta.dirname, '../../README.md'), 'utf8')
  const section = readme.split('## Feeding Bitewing from a practice-management system')[1] ?? ''
  for (const [collection, row, data] of [
    ['patients', README_PATIENT, curlData(README_PATIENT.body)],
    ['appointments', README_APPOINTMENT, curlData(README_APPOINTMENT.body)],
    ['statements', README_STATEMENT, statementCurlData()],
  ] as const) {
    expect(section).toContain(`curl -X PUT "$BITEWING/api/sync/v1/${collection}/${row.externalId}"`)
    expect(section).toContain(`  ${data}\n`)
  }
  expect(section).toContain('curl "$BITEWING/api/sync/v1/events"')
  expect(section).toContain('curl -X POST "$BITEWING/api/sync/v1/events/ack"')
})
