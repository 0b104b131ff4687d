import type { FastifyRequest } from 'fastify'
import type { Database } from '../platform/db/database.ts'
import { Unauthorized } from '../platform/http/problems.ts'
import { authenticateSyncKey, type SyncKeyHolder } from './keys.ts'

const BEARER = /^Bearer\s+(\S+)\s*$/i

/** Requests already authenticated (by the sync API's hook): a route asking again costs nothing. */
const holders = new WeakMap<FastifyRequest, SyncKeyHolder>()

/**
 * The practice behind the request's `Authorization: Bearer <key>`; 401 otherwise. Every sync route
 * starts here: a key sees its own practice and nothing else.
 */
export async function requireSyncKey(
  db: Database,
  request: FastifyRequest,
): Promise<SyncKeyHolder> {
  const known = holders.get(request)
  if (known) return known
  const presented = BEARER.exec(request.headers.authorization ?? '')?.[1]
  const holder = presented ? await authenticateSyncKey(db, presented) : null
  if (!holder) {
    throw new Unauthorized('Send a valid sync API key as "Authorization: Bearer <key>".')
  }
  holders.set(request, holder)
  return holder
}

/** The key a request was authenticated with, if it was. */
export function syncKeyOf(request: FastifyRequest): SyncKeyHolder | undefined {
  return holders.get(request)
}
