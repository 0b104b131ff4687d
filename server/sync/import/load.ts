import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import readline from 'node:readline'
import type { SyncClient } from '../client.ts'
import { clearProgress, type LineError, readProgress, saveProgress } from './progress.ts'
import {
  type ImportOperation,
  isBlankLine,
  MAX_BATCH,
  parseImportLine,
  refusedOperations,
} from './rules.ts'

export interface ImportSummary {
  /** Operations the API committed in this run. */
  committed: number
  /** The line this run started after (0: from the beginning). */
  resumedAfter: number
  totalLines: number
  /** Every refused line, this run's and the interrupted runs' before it, by line number. */
  errors: LineError[]
}

export class ImportStopped extends Error {}

interface Pending {
  line: number
  operation: ImportOperation
}

/**
 * Loads an NDJSON export through POST /api/sync/v1/batch, `batchSize` operations at a time (all
 * or nothing each). After each committed batch the progress file records the last line handled,
 * so an interrupted run resumes there; a batch sent again is harmless (upserts are idempotent).
 * Operations the API refuses are reported by line and left out, and the rest of their batch is
 * sent again; the import goes on to the end.
 */
export async function importFile(options: {
  file: string
  client: SyncClient
  batchSize?: number
  onProgress?: (line: number, totalLines: number) => void
}): Promise<ImportSummary> {
  const { file, client } = options
  const batchSize = Math.min(MAX_BATCH, Math.max(1, options.batchSize ?? MAX_BATCH))
  const { size } = await fs.stat(file)
  const totalLines = await countLines(file)
  const progress = await readProgress(file, size)
  const resumedAfter = progress.committedLine
  let committed = 0
  let pending: Pending[] = []
  let line = 0

  const flush = async () => {
    committed += await sendBatch(client, pending, progress.errors)
    pending = []
    progress.committedLine = line
    await saveProgress(file, progress)
    options.onProgress?.(line, totalLines)
  }

  const lines = readline.createInterface({ input: createReadStream(file), crlfDelay: Infinity })
  for await (const text of lines) {
    line++
    if (line <= resumedAfter || isBlankLine(text)) continue
    const parsed = parseImportLine(text)
    if ('problem' in parsed) progress.errors.push({ line, message: parsed.problem })
    else pending.push({ line, operation: parsed })
    if (pending.length >= batchSize) await flush()
  }
  await flush()
  await clearProgress(file)
  return { committed, resumedAfter, totalLines, errors: progress.errors }
}

/**
 * Sends one batch; answers how many operations were committed. A refusal that names operations
 * drops them (reported by line) and sends the rest again; one that names none is blamed on every
 * line of the batch. A refused key or an API gone away stops the import (the progress file keeps
 * its place).
 */
async function sendBatch(client: SyncClient, batch: Pending[], errors: LineError[]) {
  let left = batch
  while (left.length > 0) {
    const answer = await client.call('POST', '/api/sync/v1/batch', {
      operations: left.map((pending) => pending.operation),
    })
    if (answer.status >= 200 && answer.status < 300) return left.length
    const detail = String(answer.body.detail ?? answer.body.title ?? `HTTP ${answer.status}`)
    if (answer.status === 401 || answer.status === 403 || answer.status >= 500) {
      throw new ImportStopped(`The API refused the import: ${detail}`)
    }
    const refused = refusedOperations(answer.body.errors as Record<string, string> | undefined)
    // Nothing this batch holds was named: blame the whole batch rather than send it forever.
    if (![...refused.keys()].some((index) => index < left.length)) {
      for (const pending of left) errors.push({ line: pending.line, message: detail })
      return 0
    }
    for (const [index, message] of refused) {
      const pending = left[index]
      if (pending) errors.push({ line: pending.line, message: `${nameOf(pending)}: ${message}` })
    }
    left = left.filter((_, index) => !refused.has(index))
  }
  return 0
}

function nameOf({ operation }: Pending) {
  return `${operation.op} ${operation.collection}/${operation.externalId}`
}

async function countLines(file: string): Promise<number> {
  let count = 0
  let last = 10
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (const byte of chunk) if (byte === 10) count++
    last = chunk.at(-1) ?? last
  }
  // A last line without a newline still counts.
  return last === 10 ? count : count + 1
}
