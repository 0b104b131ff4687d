import { describe, expect, it } from 'vitest'
import { newPasswordErrors, newPasswordProblem } from './password-policy.ts'

describe('new password policy', () => {
  it('refuses passwords shorter than 8 characters', () => {
    expect(newPasswordProblem('Ab3$x9!')).toMatch(/at least 8/)
    expect(newPasswordProblem('correcthorse')).toBeUndefined()
  })

  it('refuses common passwords from the shipped list, whatever their case', () => {
    expect(newPasswordProblem('password1')).toMatch(/too common/)
    expect(newPasswordProblem('PassWord1')).toMatch(/too common/)
    expect(newPasswordProblem('12345678')).toMatch(/too common/)
  })

  it('has no composition rules: a long lower-case passphrase is fine', () => {
    expect(newPasswordProblem('maple syrup on tuesday')).toBeUndefined()
  })

  it('refuses the user name as password and absurdly long ones', () => {
    expect(newPasswordProblem('Maria.Garcia', { username: 'maria.garcia' })).toMatch(/user name/)
    expect(newPasswordProblem('x'.repeat(129))).toMatch(/at most/)
  })

  it('reports a mismatch on the second field', () => {
    expect(newPasswordErrors('maple syrup 1', 'maple syrup 2')).toEqual({
      newPasswordAgain: 'The two passwords are not the same.',
    })
    expect(newPasswordErrors('maple syrup 1', 'maple syrup 1')).toEqual({})
  })
})
