import { describe, expect, it } from 'vitest'
import { documentTitle } from './document-title.ts'

describe('documentTitle', () => {
  it('joins the parts with an en dash', () => {
    expect(documentTitle(['Sign in', 'Maple Grove Dental'])).toBe('Sign in – Maple Grove Dental')
  })

  it('leaves out parts not known yet', () => {
    expect(documentTitle(['Sign in', undefined])).toBe('Sign in')
    expect(documentTitle(['Sign in', ' '])).toBe('Sign in')
  })
})
