import { describe, expect, it } from 'vitest'
import { newStaffErrors, type StatusChange, statusChangeProblem } from './rules.ts'

const change = (overrides: Partial<StatusChange> = {}): StatusChange => ({
  actorId: 1,
  target: { id: 2, role: 'front_desk', active: true },
  active: false,
  otherActiveAdmins: 1,
  ...overrides,
})

describe('staff status changes', () => {
  it('disables another staff member', () => {
    expect(statusChangeProblem(change())).toBeUndefined()
  })

  it('never lets an administrator disable themself', () => {
    expect(statusChangeProblem(change({ target: { id: 1, role: 'admin', active: true } }))).toBe(
      'You cannot disable your own account.',
    )
  })

  it('keeps the last active administrator', () => {
    const lastAdmin = change({
      target: { id: 2, role: 'admin', active: true },
      otherActiveAdmins: 0,
    })
    expect(statusChangeProblem(lastAdmin)).toMatch(/last active administrator/)
    expect(statusChangeProblem({ ...lastAdmin, otherActiveAdmins: 1 })).toBeUndefined()
  })

  it('always allows enabling, and disabling someone already disabled', () => {
    expect(statusChangeProblem(change({ active: true, otherActiveAdmins: 0 }))).toBeUndefined()
    const disabled = { id: 2, role: 'admin' as const, active: false }
    expect(statusChangeProblem(change({ target: disabled, otherActiveAdmins: 0 }))).toBeUndefined()
  })
})

describe('new staff members', () => {
  it('names what is wrong with the user name and display name', () => {
    expect(newStaffErrors({ username: 'ok.name', displayName: 'Ok' })).toEqual({})
    expect(Object.keys(newStaffErrors({ username: 'a b', displayName: ' ' }))).toEqual([
      'username',
      'displayName',
    ])
  })
})
