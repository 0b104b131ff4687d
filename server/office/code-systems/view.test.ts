import { describe, expect, it } from 'vitest'
import { presentCodeSystems } from './view.ts'

const imported = (system: string, staffName: string | null) => ({
  id: 1,
  system,
  version: '2026-01-31',
  code_count: 12,
  imported_at: new Date('2026-02-01T10:00:00Z'),
  staff_name: staffName,
})

describe('code systems status', () => {
  it('lists both systems, not ready until both are imported', () => {
    const shown = presentCodeSystems(new Map([['CVX', imported('CVX', null)]]))
    expect(shown).toEqual({
      ready: false,
      systems: [
        { system: 'SNOMEDCT', label: 'SNOMED CT', latest: null },
        {
          system: 'CVX',
          label: 'CVX (vaccines administered)',
          latest: {
            version: '2026-01-31',
            codeCount: 12,
            importedAt: '2026-02-01T10:00:00.000Z',
            importedBy: null,
          },
        },
      ],
    })
  })

  it('is ready once SNOMED CT and CVX are both imported', () => {
    const both = new Map([
      ['CVX', imported('CVX', 'Admin')],
      ['SNOMEDCT', imported('SNOMEDCT', 'Admin')],
    ])
    expect(presentCodeSystems(both).ready).toBe(true)
  })
})
