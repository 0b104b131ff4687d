import { expect, it } from 'vitest'
import { hashPassword, verifyPassword } from './passwords.ts'

it('hashes with argon2id and verifies only the exact, case-sensitive password', async () => {
  const stored = await hashPassword('Bitewing-demo-1')
  expect(stored).toMatch(/^\$argon2id\$/)
  expect(stored).not.toContain('Bitewing-demo-1')
  expect(await verifyPassword(stored, 'Bitewing-demo-1')).toBe(true)
  expect(await verifyPassword(stored, 'bitewing-demo-1')).toBe(false)
  expect(await verifyPassword('not a hash', 'Bitewing-demo-1')).toBe(false)
})
