import { type Insertable, sql } from 'kysely'
import type { Database } from '../db/database.ts'
import type { AuditEventsTable } from '../db/schema.ts'
import { isDatabaseUnavailable } from '../db/unavailable.ts'

type AuditRow = Insertable<AuditEventsTable>

interface Pending {
  row: AuditRow
  stored: () => void
  failed: (error: unknown) => void
}

/** Rows per insert. */
const MAX_BATCH = 500

/**
 * Group commit for audit rows. Under load every patient read writes one; as separate inserts
 * each is a commit of its own, and those commits were most of a tab's cost. Here the rows of
 * requests that arrive together go in one insert, one at a time per database, and each caller
 * still waits until its own row is stored: a read is never answered before it is audited.
 */
export class AuditGroupCommit {
  #queue: Pending[] = []
  #running = false

  constructor(private readonly db: Database) {}

  write(row: AuditRow): Promise<void> {
    return new Promise((stored, failed) => {
      this.#queue.push({ row, stored, failed })
      if (!this.#running) {
        this.#running = true
        // The rest of this turn of the event loop may add rows to the same insert.
        setImmediate(() => void this.#drain())
      }
    })
  }

  async #drain() {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH)
      await this.#insert(batch)
    }
    this.#running = false
  }

  async #insert(batch: Pending[]) {
    try {
      await insertRows(
        this.db,
        batch.map((pending) => pending.row),
      )
      for (const pending of batch) pending.stored()
    } catch (error) {
      // Row by row would only meet the same closed door once per row.
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const pending of batch) pending.failed(error)
        return
      }
      // One bad row (a patient deleted a moment ago, say) must not fail its neighbours.
      for (const pending of batch) await this.#insert([pending])
    }
  }
}

/**
 * One statement text whatever the batch's size, the rows as one JSON parameter: PostgreSQL plans
 * it once per connection, and JSON.stringify (native) does the work a VALUES list of 11 bind
 * parameters per row cost in JavaScript.
 */
async function insertRows(db: Database, rows: AuditRow[]) {
  await sql`
    insert into audit_events (practice_id, actor_type, portal_user_id, staff_user_id, action,
      outcome, patient_id, target_type, target_id, ip, details)
    select practice_id, actor_type, portal_user_id, staff_user_id, action,
      coalesce(outcome, 'success'), patient_id, target_type, target_id, ip,
      coalesce(details, '{}')::jsonb
    from json_to_recordset(${JSON.stringify(rows)}::json) as row (practice_id bigint,
      actor_type actor_type, portal_user_id bigint, staff_user_id bigint, action text,
      outcome text, patient_id bigint, target_type text, target_id text, ip text, details text)
  `.execute(db)
}

const groupCommits = new WeakMap<Database, AuditGroupCommit>()

/** The group commit of one database handle (each app, and each test file, has its own). */
export function auditGroupCommit(db: Database): AuditGroupCommit {
  let found = groupCommits.get(db)
  if (!found) {
    found = new AuditGroupCommit(db)
    groupCommits.set(db, found)
  }
  return found
}
