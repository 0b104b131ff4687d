import { sql } from 'kysely'
import type { Static, TObject } from 'typebox'
import { queueFileRemoval } from '../../platform/files/removal.ts'
import type { ServedType } from '../../platform/files/types.ts'
import type { SyncCollection, SyncContext } from '../collection.ts'
import { freshFileKey, isOwnFile, type ReceivedFile, receiveFile } from './stored-files.ts'

type Row = Record<string, unknown>

/**
 * What a file-carrying row records about its file, field → column; never part of the API.
 * `fileKey` and `fileSha256` always; fields ending in `Key` name files that go with the row.
 */
export type FileColumns = { fileKey: string; fileSha256: string } & Record<string, string>

export interface FileCollectionSpec<S extends TObject> {
  name: string
  schema: S
  example: Static<S>
  /**
   * The rows without their file: a table collection over the API's fields less `field`, plus
   * the `fileColumns` fields mapped to their columns.
   */
  rows: SyncCollection
  table: 'statements' | 'documents'
  fileColumns: FileColumns
  /** The body's base64 field: `pdf`, `file`. */
  field: keyof Static<S> & string
  /** Where the files go under the practice's folder. */
  folder: string
  /** What the bytes must prove to be. */
  declaredType: (body: Static<S>) => ServedType
  /**
   * The `fileColumns` fields beyond key and hash for a newly stored file (its size, its
   * preview's key), writing any file they name.
   */
  describe?: (ctx: SyncContext, file: ReceivedFile, key: string) => Promise<Row>
  /** Files the portal may have made from the row on its own (a lazily made preview). */
  madeLater?: (practiceId: number, id: number) => string[]
}

/**
 * A collection whose rows carry a file. The order keeps every committed row pointing at a file
 * that exists: the file is written (under a fresh key) before the row, and a file the row no
 * longer names (replaced or deleted) is removed by a job queued in the same transaction, so only
 * after the change commits. A transaction that fails leaves its new file behind, unreferenced:
 * an orphan on disk, never a row without its file. The same bytes again (same SHA-256) keep the
 * stored file and key, so a replay writes nothing.
 */
export function fileCollection<S extends TObject>(spec: FileCollectionSpec<S>): SyncCollection<S> {
  const internal = Object.keys(spec.fileColumns)
  const keyFields = internal.filter((field) => field.endsWith('Key'))
  const selected = sql.join(
    Object.entries(spec.fileColumns).map(
      ([field, column]) => sql`${sql.ref(column)} as ${sql.ref(field)}`,
    ),
  )

  /** The row's id and what it records of its file, locked so no one replaces the file meanwhile. */
  async function lockedRow(ctx: SyncContext, externalId: string) {
    const { rows } = await sql<Row & { id: number }>`
      select id, ${selected} from ${sql.table(spec.table)}
      where practice_id = ${ctx.practiceId} and external_id = ${externalId}
      for update`.execute(ctx.db)
    const row = rows[0]
    return row ? { id: Number(row.id), row } : null
  }

  async function storedFile(ctx: SyncContext, sent: ReceivedFile, current: Row | undefined) {
    const currentKey = current?.fileKey as string | undefined
    if (currentKey && current?.fileSha256 === sent.sha256) {
      // A file lost from storage is put back under its key; the row stays as it is.
      if (!(await ctx.files.exists(currentKey))) await ctx.files.put(currentKey, sent.bytes)
      return Object.fromEntries(internal.map((field) => [field, current[field] ?? null]))
    }
    const key = freshFileKey(ctx.practiceId, spec.folder, sent.type)
    // Described first: a file refused there (an image that cannot be decoded) is never stored.
    const described = await spec.describe?.(ctx, sent, key)
    await ctx.files.put(key, sent.bytes)
    return { fileKey: key, fileSha256: sent.sha256, ...described }
  }

  /** The files only this row uses, which go when the row stops naming them. */
  function filesOf(row: Row | undefined) {
    return keyFields.map((field) => row?.[field]).filter(isOwnFile)
  }

  return {
    name: spec.name,
    schema: spec.schema,
    example: spec.example,

    async upsert(ctx, externalId, body) {
      const { [spec.field]: sent, ...rest } = body as Row
      // Checked before anything is locked or written: a wrong file changes nothing.
      const file =
        typeof sent === 'string' ? receiveFile(spec.field, sent, spec.declaredType(body)) : null
      const current = (await lockedRow(ctx, externalId))?.row
      const fields = file
        ? await storedFile(ctx, file, current)
        : Object.fromEntries(internal.map((field) => [field, null]))
      const outcome = await spec.rows.upsert(ctx, externalId, { ...rest, ...fields })
      const kept = new Set(filesOf(fields))
      const dropped = filesOf(current).filter((key) => !kept.has(key))
      await queueFileRemoval(ctx.db, ctx.practiceId, dropped)
      return outcome
    },

    async read(ctx, externalId) {
      const row = (await spec.rows.read(ctx, externalId)) as Row | null
      if (!row) return null
      const shown = Object.fromEntries(
        Object.entries(row).filter(([field]) => !internal.includes(field)),
      )
      if (typeof row.fileKey === 'string') {
        shown[spec.field] = (await ctx.files.get(row.fileKey)).toString('base64')
      }
      return shown as Static<S>
    },

    async remove(ctx, externalId) {
      const current = await lockedRow(ctx, externalId)
      if (!current) return false
      await spec.rows.remove(ctx, externalId)
      const later = spec.madeLater?.(ctx.practiceId, current.id) ?? []
      await queueFileRemoval(ctx.db, ctx.practiceId, [...filesOf(current.row), ...later])
      return true
    },
  }
}
