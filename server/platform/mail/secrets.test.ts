import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createSecretBox, loadSecretKey } from './secrets.ts'

let dataDir: string
beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-secrets-'))
})
afterAll(async () => {
  await fs.rm(dataDir, { recursive: true, force: true })
})

it('seals a secret so that only the same key opens it', () => {
  const box = createSecretBox(randomBytes(32))
  const sealed = box.seal('48213957')
  expect(sealed).not.toContain('48213957')
  expect(box.seal('48213957')).not.toBe(sealed)
  expect(box.open(sealed)).toBe('48213957')
  expect(createSecretBox(randomBytes(32)).open(sealed)).toBeUndefined()
  // The first character of the ciphertext carries six whole bits (the last may hold only
  // padding bits, so changing it could leave the bytes as they were).
  const data = sealed.lastIndexOf('.') + 1
  const tampered = `${sealed.slice(0, data)}${sealed[data] === 'A' ? 'B' : 'A'}${sealed.slice(data + 1)}`
  expect(box.open(tampered)).toBeUndefined()
  expect(box.open('not sealed')).toBeUndefined()
})

it('makes the key once in the data folder, readable by its owner only, and keeps it', async () => {
  const [first, second] = await Promise.all([
    loadSecretKey(dataDir, undefined),
    loadSecretKey(dataDir, undefined),
  ])
  expect(first).toEqual(second)
  expect(await loadSecretKey(dataDir, undefined)).toEqual(first)
  expect((await fs.stat(path.join(dataDir, 'secret.key'))).mode & 0o777).toBe(0o600)
  expect(await fs.readdir(dataDir)).toEqual(['secret.key'])
  const fromEnv = await loadSecretKey(dataDir, 'an operator key of at least 32 characters')
  expect(fromEnv).toHaveLength(32)
  expect(fromEnv).not.toEqual(first)
})
