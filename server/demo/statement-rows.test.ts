import { describe, expect, it } from 'vitest'
import { statementRows } from './files.ts'

describe('the lines of a statement PDF', () => {
  const lines = [
    { date: '2026-10-05', description: 'Previous balance', amountCents: 4_000 },
    { date: '2026-10-20', description: 'Maria: D1110 Prophylaxis', amountCents: 12_500 },
    { date: '2026-11-05', description: 'Insurance payment', amountCents: -10_000 },
    { date: '2026-10-12', description: 'Payment - thank you', amountCents: -4_000 },
    { date: '2026-10-20', description: 'Maria: D0120 Periodic evaluation', amountCents: 6_500 },
  ]

  it('are in date order, a day’s lines kept in the order they were added', () => {
    expect(statementRows(lines).map((row) => row.description)).toEqual([
      'Previous balance',
      'Payment - thank you',
      'Maria: D1110 Prophylaxis',
      'Maria: D0120 Periodic evaluation',
      'Insurance payment',
    ])
  })

  it('write their dates in the reader’s locale, not ISO', () => {
    expect(statementRows(lines, 'en-CA')[1]).toEqual({
      date: '12/10/2026',
      description: 'Payment - thank you',
      amount: '-$40.00',
    })
    expect(statementRows(lines, 'en-US')[1]?.date).toBe('10/12/2026')
    expect(statementRows(lines, 'fr-CA')[1]?.date).toBe('2026-10-12')
    expect(statementRows(lines, 'es-MX')[1]?.date).toBe('12/10/2026')
  })
})
