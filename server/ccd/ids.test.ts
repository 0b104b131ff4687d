import { describe, expect, it } from 'vitest'
import { stableUuid } from './ids.ts'

describe('stableUuid', () => {
  it('is a version 5, RFC 9562 variant UUID', () => {
    expect(stableUuid('practice', '1')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
  })

  it('is the same for the same name and differs otherwise', () => {
    expect(stableUuid('practice', '1')).toBe(stableUuid('practice', '1'))
    expect(stableUuid('practice', '1')).not.toBe(stableUuid('practice', '2'))
    // Parts are separated, so ('ab', 'c') and ('a', 'bc') are different names.
    expect(stableUuid('ab', 'c')).not.toBe(stableUuid('a', 'bc'))
  })
})
