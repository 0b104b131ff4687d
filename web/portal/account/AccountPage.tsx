import { useQuery } from '@tanstack/react-query'
import { getJson } from '../../ui/api.ts'
import { formatCalendarDate, formatDate, formatMoney } from '../../ui/i18n/format.ts'
import {
  patientApi,
  patientKey,
  QueryView,
  TabSection,
  usePracticeTimeZone,
} from '../tab-parts.tsx'
import type { TabPageProps } from '../tabs.ts'
import {
  type AccountView,
  accountOwnerLine,
  type Payment,
  paymentMethod,
  type Statement,
  statementPdfPath,
} from './rules.ts'

/** The Account tab: the balance on the last statement, the statements, the payments. */
export default function AccountPage({ patientId }: TabPageProps) {
  const query = useQuery({
    queryKey: patientKey(patientId, 'account'),
    queryFn: ({ signal }) => getJson<AccountView>(patientApi(patientId, 'account'), signal),
  })
  return (
    <TabSection id="account" title="Account">
      <QueryView query={query} label="Account">
        {(view) => <Account view={view} patientId={patientId} />}
      </QueryView>
    </TabSection>
  )
}

function Account({ view, patientId }: { view: AccountView; patientId: number }) {
  const owner = accountOwnerLine(view)
  const timeZone = usePracticeTimeZone()
  if (!view.visible) {
    return (
      <div className="tab-panel">
        <p>{owner}</p>
      </div>
    )
  }
  return (
    <>
      {owner ? <p className="account-owner">{owner}</p> : null}
      <section className="tab-panel balance" aria-labelledby="balance-heading">
        <h3 id="balance-heading">Balance</h3>
        {view.balance ? (
          <p className="balance-line">
            Balance on your statement of {formatCalendarDate(view.balance.statementDate)}:{' '}
            <strong>{formatMoney(view.balance.cents, view.currency)}</strong>
          </p>
        ) : (
          <p className="muted">
            There is no statement yet, so no balance is shown here. The office can tell you your
            current balance.
          </p>
        )}
      </section>

      <section className="tab-panel" aria-labelledby="statements-heading">
        <h3 id="statements-heading">Statements</h3>
        {view.statements.length === 0 ? (
          <p className="muted">No statements yet.</p>
        ) : (
          <Statements statements={view.statements} currency={view.currency} patientId={patientId} />
        )}
      </section>

      <section className="tab-panel" aria-labelledby="payments-heading">
        <h3 id="payments-heading">Payments</h3>
        {view.payments.length === 0 ? (
          <p className="muted">No payments yet.</p>
        ) : (
          <Payments payments={view.payments} currency={view.currency} timeZone={timeZone} />
        )}
      </section>
    </>
  )
}

function Statements({
  statements,
  currency,
  patientId,
}: {
  statements: Statement[]
  currency: string
  patientId: number
}) {
  return (
    <table className="data-table stack-table">
      <caption className="visually-hidden">Statements, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col">Status</th>
          <th scope="col">
            <span className="visually-hidden">Statement PDF</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {statements.map((statement) => {
          const date = formatCalendarDate(statement.date)
          return (
            <tr key={statement.id}>
              <th scope="row">
                <span className="visually-hidden">Statement of </span>
                {date}
              </th>
              <td className="num" data-label="Amount">
                {formatMoney(statement.amountCents, currency)}
              </td>
              <td data-label="Status">{statement.status}</td>
              <td>
                {statement.hasPdf ? (
                  <span className="item-actions">
                    <a
                      className="button-link button-small"
                      href={statementPdfPath(patientId, statement.id, false)}
                      target="_blank"
                      rel="noopener"
                    >
                      View
                      <span className="visually-hidden">
                        {' '}
                        statement of {date} (opens in a new tab)
                      </span>
                    </a>
                    <a
                      className="button-link button-small"
                      href={statementPdfPath(patientId, statement.id, true)}
                      download
                    >
                      Download<span className="visually-hidden"> statement of {date}</span>
                    </a>
                  </span>
                ) : (
                  <span className="muted">No PDF</span>
                )}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

function Payments({
  payments,
  currency,
  timeZone,
}: {
  payments: Payment[]
  currency: string
  timeZone: string | undefined
}) {
  return (
    <table className="data-table stack-table">
      <caption className="visually-hidden">Payments, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col">Method</th>
          <th scope="col">Status</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {payments.map((payment) => (
          <tr key={payment.id}>
            <th scope="row">
              <span className="visually-hidden">Payment of </span>
              {formatDate(payment.paidAt, undefined, timeZone)}
            </th>
            <td className="num" data-label="Amount">
              {formatMoney(payment.amountCents, currency)}
            </td>
            <td data-label="Method">{paymentMethod(payment)}</td>
            <td data-label="Status">{payment.status}</td>
            <td data-label="Note">{payment.note ?? <span className="muted">None</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
