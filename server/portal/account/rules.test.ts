import { expect, it } from 'vitest'
import { accountHolderId, accountHolderName, mayViewAccount, statementBalance } from './rules.ts'

it("puts a family member's account on the guarantor", () => {
  expect(accountHolderId({ id: 7, guarantor_id: 3 })).toBe(3)
  expect(accountHolderId({ id: 3, guarantor_id: null })).toBe(3)
})

it('shows the account only to those who may see its guarantor', () => {
  expect(mayViewAccount(3, [3, 7, 8])).toBe(true)
  expect(mayViewAccount(3, [7])).toBe(false)
})

it('takes the balance from the latest statement, or none without statements', () => {
  expect(
    statementBalance([
      { statement_date: '2026-01-10', balance_cents: 12_000 },
      { statement_date: '2026-03-10', balance_cents: 4_550 },
      { statement_date: '2026-02-10', balance_cents: 9_900 },
    ]),
  ).toEqual({ cents: 4_550, statementDate: '2026-03-10' })
  expect(statementBalance([])).toBeNull()
})

it('names the account holder by their preferred name when they have one', () => {
  const maria = { first_name: 'Maria', last_name: 'Garcia', preferred_name: 'Mari' }
  expect(accountHolderName(maria)).toBe('Mari Garcia')
  expect(accountHolderName({ ...maria, preferred_name: null })).toBe('Maria Garcia')
})
