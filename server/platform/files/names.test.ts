import { describe, expect, it } from 'vitest'
import { safeFileName } from './names.ts'

describe('safeFileName', () => {
  it('makes file names safe for a header', () => {
    expect(safeFileName('x-ray "bitewing".jpg', 'document')).toBe('x-ray _bitewing_.jpg')
    expect(safeFileName('..', 'document')).toBe('document')
  })
})
