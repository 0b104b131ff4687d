import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../config.ts'
import { startLoopbackS3 } from '../../testing/s3.ts'
import { openFileStorage } from './open.ts'
import { S3FileStorage } from './s3.ts'
import { type FileStorage, LocalFileStorage } from './storage.ts'

type Loopback = Awaited<ReturnType<typeof startLoopbackS3>>

let s3: Loopback
let root: string
beforeAll(async () => {
  s3 = await startLoopbackS3()
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-files-'))
})
afterAll(async () => {
  await s3?.close()
  await fs.rm(root, { recursive: true, force: true })
})

// The same behaviour whichever storage is configured: callers never know where files live.
const STORAGES: [string, () => FileStorage][] = [
  ['local folder', () => new LocalFileStorage(root)],
  ['S3-compatible bucket', () => new S3FileStorage(s3.location('practice-files'))],
]

for (const [name, open] of STORAGES) {
  describe(`file storage: ${name}`, () => {
    it('stores, reads back, streams and removes a file under nested keys', async () => {
      const storage = open()
      await storage.put('practices/1/statements/a.pdf', Buffer.from('%PDF-1.7'))
      expect(await storage.exists('practices/1/statements/a.pdf')).toBe(true)
      expect((await storage.get('practices/1/statements/a.pdf')).toString()).toBe('%PDF-1.7')
      expect(await text(storage.stream('practices/1/statements/a.pdf'))).toBe('%PDF-1.7')
      await storage.remove('practices/1/statements/a.pdf')
      expect(await storage.exists('practices/1/statements/a.pdf')).toBe(false)
    })

    it('replaces a file written again under the same key, bytes unchanged', async () => {
      const storage = open()
      const bytes = Uint8Array.from({ length: 256 }, (_, index) => index)
      await storage.put('documents/replaced.bin', Buffer.from('first'))
      await storage.put('documents/replaced.bin', bytes)
      expect(new Uint8Array(await storage.get('documents/replaced.bin'))).toEqual(bytes)
    })

    it('fails to read a missing file as a missing file (ENOENT), and removes one harmlessly', async () => {
      const storage = open()
      expect(await storage.exists('documents/never.png')).toBe(false)
      await expect(storage.get('documents/never.png')).rejects.toMatchObject({ code: 'ENOENT' })
      await expect(text(storage.stream('documents/never.png'))).rejects.toMatchObject({
        code: 'ENOENT',
      })
      await expect(storage.remove('documents/never.png')).resolves.toBeUndefined()
    })

    it('refuses keys that would leave the storage root', async () => {
      const storage = open()
      await expect(storage.put('../escape.txt', Buffer.from('x'))).rejects.toThrow(/escapes/)
      await expect(storage.get('documents/../../escape.txt')).rejects.toThrow(/escapes/)
      expect(() => storage.stream('../../etc/passwd')).toThrow(/escapes/)
    })
  })
}

describe('file storage: configuration', () => {
  it('keeps files in the data folder unless FILES_URL names a bucket', async () => {
    const config = loadConfig({ DATA_DIR: root })
    expect(config.files).toEqual({ kind: 'folder' })
    const storage = await openFileStorage(config.files, config.dataDir)
    await storage.put('a/b.txt', Buffer.from('kept'))
    expect(await fs.readFile(path.join(root, 'files/a/b.txt'), 'utf8')).toBe('kept')
  })

  it('stores in the bucket and prefix of FILES_URL, at the endpoint AWS_ENDPOINT_URL names', async () => {
    const config = loadConfig(s3.env('instance-files/'))
    expect(config.files).toMatchObject({ kind: 's3', bucket: 'bitewing', prefix: 'instance-files' })
    const storage = await openFileStorage(config.files, config.dataDir)
    await storage.put('a/b.txt', Buffer.from('shared'))
    // Seen under the prefix by any other client of the bucket, as another instance would.
    const other = new S3FileStorage(s3.location('instance-files'))
    expect((await other.get('a/b.txt')).toString()).toBe('shared')
    expect(await new S3FileStorage(s3.location('')).exists('instance-files/a/b.txt')).toBe(true)
  })

  it('refuses a FILES_URL that is not s3://bucket/prefix, and half a pair of AWS keys', () => {
    expect(() => loadConfig({ FILES_URL: '/srv/files' })).toThrow(/FILES_URL must be s3:/)
    expect(() => loadConfig({ FILES_URL: 's3://' })).toThrow(/FILES_URL/)
    expect(() => loadConfig({ FILES_URL: 's3://bucket', AWS_ACCESS_KEY_ID: 'x' })).toThrow(
      /AWS_SECRET_ACCESS_KEY/,
    )
  })
})
