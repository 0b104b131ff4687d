import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCcd } from './build.ts'
import { variedCareSummaryInputs } from './testing.ts'
import { validateCcd, validateCcds } from './validate.ts'

// Official HL7 examples, kept in the repository so CI checks the validator against them too.
const EXAMPLES = path.resolve(import.meta.dirname, 'testdata')

describe('validateCcd', () => {
  it('accepts every generated document against the CDA R2 + SDTC schema', async () => {
    const inputs = variedCareSummaryInputs()
    const results = await validateCcds(inputs.map(({ input }) => buildCcd(input)))
    const failures = results.flatMap((result, index) =>
      result.valid ? [] : [`${inputs[index]?.name}: ${result.errors.slice(0, 3).join('; ')}`],
    )
    expect(failures).toEqual([])
    expect(results).toHaveLength(inputs.length)
  })

  it('reports schema errors with their line', async () => {
    const xml = buildCcd(variedCareSummaryInputs()[0]?.input as never).replace(
      '<realmCode code="US"/>',
      '<realmCode code="US"/><bogus/>',
    )
    const result = await validateCcd(xml)
    expect(result.valid).toBe(false)
    expect(result.errors.join('\n')).toMatch(/line \d+: .*bogus/)
  })

  it('tells which document of a batch fails', async () => {
    const [good, other] = variedCareSummaryInputs().map(({ input }) => buildCcd(input))
    const bad = (good as string).replace('<realmCode code="US"/>', '<realmCode code="US"/><bogus/>')
    const results = await validateCcds([good as string, bad, other as string])
    expect(results.map((result) => result.valid)).toEqual([true, false, true])
    expect(results[1]?.errors.join('\n')).toMatch(/bogus/)
  })

  it('accepts the official C-CDA examples', async () => {
    const files = fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.xml'))
    expect(files).toHaveLength(3)
    const results = await validateCcds(
      files.map((name) => fs.readFileSync(path.join(EXAMPLES, name), 'utf8')),
    )
    expect(results.map((result) => result.errors)).toEqual(files.map(() => []))
  })
})
