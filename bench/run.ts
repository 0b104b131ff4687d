/**
 * `npm run bench`: measures Bitewing against the budgets in DESIGN.md and prints each figure
 * beside its budget. Figures vary with the machine; run it on an otherwise idle one.
 */
import os from 'node:os'
import { benchCcd } from './ccd.ts'
import { benchColdStart } from './cold-start.ts'
import { benchPasswordVerification, benchSignIn } from './sign-in.ts'
import { round } from './stats.ts'
import { benchTabs } from './tabs.ts'

interface Figure {
  name: string
  value: number
  unit: string
  budget?: string
  withinBudget?: boolean
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
  if (wants('ccd')) {
    const ccd = await benchCcd()
    figures.push({
      name: `care summary build, typical patient (${Math.round(ccd.typicalBytes / 1024)} KB, median)`,
      value: ccd.buildTypicalMedianMs,
      unit: 'ms',
      budget: '< 1 ms',
      withinBudget: ccd.buildTypicalMedianMs < 1,
    })
    figures.push({
      name: 'care summary build + UTF-8 bytes, typical patient',
      value: ccd.buildAndEncodeTypicalMedianMs,
      unit: 'ms',
    })
    figures.push({
      name: `care summary build, largest patient (${Math.round(ccd.largeBytes / 1024)} KB)`,
      value: ccd.buildLargeMedianMs,
      unit: 'ms',
    })
    figures.push({
      name: 'care summary schema validation, typical',
      value: ccd.validateTypicalMedianMs,
      unit: 'ms',
    })
    figures.push({
      name: 'care summary schema validation, largest',
      value: ccd.validateLargeMedianMs,
      unit: 'ms',
    })
    figures.push({
      name: 'care summary HTML render, typical',
      value: ccd.renderHtmlTypicalMedianMs,
      unit: 'ms',
    })
    figures.push({
      name: 'care summary PDF render, typical',
      value: ccd.renderPdfTypicalMedianMs,
      unit: 'ms',
    })
  }
  // Needs PostgreSQL and, the first time, minutes to build the large practice: ask for it by name.
  if (only.includes('tabs')) {
    const tabs = await benchTabs()
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
    figures.push({
      name: 'server resident memory after the load',
      value: tabs.residentMb,
      unit: 'MB',
      budget: '< 300 MB',
      withinBudget: tabs.residentMb < 300,
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
    console.log(
      `${figure.name}: ${round(figure.value, figure.value < 10 ? 2 : 1)} ${figure.unit}${budget}${verdict}`,
    )
  }
}

await main()
