import { type RawBuilder, sql } from 'kysely'
import type { Static, TObject } from 'typebox'
import type { SyncCollection, SyncContext, UpsertOutcome } from './collection.ts'
import { COLLECTION_TABLES, type ReferableCollection } from './refs.ts'

type FieldOf<S extends TObject> = keyof Static<S> & string

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
  columns: Record<string, string>
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
  /** The body's plain fields: camelCase field → column. An omitted field writes the column's default. */
  columns: Partial<Record<FieldOf<S>, string>>
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
  const plain = Object.entries(spec.columns as Record<string, string>)
  const references = Object.entries((spec.references ?? {}) as Record<string, Reference>)
  const children = spec.children ?? []

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

  async function upsert(ctx: SyncContext, externalId: string, sent: Static<S>) {
    const body = (spec.prepare ? await spec.prepare(ctx, externalId, sent) : sent) as Record<
      string,
      unknown
    >
    const values: [string, RawBuilder<unknown>][] = plain.map(([field, column]) => [
      column,
      valueOrDefault(body[field]),
    ])
    // Sending a deleted (hidden) row again shows it again.
    if (hidden) values.push([hidden, sql`false`])
    // A row naming itself (a family head is their own guarantor) cannot be found before it
    // exists: written as null first, then pointed at itself.
    const selfReferences: string[] = []
    for (const [field, [collection, column]] of references) {
      const target = body[field] as string | null | undefined
      if (collection === spec.name && target === externalId) {
        const own = await idOf(ctx, externalId)
        if (own === null) selfReferences.push(column)
        values.push([column, sql`${own}`])
      } else {
        values.push([column, sql`${await ctx.refs.optional(collection, target, field)}`])
      }
    }
    const columns = values.map(([column]) => sql.ref(column))
    const stored = sql.join(values.map(([column]) => sql`t.${sql.ref(column)}`))
    const excluded = sql.join(values.map(([column]) => sql`excluded.${sql.ref(column)}`))
    const touched = (spec.touch ?? []).map((column) => sql`${sql.ref(column)} = now()`)
    const assignments = sql.join([
      ...values.map(([column]) => sql`${sql.ref(column)} = excluded.${sql.ref(column)}`),
      ...touched,
    ])
    // Row constructors need two members; a one-column collection compares the bare column.
    const compared =
      values.length > 1
        ? sql`(${stored}) is distinct from (${excluded})`
        : sql`${stored} is distinct from ${excluded}`
    const { rows } = await sql<{ id: number; created: boolean }>`
      insert into ${sql.table(spec.table)} as t (practice_id, external_id, ${sql.join(columns)})
      values (${ctx.practiceId}, ${externalId}, ${sql.join(values.map(([, value]) => value))})
      on conflict (practice_id, external_id) do update set ${assignments}
      where ${compared}
      returning t.id, (t.xmax::text = '0') as created`.execute(ctx.db)
    const written = rows[0]
    let outcome: UpsertOutcome = written ? (written.created ? 'created' : 'updated') : 'unchanged'
    const id = written ? Number(written.id) : await idOf(ctx, externalId)
    if (id === null) throw new Error(`${spec.name}/${externalId} vanished during its upsert`)
    for (const column of selfReferences) {
      await sql`update ${sql.table(spec.table)} set ${sql.ref(column)} = id where id = ${id}`.execute(
        ctx.db,
      )
    }
    for (const child of children) {
      // A row just created has no children yet: nothing to read back and compare.
      const fresh = outcome === 'created'
      const replaced = await replaceChildren(ctx, child, id, body[child.field], fresh)
      if (replaced && outcome === 'unchanged') outcome = 'updated'
    }
    return outcome
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

  return { name: spec.name, schema: spec.schema, example: spec.example, upsert, read, remove }
}

function readColumn(alias: string, column: string, field: string, readAs: ReadAs = {}) {
  const ref = sql.ref(`${alias}.${column}`)
  return sql`${readAs[field]?.(ref) ?? ref} as ${sql.ref(field)}`
}

/** A reference read back as the external id it was sent as (null once the target is gone). */
function externalIdOf(alias: string, [collection, column]: Reference, field: string) {
  return sql`(select r.external_id from ${sql.table(COLLECTION_TABLES[collection])} r
    where r.id = ${sql.ref(`${alias}.${column}`)}) as ${sql.ref(field)}`
}

/** An omitted field takes the column's default (null for most); PUT replaces the whole row. */
function valueOrDefault(value: unknown): RawBuilder<unknown> {
  return value === undefined ? sql`default` : sql`${value}`
}

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
    ...Object.entries(child.columns).map(([field, column]) =>
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
  const fields = [...Object.keys(child.columns), ...Object.keys(child.references ?? {})]
  return fields.map((field) => {
    const value = row[field] ?? child.defaults?.[field] ?? null
    return value instanceof Date ? value.toISOString() : value
  })
}

/** Replaces the parent's child rows when the body's differ from the stored ones; true if it did. */
async function replaceChildren(
  ctx: SyncContext,
  child: ChildRows,
  parentId: number,
  sent: unknown,
  fresh: boolean,
): Promise<boolean> {
  const wanted = (Array.isArray(sent) ? sent : []) as Record<string, unknown>[]
  if (fresh && wanted.length === 0) return false
  const stored = fresh ? [] : await storedChildren(ctx, child, parentId)
  const same =
    stored.length === wanted.length &&
    JSON.stringify(stored.map((row) => comparable(child, row))) ===
      JSON.stringify(wanted.map((row) => comparable(child, row)))
  if (same) return false
  if (!fresh)
    await sql`delete from ${sql.table(child.table)}
    where ${sql.ref(child.parentColumn)} = ${parentId}`.execute(ctx.db)
  if (wanted.length === 0) return true
  const rows: RawBuilder<unknown>[] = []
  for (const [index, row] of wanted.entries()) {
    const values: RawBuilder<unknown>[] = [sql`${ctx.practiceId}`, sql`${parentId}`]
    for (const field of Object.keys(child.columns)) {
      values.push(sql`${row[field] ?? child.defaults?.[field] ?? null}`)
    }
    for (const [field, [collection]] of Object.entries(child.references ?? {})) {
      const target = row[field] as string | null | undefined
      values.push(
        sql`${await ctx.refs.optional(collection, target, `${child.field}/${index}/${field}`)}`,
      )
    }
    for (const value of Object.values(child.fixed ?? {})) values.push(sql`${value}`)
    if (child.orderColumn) values.push(sql`${index}`)
    rows.push(sql`(${sql.join(values)})`)
  }
  const columns = [
    'practice_id',
    child.parentColumn,
    ...Object.values(child.columns),
    ...Object.values(child.references ?? {}).map(([, column]) => column),
    ...Object.keys(child.fixed ?? {}),
    ...(child.orderColumn ? [child.orderColumn] : []),
  ]
  await sql`insert into ${sql.table(child.table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values ${sql.join(rows)}`.execute(ctx.db)
  return true
}
