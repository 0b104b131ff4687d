import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { documents, imageCategories } from './images.ts'
import { queuePatientFilesRemoval } from './patient-files.ts'
import { MAX_FILE_BYTES } from './stored-files.ts'
import { useSyncedFamily } from './testing.ts'

const xray = (shade: number) =>
  sharp({
    create: { width: 320, height: 200, channels: 3, background: { r: shade, g: shade, b: shade } },
  })
    .png()
    .toBuffer()

describeEachDatabase('sync collections: image categories and documents', (kind) => {
  const family = useSyncedFamily(kind)
  let png: Buffer
  beforeAll(async () => {
    png = await xray(60)
  })

  const sofia = () => family.seeded.patients.sofia
  const imagesTab = async () => (await family.portal(`${sofia()}/documents`)).json()
  const shown = async () =>
    (await imagesTab()).documents.map((document: { description: string }) => document.description)
  const storedDocument = (externalId: string) =>
    family.db
      .selectFrom('documents')
      .select(['id', 'storage_key', 'thumbnail_storage_key', 'sha256', 'size_bytes'])
      .where('external_id', '=', externalId)
      .executeTakeFirst()
  const document = (file: Buffer, extra: object = {}) => ({
    patientExternalId: 'sofia',
    categoryExternalId: 'cat-xrays',
    description: 'Bitewing - left (synced)',
    fileName: 'bitewing-left.png',
    contentType: 'image/png',
    takenAt: '2026-04-01T15:00:00.000Z',
    file: file.toString('base64'),
    ...extra,
  })
  const category = { name: 'Synced X-rays', showInPortal: true, sortOrder: 2 }

  describe('image categories', () => {
    it('creates, replays unchanged and updates a category', async () => {
      expect(await family.put(imageCategories, 'cat-xrays', category)).toBe('created')
      expect(await family.put(imageCategories, 'cat-xrays', category)).toBe('unchanged')
      expect(await family.read(imageCategories, 'cat-xrays')).toEqual(category)
      expect(
        await family.put(imageCategories, 'cat-forms', { name: 'Forms', showInPortal: false }),
      ).toBe('created')
    })
  })

  describe('documents', () => {
    it('creates an image the Images tab shows, with its preview and its bytes', async () => {
      expect(await family.put(documents, 'doc-1', document(png))).toBe('created')
      const stored = await storedDocument('doc-1')
      expect(stored).toMatchObject({
        size_bytes: png.length,
        thumbnail_storage_key: expect.any(String),
      })
      const listed = (await imagesTab()).documents.find(
        (item: { id: number }) => item.id === stored?.id,
      )
      expect(listed).toEqual({
        id: stored?.id,
        takenAt: '2026-04-01T15:00:00.000Z',
        category: 'Synced X-rays',
        description: 'Bitewing - left (synced)',
        kind: 'image',
        hasThumbnail: true,
      })
      const view = await family.portal(`${sofia()}/documents/${stored?.id}/view`)
      expect(view.headers['content-type']).toBe('image/png')
      expect(view.rawPayload).toEqual(png)
      const preview = await family.portal(`${sofia()}/documents/${stored?.id}/thumbnail`)
      expect(preview.headers['content-type']).toBe('image/jpeg')
      expect((await sharp(preview.rawPayload).metadata()).width).toBe(240)
    })

    it('writes nothing when the same document comes again', async () => {
      const before = await storedDocument('doc-1')
      const version = await family.rowVersion('documents', 'doc-1')
      expect(await family.put(documents, 'doc-1', document(png))).toBe('unchanged')
      expect(await storedDocument('doc-1')).toEqual(before)
      expect(await family.rowVersion('documents', 'doc-1')).toBe(version)
      expect(await family.read(documents, 'doc-1')).toEqual(document(png))
    })

    it('stores a PDF without a preview', async () => {
      const letter = Buffer.from('%PDF-1.4\n% referral letter\n%%EOF\n')
      const sent = document(letter, {
        description: 'Referral letter',
        fileName: 'referral.pdf',
        contentType: 'application/pdf',
      })
      expect(await family.put(documents, 'doc-pdf', sent)).toBe('created')
      expect(await storedDocument('doc-pdf')).toMatchObject({ thumbnail_storage_key: null })
      const listed = (await imagesTab()).documents.find(
        (item: { description: string }) => item.description === 'Referral letter',
      )
      expect(listed).toMatchObject({ kind: 'pdf', hasThumbnail: false })
    })

    it('replaces changed bytes with a new file and preview, removing the old ones after commit', async () => {
      const before = await storedDocument('doc-1')
      const darker = await xray(20)
      expect(await family.put(documents, 'doc-1', document(darker))).toBe('updated')
      const after = await storedDocument('doc-1')
      expect(after?.id).toBe(before?.id)
      expect(after?.storage_key).not.toBe(before?.storage_key)
      expect(after?.thumbnail_storage_key).not.toBe(before?.thumbnail_storage_key)
      const view = await family.portal(`${sofia()}/documents/${after?.id}/view`)
      expect(view.rawPayload).toEqual(darker)
      await family.removeQueuedFiles()
      expect(await family.files.exists(before?.storage_key as string)).toBe(false)
      expect(await family.files.exists(before?.thumbnail_storage_key as string)).toBe(false)
      expect(await family.files.exists(after?.storage_key as string)).toBe(true)
      png = darker
    })

    it('refuses bytes that are not the declared type (422 naming the field)', async () => {
      const html = Buffer.from('<html><script>alert(1)</script></html>')
      for (const [bytes, contentType] of [
        [png, 'image/jpeg'],
        [html, 'image/png'],
        [Buffer.from('%PDF-1.4\n'), 'image/png'],
      ] as const) {
        const refused = family.put(documents, 'doc-bad', document(bytes, { contentType }))
        await expect(refused).rejects.toMatchObject({
          status: 422,
          type: 'file-type-mismatch',
          errors: { file: expect.stringContaining(`not ${contentType}`) },
        })
      }
      expect(await storedDocument('doc-bad')).toBeUndefined()
    })

    it('refuses an image that cannot be decoded, storing nothing', async () => {
      const broken = Buffer.concat([png.subarray(0, 16), Buffer.alloc(64, 7)])
      const refused = family.put(documents, 'doc-broken', document(broken))
      await expect(refused).rejects.toMatchObject({
        status: 422,
        errors: { file: expect.any(String) },
      })
      expect(await storedDocument('doc-broken')).toBeUndefined()
    })

    it('refuses a file over the size limit with 413', async () => {
      const big = Buffer.alloc(MAX_FILE_BYTES + 1)
      png.copy(big)
      const refused = family.put(documents, 'doc-big', document(big))
      await expect(refused).rejects.toMatchObject({
        status: 413,
        errors: { file: expect.any(String) },
      })
    })

    it('refuses an unknown category or patient with 422 naming the field', async () => {
      for (const field of ['categoryExternalId', 'patientExternalId']) {
        const refused = family.put(documents, 'doc-2', document(png, { [field]: 'nope' }))
        await expect(refused).rejects.toMatchObject({
          status: 422,
          errors: { [field]: expect.any(String) },
        })
      }
    })

    it('leaves a file other rows share alone when a row that used it changes or goes', async () => {
      // The demo's way: many documents on one stored file, adopted by the PMS by external id.
      const { sofiaEarlier, mateo } = family.seeded.documents
      await family.db
        .updateTable('documents')
        .set({ external_id: 'doc-shared' })
        .where('id', '=', sofiaEarlier)
        .execute()
      const categoryOf = { categoryExternalId: 'cat-forms' }
      expect(await family.put(documents, 'doc-shared', document(png, categoryOf))).toBe('updated')
      expect(await family.remove(documents, 'doc-shared')).toBe(true)
      await family.removeQueuedFiles()
      expect(await family.files.exists('documents/xray.png')).toBe(true)
      const mateos = `${family.seeded.patients.mateo}/documents/${mateo}/view`
      expect((await family.portal(mateos)).statusCode).toBe(200)
    })

    it('leaves no document when its batch fails further on', async () => {
      const document3 = document(png, { description: 'Never shown' })
      const problem = { patientExternalId: 'nobody', description: 'Caries' }
      const batch = await family.call('POST', 'batch', {
        operations: [
          { op: 'put', collection: 'documents', externalId: 'doc-batch', body: document3 },
          { op: 'put', collection: 'problems', externalId: 'pr-batch', body: problem },
        ],
      })
      expect(batch.statusCode).toBe(422)
      expect(batch.json().errors).toHaveProperty(['operations/1/patientExternalId'])
      expect((await family.call('GET', 'documents/doc-batch')).statusCode).toBe(404)
      expect(await shown()).not.toContain('Never shown')
    })

    it("follows the category's portal flag", async () => {
      await family.put(imageCategories, 'cat-xrays', { ...category, showInPortal: false })
      expect(await shown()).not.toContain('Bitewing - left (synced)')
      await family.put(imageCategories, 'cat-xrays', category)
      expect(await shown()).toContain('Bitewing - left (synced)')
    })
  })

  describe('deleting', () => {
    it('hides a deleted document and removes its files', async () => {
      const stored = await storedDocument('doc-pdf')
      expect(await family.remove(documents, 'doc-pdf')).toBe(true)
      expect(await shown()).not.toContain('Referral letter')
      expect((await family.portal(`${sofia()}/documents/${stored?.id}/view`)).statusCode).toBe(404)
      await family.removeQueuedFiles()
      expect(await family.files.exists(stored?.storage_key as string)).toBe(false)
      expect(await family.remove(documents, 'doc-pdf')).toBe(false)
    })

    it("takes a deleted category's documents with it, files too", async () => {
      const stored = await storedDocument('doc-1')
      expect(await family.remove(imageCategories, 'cat-xrays')).toBe(true)
      expect(await shown()).not.toContain('Bitewing - left (synced)')
      expect(await family.read(documents, 'doc-1')).toBeNull()
      await family.removeQueuedFiles()
      expect(await family.files.exists(stored?.storage_key as string)).toBe(false)
      expect(await family.files.exists(stored?.thumbnail_storage_key as string)).toBe(false)
      expect(await family.remove(imageCategories, 'cat-xrays')).toBe(false)
      const refused = family.put(documents, 'doc-1', document(png))
      await expect(refused).rejects.toMatchObject({
        status: 422,
        errors: { categoryExternalId: expect.any(String) },
      })
    })

    it("removes a deleted patient's own files, not the ones others share", async () => {
      await family.put(imageCategories, 'cat-2', category)
      await family.put(documents, 'doc-3', document(png, { categoryExternalId: 'cat-2' }))
      const stored = await storedDocument('doc-3')
      await family.inTransaction(async (ctx) => {
        await queuePatientFilesRemoval(ctx, sofia())
        await ctx.db.deleteFrom('patients').where('id', '=', sofia()).execute()
      })
      await family.removeQueuedFiles()
      expect(await family.files.exists(stored?.storage_key as string)).toBe(false)
      expect(await family.files.exists(stored?.thumbnail_storage_key as string)).toBe(false)
      expect(await family.files.exists('documents/xray.png')).toBe(true)
    })
  })
})
