import { describe, expect, it } from 'vitest'
import { isPermanentRefusal } from './rules.ts'

describe('mail: a permanent refusal', () => {
  it('is a 5xx reply; a 4xx reply or a failed connection is worth retrying', () => {
    const reply = (responseCode: number) => Object.assign(new Error('refused'), { responseCode })
    expect(isPermanentRefusal(reply(550))).toBe(true)
    expect(isPermanentRefusal(reply(554))).toBe(true)
    expect(isPermanentRefusal(reply(451))).toBe(false)
    expect(isPermanentRefusal(reply(421))).toBe(false)
    expect(isPermanentRefusal(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(
      false,
    )
    expect(isPermanentRefusal('550 as text')).toBe(false)
  })
})
