import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalFileStorage } from '../../platform/files/storage.ts'
import { provenType, readSentFile, withStoredFiles } from './attachments.ts'

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n')

describe('message attachments', () => {
  let root = ''
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'bitewing-attachments-'))
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  const storedFiles = async () =>
    readdir(path.join(root, 'practices/7/messages')).catch(() => [] as string[])

  it('proves the type from the bytes, whatever the name says', () => {
    expect(provenType(PDF)).toBe('application/pdf')
    expect(provenType(Buffer.from('<html>'))).toBeNull()
    // TIFF is a document type the sync API takes, not one a message carries.
    expect(provenType(Buffer.from([0x49, 0x49, 0x2a, 0x00]))).toBeNull()
    const read = readSentFile({
      fileName: '../../etc/passwd',
      contentBase64: PDF.toString('base64'),
    })
    expect(read).toMatchObject({ type: 'application/pdf', fileName: '_.._etc_passwd' })
  })

  it('removes the stored files again when the sending transaction fails', async () => {
    const files = new LocalFileStorage(root)
    const file = { bytes: PDF, type: 'application/pdf' as const, fileName: 'a.pdf' }
    await expect(
      withStoredFiles(files, 7, [file, file], async (stored) => {
        expect(stored).toHaveLength(2)
        expect(await storedFiles()).toHaveLength(2)
        throw new Error('the transaction rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(await storedFiles()).toEqual([])

    const kept = await withStoredFiles(files, 7, [file], async (stored) => stored)
    expect(await storedFiles()).toEqual([path.basename(kept[0]?.storageKey ?? '')])
  })
})
