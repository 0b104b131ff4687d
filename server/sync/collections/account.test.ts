import { describe, expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { payments, statements } from './account.ts'
import { MAX_FILE_BYTES } from './stored-files.ts'
import { useSyncedFamily } from './testing.ts'

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`)
const statement = (text: string, extra: object = {}) => ({
  patientExternalId: 'maria',
  statementDate: '2026-03-10',
  balanceCents: 12_345,
  status: 'Processed',
  pdf: pdf(text).toString('base64'),
  ...extra,
})

describeEachDatabase('sync collections: statements and payments', (kind) => {
  const family = useSyncedFamily(kind)

  const accountTab = async () =>
    (await family.portal(`${family.seeded.patients.maria}/account`)).json()
  const pdfOf = (statementId: number) =>
    family.portal(`${family.seeded.patients.maria}/statements/${statementId}/pdf`)
  const storedStatement = () =>
    family.db
      .selectFrom('statements')
      .select(['id', 'pdf_storage_key', 'pdf_sha256'])
      .where('external_id', '=', 'st-1')
      .executeTakeFirst()
  const queuedRemovals = async () =>
    (
      await family.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'files.remove')
        .where('status', '=', 'queued')
        .execute()
    ).length

  describe('statements', () => {
    it('creates the statement: the Account tab shows it and its PDF downloads', async () => {
      expect(await family.put(statements, 'st-1', statement('March'))).toBe('created')
      const stored = await storedStatement()
      const tab = await accountTab()
      expect(tab.statements[0]).toEqual({
        id: stored?.id,
        date: '2026-03-10',
        amountCents: 12_345,
        status: 'Processed',
        hasPdf: true,
      })
      expect(tab.balance).toEqual({ cents: 12_345, statementDate: '2026-03-10' })
      const download = await pdfOf(Number(stored?.id))
      expect(download.statusCode).toBe(200)
      expect(download.rawPayload).toEqual(pdf('March'))
    })

    it('writes nothing when the same statement comes again, PDF included', async () => {
      const before = await storedStatement()
      const version = await family.rowVersion('statements', 'st-1')
      const removals = await queuedRemovals()
      expect(await family.put(statements, 'st-1', statement('March'))).toBe('unchanged')
      expect(await storedStatement()).toEqual(before)
      expect(await family.rowVersion('statements', 'st-1')).toBe(version)
      expect(await queuedRemovals()).toBe(removals)
      // Read back as it was sent, the PDF too.
      expect(await family.read(statements, 'st-1')).toEqual({
        ...statement('March'),
        delivery: 'Email',
      })
    })

    it('keeps the stored PDF when only the balance changes', async () => {
      const before = await storedStatement()
      const changed = statement('March', { balanceCents: 10_000 })
      expect(await family.put(statements, 'st-1', changed)).toBe('updated')
      expect((await storedStatement())?.pdf_storage_key).toBe(before?.pdf_storage_key)
      expect((await accountTab()).statements[0].amountCents).toBe(10_000)
    })

    it('replaces a changed PDF and removes the old file once the change has committed', async () => {
      const before = await storedStatement()
      const oldKey = before?.pdf_storage_key as string
      const changed = statement('March, corrected', { balanceCents: 10_000 })
      expect(await family.put(statements, 'st-1', changed)).toBe('updated')
      const after = await storedStatement()
      expect(after?.pdf_storage_key).not.toBe(oldKey)
      expect((await pdfOf(Number(after?.id))).rawPayload).toEqual(pdf('March, corrected'))
      expect(await family.files.exists(oldKey)).toBe(true)
      await family.removeQueuedFiles()
      expect(await family.files.exists(oldKey)).toBe(false)
      expect(await family.files.exists(after?.pdf_storage_key as string)).toBe(true)
    })

    it('keeps the stored PDF when a replacement fails to commit', async () => {
      const before = await storedStatement()
      const failed = family.inTransaction(async (ctx) => {
        await statements.upsert(ctx, 'st-1', statement('never committed') as never)
        throw new Error('the batch failed further on')
      })
      await expect(failed).rejects.toThrow('the batch failed')
      await family.removeQueuedFiles()
      expect(await storedStatement()).toEqual(before)
      expect((await pdfOf(Number(before?.id))).rawPayload).toEqual(pdf('March, corrected'))
    })

    it('refuses a file that is not a PDF (422 naming the field), changing nothing', async () => {
      const before = await storedStatement()
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
      const html = Buffer.from('<html><script>alert(1)</script></html>')
      for (const bytes of [png, html]) {
        const refused = family.put(
          statements,
          'st-1',
          statement('x', { pdf: bytes.toString('base64') }),
        )
        await expect(refused).rejects.toMatchObject({
          status: 422,
          type: 'file-type-mismatch',
          errors: { pdf: expect.stringContaining('not application/pdf') },
        })
      }
      expect(await storedStatement()).toEqual(before)
    })

    it('refuses an unknown guarantor with 422 naming the field', async () => {
      const refused = family.put(
        statements,
        'st-2',
        statement('x', { patientExternalId: 'nobody' }),
      )
      await expect(refused).rejects.toMatchObject({
        status: 422,
        errors: { patientExternalId: expect.stringContaining('nobody') },
      })
      expect(await family.read(statements, 'st-2')).toBeNull()
    })

    it('leaves no row when the transaction fails after the file was written', async () => {
      const failed = family.inTransaction(async (ctx) => {
        await statements.upsert(ctx, 'st-3', statement('never') as never)
        throw new Error('the batch failed further on')
      })
      await expect(failed).rejects.toThrow('the batch failed')
      expect(await family.read(statements, 'st-3')).toBeNull()
      expect((await accountTab()).statements).toHaveLength(3)
    })
  })

  describe('over HTTP', () => {
    it('answers a PUT with the statement, PDF included, and GET and DELETE by external id', async () => {
      const sent = statement('April', { statementDate: '2026-04-10' })
      const put = await family.call('PUT', 'statements/st-http', sent)
      expect(put.statusCode).toBe(200)
      expect(put.headers['sync-outcome']).toBe('created')
      expect(put.json()).toEqual({ ...sent, delivery: 'Email' })
      const again = await family.call('PUT', 'statements/st-http', sent)
      expect(again.headers['sync-outcome']).toBe('unchanged')
      expect((await family.call('GET', 'statements/st-http')).json().pdf).toBe(sent.pdf)
      expect((await family.call('DELETE', 'statements/st-http')).statusCode).toBe(204)
      expect((await family.call('GET', 'statements/st-http')).statusCode).toBe(404)
    })

    it('refuses a wrong file with 422 and an oversized one with 413, as problem+json', async () => {
      const notPdf = statement('x', { pdf: Buffer.from('GIF89a').toString('base64') })
      const wrong = await family.call('PUT', 'statements/st-http', notPdf)
      expect(wrong.statusCode).toBe(422)
      expect(wrong.headers['content-type']).toContain('application/problem+json')
      expect(wrong.json().errors).toEqual({
        pdf: 'is a file of type image/gif, not application/pdf',
      })
      const big = Buffer.alloc(MAX_FILE_BYTES + 3, 0x20)
      big.write('%PDF-1.4\n')
      const oversize = await family.call(
        'PUT',
        'statements/st-http',
        statement('x', { pdf: big.toString('base64') }),
      )
      expect(oversize.statusCode).toBe(413)
      expect(oversize.json()).toMatchObject({ errors: { pdf: expect.stringContaining('over') } })
      expect((await family.call('GET', 'statements/st-http')).statusCode).toBe(404)
    })
  })

  describe('payments', () => {
    const payment = {
      patientExternalId: 'maria',
      statementExternalId: 'st-1',
      amountCents: 2_345,
      paidAt: '2026-03-12T16:00:00.000Z',
      method: 'Visa',
      status: 'Posted',
      cardBrand: 'Visa',
      cardLast4: '4242',
    }

    it('creates, replays unchanged, updates, and shows on the Account tab', async () => {
      expect(await family.put(payments, 'pay-1', payment)).toBe('created')
      expect(await family.put(payments, 'pay-1', payment)).toBe('unchanged')
      expect(await family.read(payments, 'pay-1')).toEqual(payment)
      expect(await family.put(payments, 'pay-1', { ...payment, status: 'Refunded' })).toBe(
        'updated',
      )
      expect((await accountTab()).payments[0]).toMatchObject({
        paidAt: payment.paidAt,
        amountCents: 2_345,
        method: 'Visa',
        status: 'Refunded',
        card: 'Visa ····4242',
      })
    })

    it('refuses an unknown statement with 422 naming the field', async () => {
      const refused = family.put(payments, 'pay-2', { ...payment, statementExternalId: 'st-9' })
      await expect(refused).rejects.toMatchObject({
        status: 422,
        errors: { statementExternalId: expect.any(String) },
      })
    })
  })

  describe('deleting', () => {
    it('hides a deleted statement and its PDF, keeps its payment, removes the file', async () => {
      const stored = await storedStatement()
      const key = stored?.pdf_storage_key as string
      expect(await family.remove(statements, 'st-1')).toBe(true)
      const tab = await accountTab()
      expect(tab.statements.map((s: { id: number }) => s.id)).not.toContain(stored?.id)
      expect(tab.balance).toEqual({ cents: 4_550, statementDate: '2026-02-10' })
      expect((await pdfOf(Number(stored?.id))).statusCode).toBe(404)
      expect(tab.payments[0]).toMatchObject({ amountCents: 2_345 })
      expect(await family.read(payments, 'pay-1')).not.toHaveProperty('statementExternalId')
      await family.removeQueuedFiles()
      expect(await family.files.exists(key)).toBe(false)
    })

    it('writes nothing when a delete comes again', async () => {
      const removals = await family.db.selectFrom('jobs').select('id').execute()
      expect(await family.remove(statements, 'st-1')).toBe(false)
      expect(await family.db.selectFrom('jobs').select('id').execute()).toEqual(removals)
    })

    it('hides a deleted payment', async () => {
      expect(await family.remove(payments, 'pay-1')).toBe(true)
      expect(
        (await accountTab()).payments.map((p: { amountCents: number }) => p.amountCents),
      ).toEqual([7_450])
      expect(await family.remove(payments, 'pay-1')).toBe(false)
    })
  })
})
