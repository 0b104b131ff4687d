/** One line of an NDJSON export: an upsert or a delete, as POST /api/sync/v1/batch takes it. */
export type ImportOperation =
  | { op: 'put'; collection: string; externalId: string; body: Record<string, unknown> }
  | { op: 'delete'; collection: string; externalId: string }

/** The batch endpoint's limit: at most this many operations, all or nothing. */
export const MAX_BATCH = 1000

/**
 * The operation on one line, or why it cannot be sent. Only the shape is checked here; the API
 * checks the fields (and names them in its answer).
 */
export function parseImportLine(text: string): ImportOperation | { problem: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { problem: 'not valid JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'not a JSON object' }
  }
  const { op, collection, externalId, body } = value as Record<string, unknown>
  if (op !== 'put' && op !== 'delete') return { problem: '"op" must be "put" or "delete"' }
  if (typeof collection !== 'string' || collection === '') {
    return { problem: '"collection" must be a collection name such as "patients"' }
  }
  if (typeof externalId !== 'string' || externalId === '') {
    return { problem: '"externalId" must be a non-empty string' }
  }
  if (op === 'delete') return { op, collection, externalId }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problem: 'a "put" needs a "body" object' }
  }
  return { op, collection, externalId, body: body as Record<string, unknown> }
}

/** True for a blank line or a `#` comment, which an export may contain and the import skips. */
export function isBlankLine(text: string): boolean {
  const trimmed = text.trim()
  return trimmed === '' || trimmed.startsWith('#')
}

/**
 * Which operations of a refused batch the API named, by their index in the batch: its field
 * errors are keyed `operations/<index>/<field>` (problem+json). Messages of one operation are
 * joined; keys naming no operation are left out (the caller then blames the whole batch).
 */
export function refusedOperations(errors: Record<string, string> | undefined): Map<number, string> {
  const refused = new Map<number, string>()
  for (const [key, message] of Object.entries(errors ?? {})) {
    const match = /^\/?operations\/(\d+)(?:\/(.+))?$/.exec(key)
    if (!match) continue
    const index = Number(match[1])
    const text = match[2] ? `${match[2]}: ${message}` : message
    const earlier = refused.get(index)
    refused.set(index, earlier ? `${earlier}; ${text}` : text)
  }
  return refused
}

/** `[#########...........]  45 %`: the bar a terminal shows while importing. */
export function progressBar(done: number, total: number, width = 24): string {
  const share = total === 0 ? 1 : Math.min(1, done / total)
  const filled = Math.round(share * width)
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)} %`
}
