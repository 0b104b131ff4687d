import Fastify from 'fastify'
import { expect, it } from 'vitest'
import { NO_READ_CACHE, type ReadCache } from '../db/read-cache.ts'
import { registerSettleWrites } from './settle-writes.ts'

/** A cache whose settle takes a moment, as PostgreSQL's round trip does, and says when it ended. */
function slowSettling() {
  const log: string[] = []
  const reads: ReadCache = {
    ...NO_READ_CACHE,
    async settle() {
      await new Promise((resolve) => setTimeout(resolve, 30))
      log.push('settled')
    },
  }
  return { reads, log }
}

it('answers a write only once its changes have reached the kept reads, and a read at once', async () => {
  const { reads, log } = slowSettling()
  const app = Fastify()
  registerSettleWrites(app, reads)
  app.post('/write', async () => {
    log.push('written')
    return { ok: true }
  })
  app.get('/read', async () => ({ ok: true }))

  const write = await app.inject({ method: 'POST', url: '/write' })
  log.push('answered')
  expect(write.statusCode).toBe(200)
  expect(log).toEqual(['written', 'settled', 'answered'])

  log.length = 0
  await app.inject({ url: '/read' })
  expect(log).toEqual([])
  await app.close()
})
