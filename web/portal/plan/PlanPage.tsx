import { useRef } from 'react'
import { Button } from 'react-aria-components'
import { formatCalendarDate, formatMoney } from '../../ui/i18n/format.ts'
import { NothingYet, QueryView, TabSection, usePatientRead } from '../tab-parts.tsx'
import type { TabPageProps } from '../tabs.ts'
import { MONEY_COLUMNS, type PlansView, printOnly, type SavedPlan } from './rules.ts'
import './plan.css'
import { ColumnHeads } from '../../ui/table.tsx'

const PLAN_COLUMNS = [
  'Priority',
  'Tooth',
  'Surface',
  'Code',
  'Description',
  ...MONEY_COLUMNS.map((column) => ({ label: column.label, num: true })),
]

/** The Plan tab: saved treatment plans, newest first, each printable on its own. */
export default function PlanPage({ patientId, patientName }: TabPageProps) {
  const query = usePatientRead<PlansView>(patientId, 'plan', 'plans')
  return (
    <TabSection id="plan" title="Treatment plans">
      <QueryView query={query} feature="plan">
        {(view) =>
          view.plans.length === 0 ? (
            <NothingYet>
              There are no saved treatment plans. When the dentist saves a plan for you, it appears
              here.
            </NothingYet>
          ) : (
            view.plans.map((plan) => (
              <Plan key={plan.id} plan={plan} currency={view.currency} patientName={patientName} />
            ))
          )
        }
      </QueryView>
    </TabSection>
  )
}

function Plan({
  plan,
  currency,
  patientName,
}: {
  plan: SavedPlan
  currency: string
  patientName: string
}) {
  const section = useRef<HTMLElement>(null)
  const headingId = `plan-${plan.id}-heading`
  const captionId = `plan-${plan.id}-caption`
  const money = (cents: number) => formatMoney(cents, currency)
  return (
    <section ref={section} className="tab-panel plan" aria-labelledby={headingId}>
      <p className="print-only">Treatment plan for {patientName}</p>
      <div className="plan-head">
        <div>
          <h3 id={headingId}>{plan.heading}</h3>
          <p className="muted plan-date">Saved {formatCalendarDate(plan.date)}</p>
        </div>
        <Button
          className="button button-secondary no-print"
          aria-describedby={headingId}
          onPress={() => {
            if (section.current) printOnly(section.current)
          }}
        >
          Print
        </Button>
      </div>
      {plan.note ? <p className="plan-note">{plan.note}</p> : null}
      {plan.rows.length === 0 ? (
        <p className="muted">This plan has no procedures.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <table className="data-table plan-table stack-table">
            <caption id={captionId}>
              Procedures in {plan.heading}
              <span className="visually-hidden">, with fees and estimates</span>
            </caption>
            <ColumnHeads columns={PLAN_COLUMNS} />
            <tbody>
              {plan.rows.map((row, index) => (
                // Rows have no id of their own; their order is the plan's.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own
                <tr key={index}>
                  <td data-label="Priority">{row.priority ?? ''}</td>
                  <td data-label="Tooth">{row.tooth ?? ''}</td>
                  <td data-label="Surface">{row.surface ?? ''}</td>
                  <td data-label="Code">{row.code}</td>
                  <th scope="row" className="plan-description">
                    {row.description}
                  </th>
                  {MONEY_COLUMNS.map((column) => (
                    <td key={column.key} className="num" data-label={column.label}>
                      {money(row[column.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>
                  Total
                </th>
                {MONEY_COLUMNS.map((column) => (
                  <td key={column.key} className="num" data-label={column.label}>
                    {money(plan.totals[column.key])}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </section>
      )}
    </section>
  )
}
