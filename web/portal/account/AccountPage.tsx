import { useQueryClient } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { Button } from 'react-aria-components'
import { formatCalendarDate, formatDate, formatMoney } from '../../ui/i18n/format.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { Loading } from '../../ui/status.tsx'
import { ColumnHeads } from '../../ui/table.tsx'
import { useSession } from '../session.ts'
import {
  patientApi,
  patientKey,
  QueryView,
  TabPanel,
  TabSection,
  usePatientRead,
  usePracticeTimeZone,
} from '../tab-parts.tsx'
import type { TabPageProps } from '../tabs.ts'
import { receiptPath } from './payment-rules.ts'
import {
  type AccountView,
  accountOwnerLine,
  type Payment,
  paymentMethod,
  type Statement,
  statementPdfPath,
} from './rules.ts'

const MakePayment = lazy(async () => ({
  default: (await import('./MakePayment.tsx')).MakePayment,
}))

/** The Account tab: the balance on the last statement, the statements, the payments. */
export default function AccountPage({ patientId }: TabPageProps) {
  const query = usePatientRead<AccountView>(patientId, 'account', 'account')
  const t = useT()
  return (
    <TabSection id="account" title={t('tab.account')}>
      <QueryView query={query} feature="account">
        {(view) => <Account view={view} patientId={patientId} />}
      </QueryView>
    </TabSection>
  )
}

function Account({ view, patientId }: { view: AccountView; patientId: number }) {
  const t = useT()
  const owner = accountOwnerLine(view, t)
  const timeZone = usePracticeTimeZone()
  if (!view.visible) {
    return (
      <div className="tab-panel surface">
        <p>{owner}</p>
      </div>
    )
  }
  return (
    <>
      {owner ? <p className="account-owner">{owner}</p> : null}
      <TabPanel id="balance" title={t('account.balance')} className="balance">
        {view.balance ? (
          <p className="balance-line">
            {t('account.balanceLine', {
              date: formatCalendarDate(view.balance.statementDate),
              amount: <strong>{formatMoney(view.balance.cents, view.currency)}</strong>,
            })}
          </p>
        ) : (
          <p className="muted">{t('account.noBalance')}</p>
        )}
      </TabPanel>
      <PaymentPanel patientId={patientId} />
      <TabPanel
        id="statements"
        title={t('account.statements')}
        empty={view.statements.length === 0 && t('account.noStatements')}
      >
        <Statements statements={view.statements} currency={view.currency} patientId={patientId} />
      </TabPanel>
      <TabPanel
        id="payments"
        title={t('account.payments')}
        empty={view.payments.length === 0 && t('account.noPayments')}
      >
        <Payments payments={view.payments} currency={view.currency} timeZone={timeZone} />
      </TabPanel>
    </>
  )
}

/** Make payment, when the practice takes payments online: the form opens on request. */
function PaymentPanel({ patientId }: { patientId: number }) {
  const session = useSession()
  const queryClient = useQueryClient()
  const [open, setOpen] = useState(false)
  const t = useT()
  if (!session.data?.features.includes('payments')) return null
  return (
    <TabPanel id="make-payment" title={t('links.makePayment')}>
      {open ? (
        <Suspense fallback={<Loading />}>
          <MakePayment
            endpoints={{
              form: patientApi(patientId, 'payments/form'),
              pay: patientApi(patientId, 'payments'),
              signedIn: true,
              receiptHref: (attemptId) => receiptPath(patientId, attemptId),
              onPaid: () =>
                void queryClient.invalidateQueries({ queryKey: patientKey(patientId, 'account') }),
            }}
          />
        </Suspense>
      ) : (
        <Button className="button" onPress={() => setOpen(true)}>
          {t('links.makePayment')}
        </Button>
      )}
    </TabPanel>
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
  const t = useT()
  return (
    <table className="data-table stack-table">
      <caption className="visually-hidden">{t('account.statementsCaption')}</caption>
      <ColumnHeads
        columns={[
          t('account.date'),
          { label: t('account.amount'), num: true },
          t('account.status'),
          { label: t('account.statementPdf'), hidden: true },
        ]}
      />
      <tbody>
        {statements.map((statement) => {
          const date = formatCalendarDate(statement.date)
          return (
            <tr key={statement.id}>
              <th scope="row">
                {t('account.statementOf', {
                  date,
                  hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                })}
              </th>
              <td className="num" data-label={t('account.amount')}>
                {formatMoney(statement.amountCents, currency)}
              </td>
              <td data-label={t('account.status')}>
                {t('account.statementStatus', { status: statement.status })}
              </td>
              <td>
                {statement.hasPdf ? (
                  <span className="item-actions">
                    <a
                      className="button-link button-small"
                      href={statementPdfPath(patientId, statement.id, false)}
                      target="_blank"
                      rel="noopener"
                    >
                      {t('account.viewStatement', {
                        date,
                        hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                      })}
                    </a>
                    <a
                      className="button-link button-small"
                      href={statementPdfPath(patientId, statement.id, true)}
                      download
                    >
                      {t('account.downloadStatement', {
                        date,
                        hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                      })}
                    </a>
                  </span>
                ) : (
                  <span className="muted">{t('account.noPdf')}</span>
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
  const t = useT()
  return (
    <table className="data-table stack-table">
      <caption className="visually-hidden">{t('account.paymentsCaption')}</caption>
      <ColumnHeads
        columns={[
          t('account.date'),
          { label: t('account.amount'), num: true },
          t('account.method'),
          t('account.status'),
          t('account.note'),
        ]}
      />
      <tbody>
        {payments.map((payment) => (
          <tr key={payment.id}>
            <th scope="row">
              {t('account.paymentOf', {
                date: formatDate(payment.paidAt, undefined, timeZone),
                hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
              })}
            </th>
            <td className="num" data-label={t('account.amount')}>
              {formatMoney(payment.amountCents, currency)}
            </td>
            <td data-label={t('account.method')}>{paymentMethod(payment)}</td>
            <td data-label={t('account.status')}>
              {t('account.paymentStatus', { status: payment.status })}
            </td>
            <td data-label={t('account.note')}>
              {payment.note ?? <span className="muted">{t('account.none')}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
