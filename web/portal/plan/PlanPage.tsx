import { useRef } from 'react'
import { Button } from 'react-aria-components'
import { formatCalendarDate, formatMoney } from '../../ui/i18n/format.ts'
import { NothingYet, QueryView, TabSection, usePatientRead } from '../tab-parts.tsx'
import type { TabPageProps } from '../tabs.ts'
import { MONEY_COLUMNS, type PlansView, printOnly, type SavedPlan } from './rules.ts'
import './plan.css'
import { type Translate, useT } from '../../ui/i18n/i18n.tsx'
import { ColumnHeads } from '../../ui/table.tsx'

const planColumns = (t: Translate) => [
  t('plan.priority'),
  t('plan.tooth'),
  t('plan.surface'),
  t('plan.code'),
  t('plan.description'),
  ...MONEY_COLUMNS.map((column) => ({ label: t(column.label), num: true })),
]

/** The Plan tab: saved treatment plans, newest first, each printable on its own. */
export default function PlanPage({ patientId, patientName }: TabPageProps) {
  const query = usePatientRead<PlansView>(patientId, 'plan', 'plans')
  const t = useT()
  return (
    <TabSection id="plan" title={t('plan.title')}>
      <QueryView query={query} feature="plan">
        {(view) =>
          view.plans.length === 0 ? (
            <NothingYet>{t('plan.none')}</NothingYet>
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
  const t = useT()
  const section = useRef<HTMLElement>(null)
  const headingId = `plan-${plan.id}-heading`
  const captionId = `plan-${plan.id}-caption`
  const money = (cents: number) => formatMoney(cents, currency)
  return (
    <section ref={section} className="tab-panel surface plan" aria-labelledby={headingId}>
      <p className="print-only">{t('plan.printFor', { name: patientName })}</p>
      <div className="plan-head">
        <div>
          <h3 id={headingId}>{plan.heading}</h3>
          <p className="muted plan-date">
            {t('plan.saved', { date: formatCalendarDate(plan.date) })}
          </p>
        </div>
        <Button
          className="button button-secondary no-print"
          aria-describedby={headingId}
          onPress={() => {
            if (section.current) printOnly(section.current)
          }}
        >
          {t('plan.print')}
        </Button>
      </div>
      {plan.note ? <p className="plan-note">{plan.note}</p> : null}
      {plan.rows.length === 0 ? (
        <p className="muted">{t('plan.noProcedures')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        <section className="table-scroll" aria-labelledby={captionId} tabIndex={0}>
          <table className="data-table plan-table stack-table">
            <caption id={captionId}>
              {t('plan.caption', {
                heading: plan.heading,
                hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
              })}
            </caption>
            <ColumnHeads columns={planColumns(t)} />
            <tbody>
              {plan.rows.map((row, index) => (
                // Rows have no id of their own; their order is the plan's.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id of their own
                <tr key={index}>
                  <td data-label={t('plan.priority')}>{row.priority ?? ''}</td>
                  <td data-label={t('plan.tooth')}>{row.tooth ?? ''}</td>
                  <td data-label={t('plan.surface')}>{row.surface ?? ''}</td>
                  <td data-label={t('plan.code')}>{row.code}</td>
                  <th scope="row" className="plan-description">
                    {row.description}
                  </th>
                  {MONEY_COLUMNS.map((column) => (
                    <td key={column.key} className="num" data-label={t(column.label)}>
                      {money(row[column.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={5}>
                  {t('plan.total')}
                </th>
                {MONEY_COLUMNS.map((column) => (
                  <td key={column.key} className="num" data-label={t(column.label)}>
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
