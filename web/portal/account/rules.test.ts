import { describe, expect, it } from 'vitest'
import { englishT } from '../../ui/i18n/testing.ts'
import portalEnglish from '../messages/en.json'
import { accountOwnerLine, paymentMethod, statementPdfPath } from './rules.ts'

const t = englishT(portalEnglish)
const holder = (isSelectedPatient: boolean) => ({ id: 1, name: 'Maria Garcia', isSelectedPatient })

describe('accountOwnerLine', () => {
  it('says nothing on the holder’s own account', () => {
    expect(accountOwnerLine({ holder: holder(true), visible: true }, t)).toBeNull()
  })

  it('names the family account for another member', () => {
    expect(accountOwnerLine({ holder: holder(false), visible: true }, t)).toBe(
      'Statements for the family account of Maria Garcia',
    )
  })

  it('explains a guarantor’s account the user may not see', () => {
    expect(accountOwnerLine({ holder: holder(false), visible: false }, t)).toMatch(
      /^This family account belongs to Maria Garcia, the guarantor/,
    )
  })
})

describe('statementPdfPath', () => {
  it('views inline or downloads', () => {
    expect(statementPdfPath(4, 9, false)).toBe('/api/portal/patients/4/statements/9/pdf')
    expect(statementPdfPath(4, 9, true)).toBe(
      '/api/portal/patients/4/statements/9/pdf?download=true',
    )
  })
})

describe('paymentMethod', () => {
  it('adds the card when there is one', () => {
    expect(paymentMethod({ method: 'Credit card', card: 'Visa ····4242' })).toBe(
      'Credit card (Visa ····4242)',
    )
    expect(paymentMethod({ method: 'Check', card: null })).toBe('Check')
  })
})
