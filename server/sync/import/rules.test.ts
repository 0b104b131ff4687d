import { expect, it } from 'vitest'
import { isBlankLine, parseImportLine, progressBar, refusedOperations } from './rules.ts'

it('reads an upsert or a delete from a line, and says what is wrong with any other', () => {
  const put = { op: 'put', collection: 'patients', externalId: 'P1', body: { firstName: 'A' } }
  expect(parseImportLine(JSON.stringify(put))).toEqual(put)
  expect(parseImportLine('{"op":"delete","collection":"patients","externalId":"P1"}')).toEqual({
    op: 'delete',
    collection: 'patients',
    externalId: 'P1',
  })
  const problems = [
    ['{oops', 'not valid JSON'],
    ['[1]', 'not a JSON object'],
    ['{"op":"upsert","collection":"patients","externalId":"P1"}', '"op"'],
    ['{"op":"put","externalId":"P1","body":{}}', '"collection"'],
    ['{"op":"put","collection":"patients","externalId":7,"body":{}}', '"externalId"'],
    ['{"op":"put","collection":"patients","externalId":"P1"}', '"body"'],
  ]
  for (const [line, problem] of problems) {
    expect(parseImportLine(line ?? '')).toEqual({ problem: expect.stringContaining(problem ?? '') })
  }
  expect(isBlankLine('  ')).toBe(true)
  expect(isBlankLine('# exported 2026-03-01')).toBe(true)
  expect(isBlankLine('{}')).toBe(false)
})

it('finds the refused operations in a problem’s field errors, by index', () => {
  const refused = refusedOperations({
    'operations/3/birthdate': 'Must be a date.',
    '/operations/3/status': 'Unknown status.',
    'operations/12': 'Unknown collection.',
    cursor: 'not an operation',
  })
  expect([...refused]).toEqual([
    [3, 'birthdate: Must be a date.; status: Unknown status.'],
    [12, 'Unknown collection.'],
  ])
  expect(refusedOperations(undefined).size).toBe(0)
})

it('draws the progress bar', () => {
  expect(progressBar(0, 10, 10)).toBe('[..........]   0 %')
  expect(progressBar(5, 10, 10)).toBe('[#####.....]  50 %')
  expect(progressBar(10, 10, 10)).toBe('[##########] 100 %')
  expect(progressBar(0, 0, 10)).toBe('[##########] 100 %')
})
