import { formatCalendarDate, formatDate, formatMoney } from '../../ui/i18n/format.ts'
import { ColumnHeads } from '../../ui/table.tsx'
import {
  QueryView,
  TabPanel,
  TabSection,
  usePatientRead,
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
  const query = usePatientRead<AccountView>(patientId, 'account', 'account')
  return (
    <TabSection id="account" title="Account">
      <QueryView query={query} feature="account">
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
      <TabPanel id="balance" title="Balance" className="balance">
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
      </TabPanel>
      <TabPanel
        id="statements"
        title="Statements"
        empty={view.statements.length === 0 && 'No statements yet.'}
      >
        <Statements statements={view.statements} currency={view.currency} patientId={patientId} />
      </TabPanel>
      <TabPanel
        id="payments"
        title="Payments"
        empty={view.payments.length === 0 && 'No payments yet.'}
      >
        <Payments payments={view.payments} currency={view.currency} timeZone={timeZone} />
      </TabPanel>
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
      <ColumnHeads
        columns={[
          'Date',
          { label: 'Amount', num: true },
          'Status',
          { label: 'Statement PDF', hidden: true },
        ]}
      />
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
      <ColumnHeads columns={['Date', { label: 'Amount', num: true }, 'Method', 'Status', 'Note']} />
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
