/**
 * Throughput over several instances (issue 15): the tabs bench's visits, kept reads on, sent
 * first to one server and then alternately to N servers on the same PostgreSQL database, request
 * by request (no sticky sessions: a visit's requests land on every instance), as a proxy
 * balancing round robin does. Reports each run's figures and how throughput scaled.
 */
import type { ChildProcess } from 'node:child_process'
import autocannon from 'autocannon'
import { ensureServerBuilt, SERVER_ENTRY } from '../scripts/server-build.mjs'
import { benchDatabase, LARGE_PRACTICE } from './large-practice.ts'
import { stopServer, waitHealthy } from './server-process.ts'
import { ask, benchVisits, interleave, PORT, type Request, startServer } from './tabs.ts'

export interface InstancesRun {
  instances: number
  requests: number
  requestsPerSecond: number
  p50Ms: number
  /** The worst instance's p99 (autocannon's histograms are per run). */
  p99Ms: number
  errors: number
  hitRate: number
}

/** The requests in order, request i to instance i mod N, each instance's share at once. */
async function runAlternating(ports: number[], visits: Request[][], connections: number) {
  const sequence = interleave(visits, connections)
  const shares = ports.map((_, index) => sequence.filter((_, i) => i % ports.length === index))
  const perInstance = Math.max(1, Math.floor(connections / ports.length))
  const results = await Promise.all(
    ports.map((port, index) => {
      const share = shares[index] as Request[]
      let next = 0
      return autocannon({
        url: `http://127.0.0.1:${port}`,
        connections: perInstance,
        amount: share.length,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              const { path, cookie } = share[next++ % share.length] as Request
              return { ...request, path, headers: { cookie } }
            },
          },
        ],
      })
    }),
  )
  const start = Math.min(...results.map((result) => result.start.getTime()))
  const finish = Math.max(...results.map((result) => result.finish.getTime()))
  const requests = results.reduce((sum, result) => sum + result.requests.total, 0)
  return {
    requests,
    requestsPerSecond: requests / ((finish - start) / 1000),
    // Each instance got the same share: the mean of their medians is the median's estimate.
    p50Ms: results.reduce((sum, result) => sum + result.latency.p50, 0) / results.length,
    p99Ms: Math.max(...results.map((result) => result.latency.p99)),
    errors: results.reduce((sum, result) => sum + result.errors + result.non2xx, 0),
  }
}

export async function benchInstances(
  options: { instances?: number; patients?: number; users?: number; connections?: number } = {},
) {
  const instances = Math.max(2, options.instances ?? 2)
  const patients = options.patients ?? LARGE_PRACTICE
  const connections = options.connections ?? 100
  await ensureServerBuilt()
  const where = benchDatabase(patients, false)
  const { warmUp, measured } = await benchVisits(where, patients, options.users ?? 1000)
  const runs: InstancesRun[] = []
  for (const count of [1, instances]) {
    const ports = Array.from({ length: count }, (_, index) => PORT + 10 + index)
    const servers: ChildProcess[] = ports.map((port) =>
      startServer(where, true, [SERVER_ENTRY], port),
    )
    try {
      await Promise.all(
        ports.map((port, index) => waitHealthy(port, servers[index] as ChildProcess)),
      )
      await runAlternating(ports, warmUp, connections)
      const stats = () =>
        Promise.all(
          servers.map((server) =>
            ask<{ reads: { hits: number; misses: number } }>(server, { type: 'bench:stats' }),
          ),
        )
      const before = await stats()
      const result = await runAlternating(ports, measured, connections)
      const after = await stats()
      let hits = 0
      let misses = 0
      after.forEach((answer, index) => {
        hits += answer.reads.hits - (before[index]?.reads.hits ?? 0)
        misses += answer.reads.misses - (before[index]?.reads.misses ?? 0)
      })
      runs.push({ instances: count, ...result, hitRate: hits / Math.max(1, hits + misses) })
    } finally {
      await Promise.all(servers.map((server) => stopServer(server)))
    }
  }
  const [one, many] = runs as [InstancesRun, InstancesRun]
  return {
    runs,
    users: measured.length,
    patients,
    connections,
    scaling: many.requestsPerSecond / one.requestsPerSecond,
  }
}
