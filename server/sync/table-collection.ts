import { type RawBuilder, sql } from 'kysely'
import type { Static, TObject } from 'typebox'
import {
  RowFailure,
  type SyncCollection,
  type SyncContext,
  type UpsertOutcome,
} from './collection.ts'
import { COLLECTION_TABLES, type ReferableCollection, UnknownReference } from './refs.ts'

type FieldOf<S extends TObject> = keyof Static<S> & string

/**
 * Body fields → columns. A list names fields stored in the column of the same name in snake_case
 * (`balanceCents` → `balance_cents`); a map is for the fields whose column is named otherwise.
 */
export type FieldColumns<F extends string> = readonly F[] | Partial<Record<F, string>>

export function columnMap(columns: FieldColumns<string>): Record<string, string> {
  if (!Array.isArray(columns)) return columns as Record<string, string>
  return Object.fromEntries(
    columns.map((field) => [field, field.replace(/[A-Z]/g, (c: string) => `_${c.toLowerCase()}`)]),
  )
}

/** A reference field: the collection it names by external id, and the column holding its row id. */
export type Reference = readonly [ReferableCollection, string]

/**
 * Rows that belong to the collection's row and come with it in the body as an array (an
 * appointment's procedures, a plan's rows, a patient's representatives). Replaced as a whole,
 * and only when they differ from what is stored, so a replay writes nothing.
 */
export interface ChildRows {
  /** The body's array field, e.g. `procedures`. */
  field: string
  table: string
  /** The child's column holding the parent's id. */
  parentColumn: string
  /** Each child row's camelCase field → column. */
  columns: FieldColumns<string>
  /** Each child row's reference fields, resolved like the parent's. */
  references?: Record<string, Reference>
  /**
   * What a column holds when the body leaves its field out (the column's default), so an
   * omitted field compares equal to the stored row on a replay.
   */
  defaults?: Record<string, unknown>
  /** A column numbered 0, 1, 2… in the body's order; without it rows are kept in id order. */
  orderColumn?: string
  /** Values every child row gets that the body does not carry. */
  fixed?: Record<string, unknown>
  /** Columns read back through an expression, so they compare equal to what was sent. */
  readAs?: ReadAs
}

/** A column read back in the shape the API sends it, e.g. a time as `HH:MM`. */
export type ReadAs = Record<string, (column: RawBuilder<unknown>) => RawBuilder<unknown>>

/** `time` columns as the `HH:MM` the API takes. */
export const asHourMinute = (column: RawBuilder<unknown>) => sql`to_char(${column}, 'HH24:MI')`

export interface TableCollectionSpec<S extends TObject> {
  name: string
  table: string
  schema: S
  example: Static<S>
  /** The body's plain fields and their columns. An omitted field writes the column's default. */
  columns: FieldColumns<FieldOf<S>>
  /** Reference fields: `{ guarantorExternalId: ['patients', 'guarantor_id'] }`. */
  references?: Partial<Record<FieldOf<S>, Reference>>
  children?: ChildRows[]
  /** Columns read back through an expression (see ChildRows.readAs). */
  readAs?: ReadAs
  /** Columns set to now() whenever the row changes (`updated_at`); never compared. */
  touch?: string[]
  /**
   * Hide rather than delete (clinics, providers: past visits still name them): DELETE sets this
   * boolean column, GET and DELETE then find nothing, and the next PUT shows the row again.
   */
  hiddenColumn?: string
  /** Replaces the plain delete (given the row's id, which exists), e.g. to remove its files too. */
  remove?: (ctx: SyncContext, id: number) => Promise<void>
  /**
   * Runs before DELETE removes or hides the row (given its id): refuses while other rows still
   * depend on it, or clears what only mentions it.
   */
  beforeRemove?: (ctx: SyncContext, id: number) => Promise<void>
  /**
   * Turns the body into the values written, before references are resolved (e.g. a default
   * looked up elsewhere). Must give the same values for the same body, or replays would write.
   */
  prepare?: (ctx: SyncContext, externalId: string, body: Static<S>) => Promise<Static<S>>
}

/**
 * A collection declared as a table and a field map. Upserts in one statement, `insert … on
 * conflict (practice_id, external_id) do update … where (stored) is distinct from (sent)`: a
 * replay matches no row, so nothing is written, no trigger sees a changed row and no kept read
 * is dropped.
 */
export function tableCollection<S extends TObject>(
  spec: TableCollectionSpec<S>,
): SyncCollection<S> {
  const plain = Object.entries(columnMap(spec.columns))
  const references = Object.entries((spec.references ?? {}) as Record<string, Reference>)
  // Child field lists become maps once, not once per child row written or compared.
  const children = (spec.children ?? []).map((child) => ({
    ...child,
    columns: columnMap(child.columns),
  }))

  const hidden = spec.hiddenColumn
  /** Only rows the PMS has not deleted (hidden rows are deleted as far as the API goes). */
  const shown = (alias: string) => (hidden ? sql`and not ${sql.ref(`${alias}.${hidden}`)}` : sql``)

  async function idOf(ctx: SyncContext, externalId: string, visibleOnly = false) {
    const { rows } = await sql<{ id: number }>`
      select t.id from ${sql.table(spec.table)} t
      where t.practice_id = ${ctx.practiceId} and t.external_id = ${externalId}
      ${visibleOnly ? shown('t') : sql``}`.execute(ctx.db)
    return rows[0] ? Number(rows[0].id) : null
  }

  /** The columns every upsert writes, in order: plain fields, the hidden flag, references. */
  const written = [
    ...plain.map(([, column]) => column),
    ...(hidden ? [hidden] : []),
    ...references.map(([, [, column]]) => column),
  ]

  /**
   * One row's plain values for `written`, and the external ids its references name (resolved
   * with the rest of its statement's rows by `lookUpReferences`).
   */
  async function rowOf(ctx: SyncContext, externalId: string, sent: Static<S>) {
    const body = (spec.prepare ? await spec.prepare(ctx, externalId, sent) : sent) as Record<
      string,
      unknown
    >
    const values = plain.map(([field]) => valueOrDefault(body[field]))
    // Sending a deleted (hidden) row again shows it again.
    if (hidden) values.push(FALSE)
    const targets = references.map(([field]) => body[field] as string | null | undefined)
    // A row naming another row of this collection must be written after it; a row naming itself
    // (a family head is their own guarantor) is written pointing nowhere, then at itself.
    const dependsOn = references.flatMap(([field, [collection]]) => {
      const target = body[field] as string | null | undefined
      return collection === spec.name && target != null && target !== externalId ? [target] : []
    })
    return { externalId, body, values, targets, dependsOn }
  }
  type Row = Awaited<ReturnType<typeof rowOf>>

  const stored = sql.join(written.map((column) => sql`t.${sql.ref(column)}`))
  const excluded = sql.join(written.map((column) => sql`excluded.${sql.ref(column)}`))
  const assignments = sql.join([
    ...written.map((column) => sql`${sql.ref(column)} = excluded.${sql.ref(column)}`),
    ...(spec.touch ?? []).map((column) => sql`${sql.ref(column)} = now()`),
  ])
  // Row constructors need two members; a one-column collection compares the bare column.
  const compared =
    written.length > 1
      ? sql`(${stored}) is distinct from (${excluded})`
      : sql`${stored} is distinct from ${excluded}`

  /**
   * Writes rows in one statement (their triggers fire once): those that differ from what is
   * stored come back, with `xmax = 0` for the new ones; the rest were left as they were.
   */
  async function writeRows(ctx: SyncContext, rows: Row[], positions: number[]) {
    const found = await lookUpReferences(
      ctx,
      rows.flatMap((row) =>
        references.map(([, [collection]], index) => [collection, row.targets[index]] as const),
      ),
    )
    const selfReferences = rows.map((row) =>
      references.flatMap(([, [collection, column]], index) =>
        collection === spec.name && row.targets[index] === row.externalId ? [column] : [],
      ),
    )
    const tuples = rows.map((row, index) => {
      const resolvedIds = references.map(([field, reference], at) =>
        referenceValue(found, reference, row.targets[at], {
          position: positions[index] ?? 0,
          field,
          // Its own row, not yet written: null now, pointed at itself below.
          selfReference: reference[0] === spec.name && row.targets[at] === row.externalId,
        }),
      )
      return sql`(${ctx.practiceId}, ${row.externalId}, ${sql.join([...row.values, ...resolvedIds])})`
    })
    const { rows: changed } = await atRow(
      null,
      sql<{ id: number; external_id: string; created: boolean }>`
      insert into ${sql.table(spec.table)} as t
        (practice_id, external_id, ${sql.join(written.map((column) => sql.ref(column)))})
      values ${sql.join(tuples)}
      on conflict (practice_id, external_id) do update set ${assignments}
      where ${compared}
      returning t.id, t.external_id, (t.xmax::text = '0') as created`.execute(ctx.db),
    )
    const ids = new Map(changed.map((row) => [row.external_id, Number(row.id)]))
    const created = new Set(changed.filter((row) => row.created).map((row) => row.external_id))
    const unchanged = rows.map((row) => row.externalId).filter((id) => !ids.has(id))
    if (children.length > 0 && unchanged.length > 0) {
      const { rows: found } = await sql<{ id: number; external_id: string }>`
        select id, external_id from ${sql.table(spec.table)}
        where practice_id = ${ctx.practiceId} and external_id = any(${unchanged})`.execute(ctx.db)
      for (const row of found) ids.set(row.external_id, Number(row.id))
    }
    const pointAtSelf = rows
      .map((row, index) => ({ row, columns: selfReferences[index] ?? [] }))
      .filter(({ row, columns }) => created.has(row.externalId) && columns.length)
    for (const column of new Set(pointAtSelf.flatMap(({ columns }) => columns))) {
      const own = pointAtSelf
        .filter(({ columns }) => columns.includes(column))
        .map(({ row }) => ids.get(row.externalId))
      await sql`update ${sql.table(spec.table)} set ${sql.ref(column)} = id
        where id = any(${own})`.execute(ctx.db)
    }
    const outcomes = rows.map((row): UpsertOutcome => {
      if (created.has(row.externalId)) return 'created'
      return unchanged.includes(row.externalId) ? 'unchanged' : 'updated'
    })
    for (const child of children) {
      const childFound = await lookUpReferences(
        ctx,
        rows.flatMap((row) =>
          listOf(row.body[child.field]).flatMap((childRow) =>
            Object.entries(child.references ?? {}).map(
              ([field, [collection]]) => [collection, childRow[field] as string] as const,
            ),
          ),
        ),
      )
      // Rows just created have no children yet: theirs are inserted together, unread.
      const fresh: RawBuilder<unknown>[] = []
      for (const [index, row] of rows.entries()) {
        const id = ids.get(row.externalId)
        if (id === undefined) continue
        const parent = { position: positions[index] ?? 0, found: childFound }
        const wanted = listOf(row.body[child.field])
        if (outcomes[index] === 'created') {
          fresh.push(...childTuples(ctx, child, id, wanted, parent))
        } else if (
          (await atRow(positions[index] ?? 0, () =>
            replaceChildren(ctx, child, id, wanted, parent),
          )) &&
          outcomes[index] === 'unchanged'
        ) {
          outcomes[index] = 'updated'
        }
      }
      await insertChildren(ctx, child, fresh)
    }
    return outcomes
  }

  /**
   * Rows in as few statements as their dependencies allow. A statement does not see the rows it
   * writes itself, so a row naming another row of this collection sent before it (a child's
   * guarantor) goes into a later statement than that row: rows are written by depth. The same
   * external id twice writes everything before the second one first.
   */
  async function upsertMany(ctx: SyncContext, sent: { externalId: string; body: Static<S> }[]) {
    const outcomes: UpsertOutcome[] = []
    let window: { row: Row; position: number; depth: number }[] = []
    const depthOf = new Map<string, number>()
    const flush = async () => {
      const deepest = Math.max(-1, ...window.map((entry) => entry.depth))
      for (let depth = 0; depth <= deepest; depth += 1) {
        const level = window.filter((entry) => entry.depth === depth)
        const written = await writeRows(
          ctx,
          level.map((entry) => entry.row),
          level.map((entry) => entry.position),
        )
        for (const [index, entry] of level.entries())
          outcomes[entry.position] = written[index] as UpsertOutcome
      }
      window = []
      depthOf.clear()
    }
    for (const [position, { externalId, body }] of sent.entries()) {
      const row = await atRow(position, () => rowOf(ctx, externalId, body))
      if (depthOf.has(externalId) || window.length >= ROWS_PER_STATEMENT) await flush()
      const depth = Math.max(-1, ...row.dependsOn.map((id) => depthOf.get(id) ?? -1)) + 1
      window.push({ row, position, depth })
      depthOf.set(externalId, depth)
    }
    await flush()
    return outcomes
  }

  async function upsert(ctx: SyncContext, externalId: string, body: Static<S>) {
    try {
      const [outcome] = await upsertMany(ctx, [{ externalId, body }])
      return outcome as UpsertOutcome
    } catch (error) {
      throw error instanceof RowFailure ? error.cause : error
    }
  }

  async function read(ctx: SyncContext, externalId: string) {
    const selections = [
      ...plain.map(([field, column]) => readColumn('t', column, field, spec.readAs)),
      ...references.map(([field, reference]) => externalIdOf('t', reference, field)),
    ]
    const { rows } = await sql<Record<string, unknown>>`
      select t.id as "__id", ${sql.join(selections)} from ${sql.table(spec.table)} t
      where t.practice_id = ${ctx.practiceId} and t.external_id = ${externalId}
      ${shown('t')}`.execute(ctx.db)
    const row = rows[0]
    if (!row) return null
    const { __id: id, ...fields } = row
    const result = present(fields)
    for (const child of children) {
      result[child.field] = (await storedChildren(ctx, child, Number(id))).map(present)
    }
    return result as Static<S>
  }

  async function remove(ctx: SyncContext, externalId: string) {
    const id = await idOf(ctx, externalId, true)
    if (id === null) return false
    await spec.beforeRemove?.(ctx, id)
    if (spec.remove) {
      await spec.remove(ctx, id)
    } else if (hidden) {
      await sql`update ${sql.table(spec.table)} set ${sql.ref(hidden)} = true where id = ${id}`.execute(
        ctx.db,
      )
    } else {
      await sql`delete from ${sql.table(spec.table)} where id = ${id}`.execute(ctx.db)
    }
    return true
  }

  return {
    name: spec.name,
    schema: spec.schema,
    example: spec.example,
    upsert,
    upsertMany,
    read,
    remove,
  }
}

function readColumn(alias: string, column: string, field: string, readAs: ReadAs = {}) {
  const ref = sql.ref(`${alias}.${column}`)
  return sql`${readAs[field]?.(ref) ?? ref} as ${sql.ref(field)}`
}

/** Row ids by collection and external id, for the references of the rows about to be written. */
type FoundReferences = Map<ReferableCollection, Map<string, number>>

/**
 * Looks up every external id a statement's rows name, one query per collection named. Resolving
 * them here instead of with a subquery per row and reference keeps a 500-row statement's planning
 * from growing with its references (it was most of a bulk load's time). A row deleted between
 * this read and the write still cannot be pointed at: the foreign keys refuse it.
 */
async function lookUpReferences(
  ctx: SyncContext,
  wanted: Iterable<readonly [ReferableCollection, string | null | undefined]>,
): Promise<FoundReferences> {
  const byCollection = new Map<ReferableCollection, Set<string>>()
  for (const [collection, target] of wanted) {
    if (target == null) continue
    const targets = byCollection.get(collection) ?? new Set<string>()
    targets.add(target)
    byCollection.set(collection, targets)
  }
  const found: FoundReferences = new Map()
  for (const [collection, targets] of byCollection) {
    const { rows } = await sql<{ id: number; external_id: string }>`
      select id, external_id from ${sql.table(COLLECTION_TABLES[collection])}
      where practice_id = ${ctx.practiceId} and external_id = any(${[...targets]})`.execute(ctx.db)
    found.set(collection, new Map(rows.map((row) => [row.external_id, Number(row.id)])))
  }
  return found
}

/** A reference's value in a written row; one that names nothing fails that row with a 422. */
function referenceValue(
  found: FoundReferences,
  [collection]: Reference,
  target: string | null | undefined,
  at: { position: number; field: string; selfReference?: boolean },
): number | null {
  if (target == null) return null
  const id = found.get(collection)?.get(target)
  if (id !== undefined) return id
  if (at.selfReference) return null
  throw new RowFailure(at.position, new UnknownReference(at.field, collection, target))
}

/** Rows per statement: well under PostgreSQL's 65,535 parameters for the widest collection. */
const ROWS_PER_STATEMENT = 500

/**
 * Runs the work for one row (`position`), or for a statement of several (null): what it throws
 * is a RowFailure naming the row (an unresolved reference already is one, naming the field).
 */
async function atRow<T>(
  position: number | null,
  work: Promise<T> | (() => Promise<T>),
): Promise<T> {
  try {
    return await (typeof work === 'function' ? work() : work)
  } catch (error) {
    if (error instanceof RowFailure) throw error
    if (position === null) throw error
    throw new RowFailure(position, error)
  }
}

/** A reference read back as the external id it was sent as (null once the target is gone). */
function externalIdOf(alias: string, [collection, column]: Reference, field: string) {
  return sql`(select r.external_id from ${sql.table(COLLECTION_TABLES[collection])} r
    where r.id = ${sql.ref(`${alias}.${column}`)}) as ${sql.ref(field)}`
}

/**
 * An omitted field takes the column's default (null for most); PUT replaces the whole row.
 * Values go into `sql.join` bare, which makes each a parameter as `sql\`${value}\`` would, with
 * a fraction of the objects: a 500-row statement has ten thousand of them.
 */
function valueOrDefault(value: unknown): unknown {
  return value === undefined ? DEFAULT : value
}

const DEFAULT = sql`default`
const FALSE = sql`false`

/** The API's shape of stored values: instants as ISO text, absent values left out. */
function present(row: Record<string, unknown>): Record<string, unknown> {
  const shown: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(row)) {
    if (value === null || value === undefined) continue
    shown[field] = value instanceof Date ? value.toISOString() : value
  }
  return shown
}

async function storedChildren(ctx: SyncContext, child: ChildRows, parentId: number) {
  const selections = [
    ...Object.entries(columnMap(child.columns)).map(([field, column]) =>
      readColumn('c', column, field, child.readAs),
    ),
    ...Object.entries(child.references ?? {}).map(([field, reference]) =>
      externalIdOf('c', reference, field),
    ),
  ]
  const { rows } = await sql<Record<string, unknown>>`
    select ${sql.join(selections)} from ${sql.table(child.table)} c
    where c.${sql.ref(child.parentColumn)} = ${parentId}
    order by ${sql.ref(child.orderColumn ?? 'id')}`.execute(ctx.db)
  return rows
}

/** Rows compared as written: every field present, omitted ones as their column's default. */
function comparable(child: ChildRows, row: Record<string, unknown>) {
  const fields = [...Object.keys(columnMap(child.columns)), ...Object.keys(child.references ?? {})]
  return fields.map((field) => {
    const value = row[field] ?? child.defaults?.[field] ?? null
    return value instanceof Date ? value.toISOString() : value
  })
}

const listOf = (sent: unknown) => (Array.isArray(sent) ? sent : []) as Record<string, unknown>[]

/**
 * Replaces the parent's child rows when the body's differ from the stored ones; true if it did.
 * `parent` is the parent's row position (named by an unresolved reference) and the references
 * looked up for its statement.
 */
async function replaceChildren(
  ctx: SyncContext,
  child: ChildRows,
  parentId: number,
  wanted: Record<string, unknown>[],
  parent: ParentRow,
): Promise<boolean> {
  const stored = await storedChildren(ctx, child, parentId)
  const same =
    stored.length === wanted.length &&
    JSON.stringify(stored.map((row) => comparable(child, row))) ===
      JSON.stringify(wanted.map((row) => comparable(child, row)))
  if (same) return false
  await sql`delete from ${sql.table(child.table)}
    where ${sql.ref(child.parentColumn)} = ${parentId}`.execute(ctx.db)
  await insertChildren(ctx, child, childTuples(ctx, child, parentId, wanted, parent))
  return true
}

/** Where a parent row stands in its request, and the references looked up for its children. */
interface ParentRow {
  position: number
  found: FoundReferences
}

/** One parent's child rows as value tuples for `insertChildren`. */
function childTuples(
  ctx: SyncContext,
  child: ChildRows,
  parentId: number,
  wanted: Record<string, unknown>[],
  parent: ParentRow,
) {
  return wanted.map((row, index) => {
    const values: unknown[] = [ctx.practiceId, parentId]
    for (const field of Object.keys(columnMap(child.columns))) {
      values.push(row[field] ?? child.defaults?.[field] ?? null)
    }
    for (const [field, reference] of Object.entries(child.references ?? {})) {
      const target = row[field] as string | null | undefined
      const at = { position: parent.position, field: `${child.field}/${index}/${field}` }
      values.push(referenceValue(parent.found, reference, target, at))
    }
    for (const value of Object.values(child.fixed ?? {})) values.push(value)
    if (child.orderColumn) values.push(index)
    return sql`(${sql.join(values)})`
  })
}

/** Child rows per statement: a statement holds at most 65,535 parameters. */
const CHILD_ROWS_PER_STATEMENT = 2000

async function insertChildren(ctx: SyncContext, child: ChildRows, tuples: RawBuilder<unknown>[]) {
  const columns = [
    'practice_id',
    child.parentColumn,
    ...Object.values(columnMap(child.columns)),
    ...Object.values(child.references ?? {}).map(([, column]) => column),
    ...Object.keys(child.fixed ?? {}),
    ...(child.orderColumn ? [child.orderColumn] : []),
  ]
  for (let start = 0; start < tuples.length; start += CHILD_ROWS_PER_STATEMENT) {
    const slice = tuples.slice(start, start + CHILD_ROWS_PER_STATEMENT)
    await atRow(
      null,
      sql`insert into ${sql.table(child.table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      values ${sql.join(slice)}`.execute(ctx.db),
    )
  }
}
