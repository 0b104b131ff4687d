import { describe, expect, it } from 'vitest'
import { accountView, hiddenAccountView } from './view.ts'

const context = {
  currency: 'CAD',
  holderId: 4,
  holderName: 'Maria Garcia',
  isSelectedPatient: false,
}

describe('accountView', () => {
  it('shows the latest statement’s balance, the statements and the payments', () => {
    const { view } = accountView(
      {
        statements: [
          {
            id: 1,
            statement_date: '2026-01-05',
            balance_cents: 9000,
            status: 'Processed',
            pdf_storage_key: 'a.pdf',
          },
          {
            id: 2,
            statement_date: '2026-02-05',
            balance_cents: 4500,
            status: 'Processed',
            pdf_storage_key: null,
          },
        ],
        payments: [
          {
            id: 3,
            paid_at: new Date('2026-01-20T12:00:00Z'),
            amount_cents: 4500,
            method: 'Card',
            status: 'Posted',
            note: null,
            card_brand: 'Visa',
            card_last4: '4242',
          },
          {
            id: 4,
            paid_at: new Date('2026-01-21T12:00:00Z'),
            amount_cents: 100,
            method: 'Cash',
            status: 'Posted',
            note: 'At the desk',
            card_brand: null,
            card_last4: null,
          },
        ],
      },
      context,
    )
    expect(view.holder).toEqual({ id: 4, name: 'Maria Garcia', isSelectedPatient: false })
    expect(view.balance).toEqual({ cents: 4500, statementDate: '2026-02-05' })
    expect(view.statements.map((statement) => statement.hasPdf)).toEqual([true, false])
    expect(view.payments.map((payment) => payment.card)).toEqual(['Visa ····4242', null])
    expect(view.payments[0]?.paidAt).toBe('2026-01-20T12:00:00.000Z')
  })

  it('shows nothing of an account the user does not represent but whose it is', () => {
    expect(hiddenAccountView(context)).toEqual({
      holder: { id: 4, name: 'Maria Garcia', isSelectedPatient: false },
      visible: false,
      currency: 'CAD',
      balance: null,
      statements: [],
      payments: [],
    })
  })
})
