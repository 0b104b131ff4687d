import { describe, expect, it } from 'vitest'
import { receiptEmail } from './receipt.ts'
import {
  ABSENT_IS_FINAL_AFTER_MS,
  absentChargeIsFinal,
  amountProblem,
  defaultAmount,
  parseProcessorKey,
  processorKey,
  sameAttempt,
} from './rules.ts'

describe('online payment rules', () => {
  const MAXIMUM = 500_000

  it.each([1, MAXIMUM])('takes %d cents when at most the maximum', (cents) => {
    expect(amountProblem(cents, MAXIMUM)).toBeUndefined()
  })

  it.each([
    { cents: 500_001, problem: /at most 5000\.00/ },
    { cents: 0, problem: /above zero/ },
    { cents: -5, problem: /above zero/ },
    { cents: 10.5, problem: /above zero/ },
  ])('refuses $cents cents: $problem', ({ cents, problem }) => {
    expect(amountProblem(cents, MAXIMUM)).toMatch(problem)
  })

  it('starts at the statement balance when it can be paid as it is', () => {
    expect(defaultAmount(4_550, MAXIMUM)).toBe(4_550)
  })

  it.each([null, 0, -1_000, 600_000])('starts at no amount for a balance of %s', (balance) => {
    expect(defaultAmount(balance, MAXIMUM)).toBeNull()
  })

  it('treats a key sent again with another amount or account as another payment', () => {
    const stored = { patientId: 1, amountCents: 100 }
    expect(sameAttempt(stored, { patientId: 1, amountCents: 100 })).toBe(true)
    expect(sameAttempt(stored, { patientId: 1, amountCents: 101 })).toBe(false)
    expect(sameAttempt(stored, { patientId: 2, amountCents: 100 })).toBe(false)
  })

  it('writes a receipt with the payment only', () => {
    const email = receiptEmail({
      practiceName: 'Maple Grove Dental',
      timeZone: 'America/Chicago',
      amountCents: 4_550,
      currency: 'CAD',
      paidAt: new Date('2026-02-12T16:30:00Z'),
      card: { brand: 'Visa', last4: '4242' },
      receiptNumber: 17,
    })
    expect(email.subject).toBe('Payment receipt from Maple Grove Dental')
    expect(email.text).toContain('Amount: $45.50')
    expect(email.text).toContain('Date: February 12, 2026 at 10:30 AM')
    expect(email.text).toContain('Card: Visa ending in 4242')
    expect(email.text).toContain('Receipt number: 17')
  })

  it('writes the receipt in the account holder’s language', () => {
    const email = receiptEmail(
      {
        practiceName: 'Maple Grove Dental',
        timeZone: 'America/Chicago',
        amountCents: 4_550,
        currency: 'MXN',
        paidAt: new Date('2026-02-12T16:30:00Z'),
        card: { brand: 'Visa', last4: '4242' },
        receiptNumber: 17,
      },
      'es',
    )
    expect(email.subject).toBe('Recibo de pago de Maple Grove Dental')
    expect(email.text).toContain('Gracias por su pago a Maple Grove Dental.')
    expect(email.text).toContain('Cantidad: $45.50')
    expect(email.text).toContain('Fecha: 12 de febrero de 2026')
    expect(email.text).toContain('Tarjeta: Visa terminada en 4242')
    expect(email.text).toContain('Número de recibo: 17')
    expect(email.text).not.toMatch(/Thank you|Amount|ending in/)
  })
})

describe('a charge the processor cannot find', () => {
  const made = new Date('2026-12-03T10:00:00Z')
  it('is only a maybe while the processor may still be indexing it', () => {
    expect(absentChargeIsFinal(made, new Date(made.getTime() + 60_000))).toBe(false)
    expect(absentChargeIsFinal(made, new Date(made.getTime() + ABSENT_IS_FINAL_AFTER_MS - 1))).toBe(
      false,
    )
  })
  it('means nothing was taken once that time has passed', () => {
    expect(absentChargeIsFinal(made, new Date(made.getTime() + ABSENT_IS_FINAL_AFTER_MS))).toBe(
      true,
    )
  })
})

describe("a charge's key at the processor", () => {
  it('differs between practices for the same page key, and names both back', () => {
    expect(processorKey(3, 'abc12345')).not.toBe(processorKey(4, 'abc12345'))
    expect(parseProcessorKey(processorKey(3, 'abc12345'))).toEqual({
      practiceId: 3,
      key: 'abc12345',
    })
  })
  it('names nothing for a key it did not make', () => {
    expect(parseProcessorKey('abc12345')).toBeNull()
    expect(parseProcessorKey('p0-abc')).toBeNull()
  })
})
