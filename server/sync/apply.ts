import type { Static } from 'typebox'
import { recordAudit } from '../platform/audit/audit.ts'
import type { Database } from '../platform/db/database.ts'
import type { FileStorage } from '../platform/files/storage.ts'
import { type FieldErrors, Invalid, Problem } from '../platform/http/problems.ts'
import { RowFailure, type SyncCollection, type SyncContext } from './collection.ts'
import { findCollection } from './collections/index.ts'
import { syncContext } from './context.ts'
import type { SyncKeyHolder } from './keys.ts'
import type { BatchOperation, BatchResult } from './schemas.ts'
import { fieldErrors, refuseInvalid } from './validate.ts'

/**
 * The sync API's writes, without HTTP: each runs in one transaction that also holds its audit
 * row (the key, the operation, the collection and counts; never a field's value).
 */
export interface SyncDeps {
  db: Database
  files: FileStorage
  portalUrl: string
}

export type Counts = Partial<
  Record<'created' | 'updated' | 'unchanged' | 'deleted' | 'absent', number>
>

export async function auditSyncCall(
  db: Database,
  caller: SyncKeyHolder,
  operation: string,
  details: { collection?: string; counts?: Counts; status?: number },
  outcome: 'success' | 'failure' = 'success',
) {
  await recordAudit(db, {
    practiceId: caller.practiceId,
    actor: { type: 'sync' },
    action: `sync.${operation}`,
    outcome,
    targetType: 'sync_api_key',
    targetId: caller.keyId,
    details: { keyId: caller.keyId, ...details },
  })
}

function transaction<T>(
  deps: SyncDeps,
  caller: SyncKeyHolder,
  work: (ctx: SyncContext) => Promise<T>,
) {
  return deps.db
    .transaction()
    .execute((trx) => work(syncContext(trx, caller.practiceId, deps.files, deps.portalUrl)))
}

/** PUT: the row as stored afterwards, and whether this call created, changed or left it. */
export async function putRow(
  deps: SyncDeps,
  caller: SyncKeyHolder,
  collection: SyncCollection,
  externalId: string,
  body: Static<SyncCollection['schema']>,
) {
  refuseInvalid(collection.schema, body)
  return transaction(deps, caller, async (ctx) => {
    const outcome = await atIndex(null, () => collection.upsert(ctx, externalId, body))
    const stored = await collection.read(ctx, externalId)
    await auditSyncCall(ctx.db, caller, 'put', {
      collection: collection.name,
      counts: { [outcome]: 1 },
    })
    return { outcome, stored }
  })
}

/** DELETE: 'absent' when there was nothing to delete, which a replay finds too. */
export async function deleteRow(
  deps: SyncDeps,
  caller: SyncKeyHolder,
  collection: SyncCollection,
  externalId: string,
) {
  return transaction(deps, caller, async (ctx) => {
    const outcome = (await atIndex(null, () => collection.remove(ctx, externalId)))
      ? 'deleted'
      : 'absent'
    await auditSyncCall(ctx.db, caller, 'delete', {
      collection: collection.name,
      counts: { [outcome]: 1 },
    })
    return outcome
  })
}

type Operation = Static<typeof BatchOperation>

/**
 * Up to 1,000 puts and deletes in order, in one transaction: all or nothing. Every operation is
 * checked before any is applied, so an invalid one at index 999 is refused at no cost; a failure
 * while applying (an unknown reference, a refused delete) rolls back the whole batch. Errors are
 * keyed `operations/{index}/{field}`.
 */
export async function applyBatch(deps: SyncDeps, caller: SyncKeyHolder, operations: Operation[]) {
  const planned = operations.map((operation, index) => plan(operation, index))
  const errors = Object.assign({}, ...planned.map((step) => step.errors)) as FieldErrors
  if (Object.keys(errors).length > 0) {
    throw new Invalid('Some operations are not valid; none was applied.', errors)
  }
  return transaction(deps, caller, async (ctx) => {
    const result: Static<typeof BatchResult> = {
      created: 0,
      updated: 0,
      unchanged: 0,
      deleted: 0,
      absent: 0,
      outcomes: [],
    }
    const record = (outcome: keyof Counts) => {
      result[outcome] += 1
      result.outcomes.push(outcome)
    }
    for (let index = 0; index < planned.length; ) {
      const { collection, operation } = planned[index] as (typeof planned)[number]
      const run = consecutivePuts(planned, index)
      const upsertMany = collection.upsertMany?.bind(collection)
      if (upsertMany && run.length > 1) {
        const rows = run.map((step) => ({
          externalId: step.operation.externalId,
          body: step.operation.body as never,
        }))
        const outcomes = await atIndex(index, () => upsertMany(ctx, rows))
        for (const outcome of outcomes) record(outcome)
        index += run.length
        continue
      }
      record(
        await atIndex(index, async () => {
          if (operation.op === 'delete') {
            return (await collection.remove(ctx, operation.externalId)) ? 'deleted' : 'absent'
          }
          return collection.upsert(ctx, operation.externalId, operation.body as never)
        }),
      )
      index += 1
    }
    const { outcomes: _, ...counts } = result
    await auditSyncCall(ctx.db, caller, 'batch', { counts })
    return result
  })
}

/** The puts into one collection that follow each other from `start`: written together. */
function consecutivePuts(planned: ReturnType<typeof plan>[], start: number) {
  const first = planned[start]
  let end = start
  while (
    end < planned.length &&
    planned[end]?.operation.op === 'put' &&
    planned[end]?.collection === first?.collection
  ) {
    end += 1
  }
  return planned.slice(start, end)
}

function plan(operation: Operation, index: number) {
  const collection = findCollection(operation.collection)
  const prefix = `operations/${index}/`
  if (!collection) {
    return {
      operation,
      collection: undefined as never,
      errors: { [`${prefix}collection`]: 'is not a collection of this API' },
    }
  }
  if (operation.op === 'put') {
    const errors =
      operation.body === undefined
        ? { [`${prefix}body`]: 'is required for put' }
        : fieldErrors(collection.schema, operation.body, prefix)
    return { operation, collection, errors: errors ?? {} }
  }
  return { operation, collection, errors: {} }
}

/**
 * Runs one operation, naming it in what it throws: a problem's field errors get the operation's
 * prefix, and a constraint the database refused becomes a 409 naming the operation (by its
 * constraint, never the values, which may be health information).
 */
async function atIndex<T>(index: number | null, work: () => Promise<T>): Promise<T> {
  const prefix = index === null ? '' : `operations/${index}/`
  try {
    return await work()
  } catch (thrown) {
    // A row of several written together: name the operation it came from.
    if (thrown instanceof RowFailure && index !== null) {
      return atIndex(index + thrown.position, () => Promise.reject(thrown.cause))
    }
    const error = thrown instanceof RowFailure ? thrown.cause : thrown
    if (error instanceof Problem) {
      if (index === null) throw error
      const errors: FieldErrors = {}
      for (const [field, message] of Object.entries(error.errors ?? {}))
        errors[prefix + field] = message
      if (!error.errors) errors[`operations/${index}`] = error.detail ?? error.title
      throw new Problem(
        error.status,
        error.type,
        error.title,
        `Operation ${index}: ${error.detail ?? error.title}`,
        errors,
      )
    }
    const refused = constraintProblem(error, index)
    if (refused) throw refused
    throw error
  }
}

const CONSTRAINT_ERRORS: Record<string, string> = {
  '23505': 'would duplicate another row',
  '23503': 'names or is named by another row',
  '23514': 'breaks a rule of the data',
  '23502': 'leaves a required value empty',
}

function constraintProblem(error: unknown, index: number | null) {
  const { code, constraint } = (error ?? {}) as { code?: string; constraint?: string }
  const what = code ? CONSTRAINT_ERRORS[code] : undefined
  if (!what) return undefined
  const detail = `${index === null ? 'The row' : `Operation ${index}`} ${what}${constraint ? ` (${constraint})` : ''}.`
  return new Problem(
    409,
    'constraint',
    'Refused by the data',
    detail,
    index === null ? undefined : { [`operations/${index}`]: detail },
  )
}
