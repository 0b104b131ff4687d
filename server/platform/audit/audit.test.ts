import { sql } from 'kysely'
import { beforeAll, expect, it } from 'vitest'
import { seedPatient, seedPractice } from '../../testing/fixtures.ts'
import { useTestDatabase } from '../../testing/suite.ts'
import { describeEachDatabase } from '../db/testing.ts'
import { type AuditEvent, recordAudit } from './audit.ts'

describeEachDatabase('the audit log', (kind) => {
  const suite = useTestDatabase(kind)
  let practiceId = 0
  let patientId = 0

  beforeAll(async () => {
    practiceId = await seedPractice(suite.db)
    patientId = await seedPatient(suite.db, {
      practiceId,
      first_name: 'Ann',
      last_name: 'Lee',
    })
  })

  const read = (action: string, patient = patientId): AuditEvent => ({
    practiceId,
    actor: { type: 'system' },
    action,
    patientId: patient,
  })

  /** How many transactions wrote the rows of these actions (rows of one insert share an xmin). */
  async function transactionsOf(action: string) {
    const result = await sql<{ rows: number; transactions: number }>`
      select count(*)::int as rows, count(distinct xmin::text)::int as transactions
      from audit_events where action = ${action}`.execute(suite.db)
    return result.rows[0]
  }

  it('stores every event of requests that arrive together, in far fewer inserts', async () => {
    await Promise.all(Array.from({ length: 200 }, () => recordAudit(suite.db, read('many'))))
    const written = await transactionsOf('many')
    expect(written?.rows).toBe(200)
    expect(written?.transactions).toBeLessThan(10)
  })

  it('stores each field of events written together exactly as given', async () => {
    const full: AuditEvent = {
      practiceId,
      actor: { type: 'anonymous' },
      action: 'exact.fields',
      outcome: 'failure',
      patientId,
      targetType: 'statement',
      targetId: 42,
      ip: '2001:db8::1',
      details: { reason: 'quote " backslash \\ comma, brace } – ünïcode', count: 3 },
    }
    const bare: AuditEvent = { practiceId: null, actor: { type: 'sync' }, action: 'exact.fields' }
    await Promise.all([recordAudit(suite.db, full), recordAudit(suite.db, bare)])
    const rows = await suite.db
      .selectFrom('audit_events')
      .select(['practice_id', 'actor_type', 'outcome', 'patient_id', 'target_type'])
      .select(['target_id', 'ip', 'details', 'portal_user_id', 'staff_user_id'])
      .where('action', '=', 'exact.fields')
      .orderBy('id')
      .execute()
    expect(rows).toEqual([
      {
        practice_id: practiceId,
        actor_type: 'anonymous',
        outcome: 'failure',
        patient_id: patientId,
        target_type: 'statement',
        target_id: '42',
        ip: '2001:db8::1',
        details: full.details,
        portal_user_id: null,
        staff_user_id: null,
      },
      {
        practice_id: null,
        actor_type: 'sync',
        outcome: 'success',
        patient_id: null,
        target_type: null,
        target_id: null,
        ip: null,
        details: {},
        portal_user_id: null,
        staff_user_id: null,
      },
    ])
  })

  it('stores events that arrive while earlier inserts are still committing, each before it resolves', async () => {
    const waves: Promise<number | undefined>[] = []
    for (let wave = 0; wave < 6; wave++) {
      for (let i = 0; i < 30; i++) {
        const action = `wave-${wave}-${i}`
        waves.push(
          recordAudit(suite.db, read(action)).then(
            async () => (await transactionsOf(action))?.rows,
          ),
        )
      }
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await Promise.all(waves)).toEqual(waves.map(() => 1))
  })

  it('resolves only once the event is stored', async () => {
    await recordAudit(suite.db, read('stored-before-resolve'))
    expect((await transactionsOf('stored-before-resolve'))?.rows).toBe(1)
  })

  it('fails only the event that cannot be stored, never its neighbours', async () => {
    const results = await Promise.allSettled([
      recordAudit(suite.db, read('neighbour')),
      // An outcome the table's check refuses: written alone, it fails alone.
      recordAudit(suite.db, { ...read('neighbour'), outcome: 'unknown' as never }),
      recordAudit(suite.db, read('neighbour')),
    ])
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((await transactionsOf('neighbour'))?.rows).toBe(2)
  })

  it('keeps an event as recorded when the patient it names is deleted later', async () => {
    const gone = await seedPatient(suite.db, {
      practiceId,
      first_name: 'Gone',
      last_name: 'Soon',
    })
    await recordAudit(suite.db, read('history', gone))
    await suite.db.deleteFrom('patients').where('id', '=', gone).execute()
    const kept = await suite.db
      .selectFrom('audit_events')
      .select('patient_id')
      .where('action', '=', 'history')
      .execute()
    expect(kept).toEqual([{ patient_id: gone }])
  })

  it('writes inside a transaction with it, so a rollback takes the event too', async () => {
    await expect(
      suite.db.transaction().execute(async (trx) => {
        await recordAudit(trx, read('rolled-back'))
        throw new Error('half-way failure')
      }),
    ).rejects.toThrow('half-way failure')
    expect((await transactionsOf('rolled-back'))?.rows).toBe(0)
  })
})
