/**
 * `npm run bench`: measures Bitewing against the budgets in DESIGN.md and prints each figure
 * beside its budget. Figures vary with the machine; run it on an otherwise idle one.
 */
import os from 'node:os'
import { benchCcd } from './ccd.ts'
import { benchColdStart } from './cold-start.ts'
import { benchPasswordVerification, benchSignIn } from './sign-in.ts'
import { round } from './stats.ts'
import { benchSync } from './sync.ts'
import { benchTabs } from './tabs.ts'

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
    ...ccd.schematron.map((document) => ({
      name: `care summary C-CDA R2.1 Schematron, ${document.name} (${Math.round(document.ms)} ms)`,
      value: document.errors,
      unit: 'errors',
      text: `${document.errors} errors, ${document.warnings} warnings`,
      budget: '0 errors',
      withinBudget: document.errors === 0,
    })),
    { name: 'care summary HTML render, typical', value: ccd.renderHtmlTypicalMedianMs, unit: 'ms' },
    { name: 'care summary PDF render, typical', value: ccd.renderPdfTypicalMedianMs, unit: 'ms' },
  ]
}

async function main() {
  const figures: Figure[] = []
  const only = process.argv.slice(2)
  const wants = (name: string) => only.length === 0 || only.includes(name)

  if (wants('start')) {
    const start = await benchColdStart()
    figures.push({
      name: 'first start (migrate + demo practice)',
      value: start.firstStartMs,
      unit: 'ms',
    })
    figures.push({
      name: 'cold start to /healthz (median of 7, embedded db)',
      value: start.coldStartMedianMs,
      unit: 'ms',
      budget: '< 3000 ms',
      withinBudget: start.coldStartMedianMs < 3000,
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
  if (wants('ccd')) figures.push(...ccdFigures(await benchCcd()))
  // Needs PostgreSQL and, the first time, minutes to build the large practice: ask for it by name.
  if (only.includes('tabs')) {
    const tabs = await benchTabs()
    const bare = new Map(tabs.results.map((result) => [result.tab, result.bareRequestsPerSecond]))
    const fromDatabase = await benchTabs({ readCache: false, bare })
    for (const result of tabs.results) {
      figures.push({
        name: `GET ${result.tab} at 100 connections: p99`,
        value: result.p99Ms,
        unit: 'ms',
        budget: '< 50 ms',
        withinBudget: result.p99Ms < 50 && result.errors === 0,
      })
      figures.push({
        name: `GET ${result.tab}: throughput vs bare node:http (${Math.round(result.requestsPerSecond)} vs ${Math.round(result.bareRequestsPerSecond)} req/s)`,
        value: result.ratio * 100,
        unit: '%',
        budget: '≥ 25 %',
        withinBudget: result.ratio >= 0.25,
      })
      figures.push({
        name: `GET ${result.tab}: server CPU per request (Node.js process)`,
        value: result.serverCpuMsPerRequest,
        unit: 'ms',
      })
    }
    // No budget: the same reads with nothing kept in memory, every request a round trip.
    for (const result of fromDatabase.results) {
      figures.push({
        name: `GET ${result.tab}, READ_CACHE=false: p99 ${round(result.p99Ms, 1)} ms, ${Math.round(result.requestsPerSecond)} req/s, ratio`,
        value: result.ratio * 100,
        unit: '%',
      })
    }
    figures.push({
      name: 'server resident memory after the load',
      value: tabs.residentMb,
      unit: 'MB',
      budget: '< 300 MB',
      withinBudget: tabs.residentMb < 300,
    })
  }
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
