/**
 * `npm run bench`: measures Bitewing against the budgets in DESIGN.md and prints each figure
 * beside its budget. Figures vary with the machine; run it on an otherwise idle one.
 * `tabs --only-visits [--read-cache on|off] [--server <dist/server/main.mjs>]`: only the server's
 * visits and its statements per request, to compare two builds in interleaved runs (README).
 */
import os from 'node:os'
import path from 'node:path'
import { benchAuditLog } from './audit-log.ts'
import { benchCcd } from './ccd.ts'
import { benchColdStart } from './cold-start.ts'
import { benchInstances } from './instances.ts'
import { benchConnectionLabel, benchDatabase } from './large-practice.ts'
import { benchPasswordVerification, benchSignIn } from './sign-in.ts'
import { round } from './stats.ts'
import { benchSync } from './sync.ts'
import { benchTabs, type LoadFigures } from './tabs.ts'
import { benchWebSize } from './web-size.ts'

interface Figure {
  name: string
  value: number
  unit: string
  budget?: string
  withinBudget?: boolean
  /** Printed instead of the value, for facts that are not numbers. */
  text?: string
}

function ccdFigures(ccd: Awaited<ReturnType<typeof benchCcd>>): Figure[] {
  const { medplum } = ccd
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
  const ratio = ccd.buildTypicalMedianMs / medplum.convertMedianMs
  return [
    {
      name: `care summary build to UTF-8, typical patient (${kb(ccd.typicalBytes)}, median)`,
      value: ccd.buildTypicalMedianMs,
      unit: 'ms',
      budget: '< 1 ms',
      withinBudget: ccd.buildTypicalMedianMs < 1,
    },
    {
      name: 'care summary build to a string, typical',
      value: ccd.buildStringTypicalMedianMs,
      unit: 'ms',
    },
    {
      name: `care summary build, largest patient (${kb(ccd.largeBytes)})`,
      value: ccd.buildLargeMedianMs,
      unit: 'ms',
    },
    {
      name: `@medplum/ccda ${medplum.version}, same patient as FHIR, to UTF-8 (${kb(medplum.bytes)})`,
      value: medplum.convertMedianMs,
      unit: 'ms',
    },
    {
      name: '  + our mapping to the FHIR bundle it needs',
      value: medplum.mapToFhirMedianMs,
      unit: 'ms',
    },
    {
      name: 'ours / @medplum/ccda (build time ratio)',
      value: ratio,
      unit: '',
      budget: '≤ 1 (no slower)',
      withinBudget: ratio <= 1,
    },
    {
      name: '@medplum/ccda output against our schema',
      value: 0,
      unit: '',
      text: medplum.valid ? 'valid' : `invalid (${medplum.firstError ?? 'no message'})`,
    },
    {
      name: '@medplum/ccda section narrative',
      value: 0,
      unit: '',
      text: `${medplum.sectionsWithNarrative} of ${medplum.sections} sections, ${medplum.entriesLinkedToNarrative} of ${medplum.entries} entries linked`,
    },
    {
      name: 'care summary schema validation, typical',
      value: ccd.validateTypicalMedianMs,
      unit: 'ms',
    },
    {
      name: 'care summary schema validation, largest',
      value: ccd.validateLargeMedianMs,
      unit: 'ms',
    },
    ...schematronFigures(ccd.schematron),
    { name: 'care summary HTML render, typical', value: ccd.renderHtmlTypicalMedianMs, unit: 'ms' },
    { name: 'care summary PDF render, typical', value: ccd.renderPdfTypicalMedianMs, unit: 'ms' },
  ]
}

/**
 * One line a document: its build time beside HL7's R2.1 Schematron errors (budget 0) and
 * warnings (a demo patient's: no more than HL7's own sample CCD has), then the sample itself.
 */
function schematronFigures({
  documents,
  sample,
}: Awaited<ReturnType<typeof benchCcd>>['schematron']): Figure[] {
  const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`
  const findings = (errors: number, warnings: number) =>
    `${count(errors, 'error')}, ${count(warnings, 'warning')}`
  return [
    ...documents.map((document) => ({
      name: `care summary ${document.name} (${kb(document.bytes)}): build ${round(document.buildMedianMs, 3)} ms median; C-CDA R2.1 Schematron (${Math.round(document.schematronMs)} ms)`,
      value: document.errors,
      unit: 'errors',
      text: findings(document.errors, document.warnings),
      budget: document.record ? `0 errors, ≤ ${sample.warnings} warnings` : '0 errors',
      withinBudget:
        document.errors === 0 && (!document.record || document.warnings <= sample.warnings),
    })),
    {
      name: `${sample.name}, same rules (${Math.round(sample.schematronMs)} ms)`,
      value: sample.errors,
      unit: 'errors',
      text: findings(sample.errors, sample.warnings),
    },
  ]
}

/** `--name value` from the command line, e.g. `npm run bench -- tabs --patients 20000`. */
function flag(name: string): number | undefined {
  const index = process.argv.indexOf(`--${name}`)
  return index < 0 ? undefined : Number(process.argv[index + 1])
}

function loadFigures(load: LoadFigures, budgets: { p99Ms?: number; ratio?: number }): Figure[] {
  const figures: Figure[] = [
    {
      name: `${load.label}: ${load.requests} requests, ${Math.round(load.requestsPerSecond)} req/s, p50`,
      value: load.p50Ms,
      unit: 'ms',
    },
    {
      name: `${load.label}: p99`,
      value: load.p99Ms,
      unit: 'ms',
      ...(budgets.p99Ms
        ? { budget: `< ${budgets.p99Ms} ms`, withinBudget: load.p99Ms < budgets.p99Ms }
        : {}),
    },
    {
      name: `${load.label}: errors (failed, timed out, not 2xx)${load.errorKinds ? `: ${load.errorKinds}` : ''}`,
      value: load.errors,
      unit: '',
      budget: '0',
      withinBudget: load.errors === 0,
    },
    {
      name: `${load.label}: kept reads answered from memory`,
      value: (load.hitRate ?? 0) * 100,
      unit: '%',
    },
    {
      name: `${load.label}: server CPU per request`,
      value: load.serverCpuMsPerRequest,
      unit: 'ms',
    },
    ...bareFigures(load, budgets),
    ...(load.statementsPerRequest !== undefined
      ? [
          {
            name: `${load.label}: statements sent to PostgreSQL per request`,
            value: load.statementsPerRequest,
            unit: '',
          },
        ]
      : []),
    {
      name: `${load.label}: server resident memory after the load`,
      value: load.residentMb,
      unit: 'MB',
    },
  ]
  if (load.databaseOnly) {
    const { databaseOnly } = load
    const share = load.requestsPerSecond / databaseOnly.requestsPerSecond
    figures.push(
      {
        name: `${load.label}: PostgreSQL alone, same statements (${databaseOnly.tool}; ${round(databaseOnly.statementsPerRequest, 2)} per request), requests' worth`,
        value: databaseOnly.requestsPerSecond,
        unit: 'req/s',
      },
      {
        name: `${load.label}: server vs PostgreSQL alone`,
        value: share * 100,
        unit: '%',
        budget: '≥ 70 %',
        withinBudget: share >= 0.7,
      },
    )
  }
  return figures
}

function bareFigures(load: LoadFigures, budgets: { ratio?: number }): Figure[] {
  const { bareRequestsPerSecond: bare, ratioToBare: ratio } = load
  if (bare === undefined || ratio === undefined) return []
  return [
    {
      name: `${load.label}: vs bare node:http, same bytes (${Math.round(bare)} req/s)`,
      value: ratio * 100,
      unit: '%',
      ...(budgets.ratio
        ? { budget: `≥ ${budgets.ratio * 100} %`, withinBudget: ratio >= budgets.ratio }
        : {}),
    },
  ]
}

/** `--name on|off`: undefined when not given. */
function onOff(name: string): boolean | undefined {
  const index = process.argv.indexOf(`--${name}`)
  if (index < 0) return undefined
  const value = process.argv[index + 1]
  if (value !== 'on' && value !== 'off') throw new Error(`--${name} takes on or off`)
  return value === 'on'
}

async function tabsFigures(): Promise<Figure[]> {
  const patients = flag('patients')
  const users = flag('users')
  const common = { ...(patients ? { patients } : {}), ...(users ? { users } : {}) }
  const instances = flag('instances')
  if (instances) return instancesFigures({ ...common, instances })
  // Only the server's visits: to compare two builds (interleaved runs), not for the budgets.
  const onlyVisits = process.argv.includes('--only-visits')
  const readCache = onOff('read-cache')
  // Another build's prebuilt server (its dist/server/main.mjs), e.g. main's, to compare with.
  const server = process.argv[process.argv.indexOf('--server') + 1]
  const postgres = await benchTabs({
    ...common,
    ...(process.argv.includes('--server') && server ? { serverArgs: [path.resolve(server)] } : {}),
    ...(flag('connections') ? { connections: flag('connections') } : {}),
    ...(onlyVisits ? { onlyVisits } : {}),
    ...(readCache !== undefined ? { readCache } : {}),
  })
  console.log(
    `tabs: ${postgres.users} visitors of a ${postgres.patients}-patient practice, ${postgres.connections} connections, ${benchConnectionLabel(benchDatabase(postgres.patients, false).url as string)}`,
  )
  const figures = postgres.figures.flatMap((load) =>
    loadFigures(load, load.keptReads ? { p99Ms: 20, ratio: 0.3 } : { p99Ms: 50 }),
  )
  if (!process.argv.includes('--no-embedded') && !onlyVisits) {
    // The laptop default: one process with its embedded database, a smaller practice.
    const embedded = await benchTabs({
      patients: Math.min(patients ?? 5000, 5000),
      users: Math.min(users ?? 1000, 1000),
      embedded: true,
      uncached: false,
    })
    figures.push(...embedded.figures.flatMap((load) => loadFigures(load, {})))
  }
  return figures
}

/** `tabs --instances N`: the same visits on one server, then alternately on N (docs/deploy.md). */
async function instancesFigures(options: Parameters<typeof benchInstances>[0]): Promise<Figure[]> {
  const scaled = await benchInstances({
    ...options,
    ...(flag('connections') ? { connections: flag('connections') } : {}),
  })
  console.log(
    `tabs over instances: ${scaled.users} visitors of a ${scaled.patients}-patient practice, ${scaled.connections} connections, kept reads on, PostgreSQL, ${os.availableParallelism()} cores`,
  )
  const figures: Figure[] = scaled.runs.flatMap((run) => {
    const label = `${run.instances} instance${run.instances > 1 ? 's' : ''}`
    return [
      {
        name: `${label}: ${run.requests} requests, req/s`,
        value: run.requestsPerSecond,
        unit: 'req/s',
      },
      { name: `${label}: p50`, value: run.p50Ms, unit: 'ms' },
      { name: `${label}: p99 (worst instance)`, value: run.p99Ms, unit: 'ms' },
      {
        name: `${label}: errors`,
        value: run.errors,
        unit: '',
        budget: '0',
        withinBudget: run.errors === 0,
      },
      { name: `${label}: kept reads answered from memory`, value: run.hitRate * 100, unit: '%' },
    ]
  })
  const many = scaled.runs[scaled.runs.length - 1]
  figures.push({
    name: `throughput of ${many?.instances} instances vs 1`,
    value: scaled.scaling,
    unit: '×',
  })
  return figures
}

function auditLogFigures(audit: Awaited<ReturnType<typeof benchAuditLog>>): Figure[] {
  const rows = `${(audit.events / 1e6).toLocaleString('en-US')} million events`
  return [
    ...audit.pages.map((page) => ({
      name: `audit log page of 50 (${rows}): ${page.name}, p95 (median ${round(page.medianMs)} ms)`,
      value: page.p95Ms,
      unit: 'ms',
      budget: '< 100 ms',
      withinBudget: page.p95Ms < 100,
    })),
    {
      name: 'the database alone: newest 50 ids by the practice index, p95',
      value: audit.bare.p95Ms,
      unit: 'ms',
    },
  ]
}

async function main() {
  const figures: Figure[] = []
  const only = process.argv
    .slice(2)
    .filter((arg, i, args) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'))
  const wants = (name: string) => only.length === 0 || only.includes(name)

  if (wants('start')) {
    const start = await benchColdStart()
    figures.push({
      name: 'first start (migrate + demo practice)',
      value: start.firstStartMs,
      unit: 'ms',
    })
    figures.push({
      name: 'cold start to /healthz, prebuilt server (median of 7, embedded db)',
      value: start.coldStartMedianMs,
      unit: 'ms',
      budget: '< 1000 ms',
      withinBudget: start.coldStartMedianMs < 1000,
    })
    figures.push({
      name: 'idle resident memory, prebuilt server',
      value: start.idleResidentMb,
      unit: 'MB',
      budget: '< 150 MB',
      withinBudget: start.idleResidentMb < 150,
    })
    figures.push({
      name: `the same through tsx (before): cold start ${Math.round(start.tsxColdStartMedianMs)} ms, idle resident memory`,
      value: start.tsxIdleResidentMb,
      unit: 'MB',
    })
  }
  if (wants('sign-in')) {
    const verification = await benchPasswordVerification()
    figures.push({
      name: 'argon2id password verification (median of 15)',
      value: verification.medianMs,
      unit: 'ms',
      budget: '50–250 ms',
      withinBudget: verification.medianMs >= 50 && verification.medianMs <= 250,
    })
    const signIn = await benchSignIn()
    figures.push({
      name: 'portal sign-in, 4 at a time: throughput',
      value: signIn.perSecond,
      unit: '/s',
    })
    figures.push({ name: 'portal sign-in, 4 at a time: p50', value: signIn.p50Ms, unit: 'ms' })
    figures.push({ name: 'portal sign-in, 4 at a time: p99', value: signIn.p99Ms, unit: 'ms' })
  }
  if (wants('web')) {
    const web = benchWebSize()
    figures.push({
      name: 'sign-in page JavaScript (gzip)',
      value: web.signInKb,
      unit: 'KB',
      budget: '≤ 100 KB',
      withinBudget: web.signInKb <= 100,
    })
    figures.push({
      name: 'signed-in first load JavaScript (gzip)',
      value: web.signedInKb,
      unit: 'KB',
      budget: '≤ 150 KB',
      withinBudget: web.signedInKb <= 150,
    })
  }
  if (wants('ccd')) figures.push(...ccdFigures(await benchCcd()))
  // Needs PostgreSQL and, the first time, minutes to fill: ask for it by name.
  if (only.includes('audit-log')) figures.push(...auditLogFigures(await benchAuditLog()))
  // Needs PostgreSQL and, the first time, minutes to build the large practice: ask for it by name.
  if (only.includes('tabs')) figures.push(...(await tabsFigures()))
  // Needs PostgreSQL; drops and makes its own database (bitewing_bench_sync): ask for it by name.
  if (only.includes('sync')) {
    const sync = await benchSync()
    const practice = `${sync.patients.toLocaleString('en-US')} patients, ${sync.operations.toLocaleString('en-US')} operations`
    figures.push({
      name: `sync API load through the batch endpoint (${practice}): total`,
      value: sync.seconds,
      unit: 's',
      budget: '< 300 s',
      withinBudget: sync.seconds < 300,
    })
    figures.push({
      name: 'sync API load: operations per second',
      value: sync.operationsPerSecond,
      unit: 'rows/s',
    })
    for (const [phase, seconds] of Object.entries(sync.phaseSeconds)) {
      figures.push({ name: `  of which ${phase}`, value: seconds, unit: 's' })
    }
    figures.push({
      name: 'sync API load: server resident memory once started (before the load)',
      value: sync.idleResidentMb,
      unit: 'MB',
    })
    figures.push({
      name: 'sync API load: server peak resident memory',
      value: sync.peakResidentMb,
      unit: 'MB',
      budget: '< 300 MB',
      withinBudget: sync.peakResidentMb < 300,
    })
  }
  print(figures)
  // Figures from a busy machine are not comparable; say how busy it was.
  const [one, five] = os.loadavg().map((load) => round(load, 2))
  console.log(
    `load average at the end: ${one} (1 min), ${five} (5 min) on ${os.cpus().length} cores`,
  )
}

function print(figures: Figure[]) {
  for (const figure of figures) {
    const verdict =
      figure.withinBudget === undefined ? '' : figure.withinBudget ? '  ok' : '  OVER BUDGET'
    const budget = figure.budget ? `  (budget ${figure.budget})` : ''
    const digits = figure.value < 10 ? 2 : 1
    const value = figure.text ?? `${round(figure.value, digits)} ${figure.unit}`.trim()
    console.log(`${figure.name}: ${value}${budget}${verdict}`)
  }
}

await main()
