import type { FastifyReply } from 'fastify'
import type { Static, TSchema } from 'typebox'
import { isKept } from '../platform/db/read-cache.ts'

interface Body {
  text: string
  /** When the answer would change by itself (ms since the epoch), e.g. an upcoming visit begins. */
  changesAt: number
}

const bodies = new WeakMap<object, Map<string, Body>>()

export interface KeptView<View> {
  view: View
  changesAt?: number
}

/**
 * Sends a tab's answer, serialized once per kept read (platform/db/read-cache.ts) rather than on
 * every request: the rows are shared by the requests that read them, so the JSON made from them
 * can be too. `variant` names whatever else the answer depends on (time zone, currency, the
 * patient's status); a new read from the database is a new `rows` object and starts afresh. The
 * text comes from the route's response schema, exactly as a returned object would.
 */
export function sendKeptView<Schema extends TSchema>(
  reply: FastifyReply,
  _schema: Schema,
  rows: object,
  variant: string,
  now: Date,
  build: () => KeptView<Static<Schema>>,
) {
  let byVariant = bodies.get(rows)
  let body = byVariant?.get(variant)
  if (!body || now.getTime() >= body.changesAt) {
    const made = build()
    // The default serializer (the route's response schema) always makes a string.
    body = { text: reply.serialize(made.view) as string, changesAt: made.changesAt ?? Infinity }
    if (isKept(rows)) {
      if (!byVariant) {
        byVariant = new Map()
        bodies.set(rows, byVariant)
      }
      byVariant.set(variant, body)
    }
  }
  return reply
    .header('Cache-Control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(body.text)
}
