import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { LocalFileStorage } from './storage.ts'

let root: string
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-files-'))
})
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true })
})

it('stores, reads back and removes a file under nested keys', async () => {
  const storage = new LocalFileStorage(root)
  await storage.put('practices/1/statements/a.pdf', Buffer.from('%PDF-1.7'))
  expect(await storage.exists('practices/1/statements/a.pdf')).toBe(true)
  expect((await storage.get('practices/1/statements/a.pdf')).toString()).toBe('%PDF-1.7')
  await storage.remove('practices/1/statements/a.pdf')
  expect(await storage.exists('practices/1/statements/a.pdf')).toBe(false)
})

it('refuses keys that would leave the storage root', async () => {
  const storage = new LocalFileStorage(root)
  await expect(storage.put('../escape.txt', Buffer.from('x'))).rejects.toThrow(/escapes/)
  expect(() => storage.stream('../../etc/passwd')).toThrow(/escapes/)
})
