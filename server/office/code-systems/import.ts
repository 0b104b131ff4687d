import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import readline from 'node:readline'
import type { Readable } from 'node:stream'
import type { Database } from '../../platform/db/database.ts'
import type { CodeSystem } from '../../practice/rules.ts'
import { CODE_BATCH_SIZE, recordImport, upsertCodes } from './queries.ts'
import {
  type Code,
  CodeFileError,
  checkRf2Header,
  cvxFormat,
  parseCvxLine,
  parseRf2Line,
  rf2VersionFromName,
} from './rules.ts'

/** The CVX list that ships with Bitewing (CDC data, public domain). */
export const SHIPPED_CVX_PATH = path.join(import.meta.dirname, '../../ccd/codes/cvx.tsv')

export interface ImportResult {
  system: CodeSystem
  version: string
  codeCount: number
  importedAt: Date
}

interface ImportBy {
  practiceId: number
  /** The staff member who imported; null from the command line or the demo. */
  staffId: number | null
}

function inTransaction<T>(db: Database, work: (trx: Database) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}

/** A line reader that hands the first line out before the rest is read. */
function lines(input: Readable) {
  const reader = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  return { iterator: reader[Symbol.asyncIterator](), close: () => reader.close() }
}

/**
 * Imports a CVX list: the shipped TSV or CDC's pipe-delimited cvx.txt. Small (a few hundred
 * rows), so it is read whole; a malformed row refuses the file and changes nothing.
 */
export async function importCvx(
  db: Database,
  by: ImportBy & { text?: string; fileName?: string; now?: Date },
): Promise<ImportResult> {
  const text = by.text ?? (await fs.readFile(SHIPPED_CVX_PATH, 'utf8'))
  const all = text.split('\n')
  const format = cvxFormat(all[0] ?? '')
  const codes = new Map<string, Code>()
  let updated = ''
  all.forEach((line, index) => {
    if (format === 'tsv' && index === 0) return
    const row = parseCvxLine(format, line, index + 1)
    if (!row) return
    codes.set(row.code, { code: row.code, display: row.display })
    if (row.updated && row.updated > updated) updated = row.updated
  })
  if (codes.size === 0)
    throw new CodeFileError('The CVX list holds no codes. Nothing was imported.')
  const digest = createHash('sha256').update(text).digest('hex').slice(0, 12)
  const version =
    by.text === undefined
      ? `Bitewing list ${digest}`
      : format === 'cdc'
        ? `CDC ${updated || digest}`
        : `TSV ${digest}`
  return inTransaction(db, async (trx) => {
    await upsertCodes(trx, 'CVX', [...codes.values()])
    const row = await recordImport(trx, {
      practiceId: by.practiceId,
      system: 'CVX',
      version,
      codeCount: codes.size,
      staffId: by.staffId,
      now: by.now,
    })
    return { system: 'CVX', version, codeCount: codes.size, importedAt: row.imported_at }
  })
}

/**
 * Imports a SNOMED CT RF2 description file, streamed line by line (an International release
 * is hundreds of megabytes): active Fully Specified Names are upserted in batches, all in one
 * transaction, so a file that turns out malformed halfway changes nothing. The header is
 * checked before anything is written.
 */
export async function importSnomed(
  db: Database,
  by: ImportBy & { input: Readable; fileName?: string; now?: Date },
): Promise<ImportResult> {
  const nameVersion = rf2VersionFromName(by.fileName)
  const { iterator, close } = lines(by.input)
  try {
    const first = await iterator.next()
    checkRf2Header(first.done ? undefined : first.value)
    return await inTransaction(db, async (trx) => {
      const seen = new Set<string>()
      let batch = new Map<string, Code>()
      let latest = ''
      let lineNumber = 1
      const flush = async () => {
        if (batch.size === 0) return
        await upsertCodes(trx, 'SNOMEDCT', [...batch.values()])
        batch = new Map()
      }
      for (;;) {
        const next = await iterator.next()
        if (next.done) break
        lineNumber++
        const row = parseRf2Line(next.value, lineNumber)
        if (!row) continue
        if (row.effectiveTime > latest) latest = row.effectiveTime
        seen.add(row.code)
        batch.set(row.code, { code: row.code, display: row.display })
        if (batch.size >= CODE_BATCH_SIZE) await flush()
      }
      await flush()
      if (seen.size === 0) {
        throw new CodeFileError(
          'The file has no active Fully Specified Names (typeId 900000000000003001). Nothing was imported.',
        )
      }
      const version = nameVersion ?? latest
      const row = await recordImport(trx, {
        practiceId: by.practiceId,
        system: 'SNOMEDCT',
        version,
        codeCount: seen.size,
        staffId: by.staffId,
        now: by.now,
      })
      return { system: 'SNOMEDCT', version, codeCount: seen.size, importedAt: row.imported_at }
    })
  } finally {
    close()
    by.input.destroy()
  }
}

export function importSnomedFile(db: Database, by: ImportBy & { file: string }) {
  return importSnomed(db, {
    ...by,
    input: createReadStream(by.file),
    fileName: path.basename(by.file),
  })
}

/**
 * A handful of codes recorded as the practice's import, for the demo practice: the codes its
 * records use, so its summaries can be shown without a licensed release.
 */
export async function importCodeSubset(
  db: Database,
  by: ImportBy & { system: CodeSystem; codes: readonly Code[]; version: string; now?: Date },
) {
  return inTransaction(db, async (trx) => {
    await upsertCodes(trx, by.system, by.codes)
    return recordImport(trx, {
      practiceId: by.practiceId,
      system: by.system,
      version: by.version,
      codeCount: by.codes.length,
      staffId: by.staffId,
      now: by.now,
    })
  })
}
