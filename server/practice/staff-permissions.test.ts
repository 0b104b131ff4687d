import { describe, expect, it } from 'vitest'
import { can, STAFF_PERMISSIONS, type StaffAction } from './staff-permissions.ts'

describe('staff permissions', () => {
  it('lets the front desk manage portal access and nothing administrative', () => {
    expect(can('front_desk', 'access.manage')).toBe(true)
    const adminOnly: StaffAction[] = [
      'outgoing-email.read',
      'settings.manage',
      'code-systems.manage',
      'staff.manage',
      'sync-keys.manage',
    ]
    for (const action of adminOnly) {
      expect([action, can('front_desk', action)]).toEqual([action, false])
      expect([action, can('admin', action)]).toEqual([action, true])
    }
  })

  it('gives providers WebMail only', () => {
    const actions = Object.keys(STAFF_PERMISSIONS) as StaffAction[]
    expect(actions.filter((action) => can('provider', action))).toEqual(['webmail.use'])
  })

  it('lets administrators do everything', () => {
    const actions = Object.keys(STAFF_PERMISSIONS) as StaffAction[]
    expect(actions.every((action) => can('admin', action))).toBe(true)
  })
})
