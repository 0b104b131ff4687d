/**
 * `npm run bench`: measures Bitewing against the budgets in DESIGN.md and prints each figure
 * beside its budget. Figures vary with the machine; run it on an otherwise idle one.
 */
import { benchColdStart } from './cold-start.ts'
import { round } from './stats.ts'

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
    figures.push({ name: 'first start (migrate + demo practice)', value: start.firstStartMs, unit: 'ms' })
    figures.push({
      name: 'cold start to /healthz (median of 7, embedded db)',
      value: start.coldStartMedianMs,
      unit: 'ms',
      budget: '< 3000 ms',
      withinBudget: start.coldStartMedianMs < 3000,
    })
  }
  print(figures)
}

function print(figures: Figure[]) {
  for (const figure of figures) {
    const verdict = figure.withinBudget === undefined ? '' : figure.withinBudget ? '  ok' : '  OVER BUDGET'
    const budget = figure.budget ? `  (budget ${figure.budget})` : ''
    console.log(`${figure.name}: ${round(figure.value)} ${figure.unit}${budget}${verdict}`)
  }
}

await main()
