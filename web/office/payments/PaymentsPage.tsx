import { useMutation, useQuery } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { Fact } from '../../ui/fact.tsx'
import { formatCalendarDate, formatMoney } from '../../ui/i18n/format.ts'
import { type Translate, useT } from '../../ui/i18n/i18n.tsx'
import { QueryStatus } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type Announce, Announcements, useAnnouncements } from '../Announcements.tsx'
import { OfficeForm } from '../OfficeForm.tsx'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
import {
  type OnlinePayment,
  onlinePaymentsQuery,
  parseRefundAmount,
  refundOnlinePayment,
} from './payments-api.ts'
import './payments.css'

/**
 * Online payments (administrators and the front desk): what patients paid in the portal. The
 * ones the practice-management system has not posted yet come first; each shows what its receipt
 * said, and may be refunded (all or part, once) with a reason.
 */
export function PaymentsPage() {
  const payments = useQuery({ ...onlinePaymentsQuery, refetchOnMount: 'always' })
  const { announcement, announce } = useAnnouncements(onlinePaymentsQuery.queryKey)
  const t = useT()
  const toPost = payments.data?.filter((payment) => payment.status === 'Pending') ?? []
  const others = payments.data?.filter((payment) => payment.status !== 'Pending') ?? []

  return (
    <>
      <p>{t('office.payments.intro')}</p>
      <TimeZoneNote />
      <Announcements announcement={announcement} />
      <QueryStatus query={payments} />
      {payments.isSuccess ? (
        <>
          <PaymentSection
            id="to-post"
            title={t('office.payments.toPost')}
            empty={t('office.payments.toPostEmpty')}
            payments={toPost}
            announce={announce}
          />
          <PaymentSection
            id="posted"
            title={t('office.payments.posted')}
            empty={t('office.payments.postedEmpty')}
            payments={others}
            announce={announce}
          />
        </>
      ) : null}
    </>
  )
}

function PaymentSection({
  id,
  title,
  empty,
  payments,
  announce,
}: {
  id: string
  title: string
  empty: string
  payments: OnlinePayment[]
  announce: Announce
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {payments.length === 0 ? <p>{empty}</p> : null}
      {payments.length > 0 ? (
        <ol className="payment-list">
          {payments.map((payment) => (
            <li key={payment.id}>
              <PaymentItem payment={payment} announce={announce} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  )
}

const money = (payment: OnlinePayment, cents: number) => formatMoney(cents, payment.currency)

function PaymentItem({ payment, announce }: { payment: OnlinePayment; announce: Announce }) {
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const t = useT()
  const dateTime = usePracticeDateTime()
  const refundable = payment.status === 'Pending' || payment.status === 'Posted'
  return (
    <article className="payment" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {t('office.payments.heading', {
          amount: money(payment, payment.amountCents),
          name: payment.accountHolder,
        })}
      </h3>
      <dl className="payment-facts">
        <Fact label={t('office.payments.paid')}>{dateTime(payment.paidAt)}</Fact>
        <Fact label={t('office.payments.status')}>{statusText(payment, t, dateTime)}</Fact>
        <Fact label={t('office.payments.accountOf')}>{payment.accountHolder}</Fact>
        {payment.paidBy ? <Fact label={t('office.payments.paidBy')}>{payment.paidBy}</Fact> : null}
        <Fact label={t('office.payments.card')}>
          {payment.card ?? t('office.payments.notKnown')}
        </Fact>
        <Fact label={t('office.payments.receipt')}>{payment.receiptNumber ?? '—'}</Fact>
        {payment.statementDate ? (
          <Fact label={t('office.payments.statement')}>
            {formatCalendarDate(payment.statementDate)}
          </Fact>
        ) : null}
        <Fact label={t('office.payments.paidFrom')}>
          {payment.onlineWithoutSignIn
            ? t('office.payments.withoutSignIn')
            : t('office.payments.signedIn')}
        </Fact>
        {payment.note ? <Fact label={t('office.payments.note')}>{payment.note}</Fact> : null}
        <Fact label={t('office.payments.reference')}>
          <code>{payment.processorReference ?? '—'}</code>
        </Fact>
        {payment.refund ? (
          <>
            <Fact label={t('office.payments.refunded')}>
              {payment.refund.staffName
                ? t('office.payments.refundedBy', {
                    amount: money(payment, payment.refund.amountCents),
                    date: dateTime(payment.refund.refundedAt),
                    name: payment.refund.staffName,
                  })
                : t('office.payments.refundedOn', {
                    amount: money(payment, payment.refund.amountCents),
                    date: dateTime(payment.refund.refundedAt),
                  })}
            </Fact>
            <Fact label={t('office.payments.reasonLabel')}>{payment.refund.reason}</Fact>
          </>
        ) : null}
      </dl>
      {refundable ? (
        <RefundButton
          payment={payment}
          onRefunded={(text) => {
            announce({ kind: 'success', text })
            heading.current?.focus()
          }}
        />
      ) : null}
    </article>
  )
}

function statusText(
  payment: OnlinePayment,
  t: Translate,
  dateTime: (instant: string) => string,
): string {
  switch (payment.status) {
    case 'Pending':
      return t('office.payments.statusPending')
    case 'Posted':
      return payment.postedAt
        ? t('office.payments.statusPostedAt', { date: dateTime(payment.postedAt) })
        : t('office.payments.statusPosted')
    case 'Refunded':
      return t('office.payments.refunded')
    default:
      return t('office.payments.statusDeclined')
  }
}

function RefundButton({
  payment,
  onRefunded,
}: {
  payment: OnlinePayment
  onRefunded: (text: string) => void
}) {
  const t = useT()
  const [isOpen, setOpen] = useState(false)
  const [amount, setAmount] = useState((payment.amountCents / 100).toFixed(2))
  const [reason, setReason] = useState('')
  const refund = useMutation({
    mutationFn: (cents: number) => refundOnlinePayment(payment.id, cents, reason.trim()),
    onSuccess: (refunded) => {
      setOpen(false)
      onRefunded(
        t('office.payments.refundDone', {
          amount: money(refunded, refunded.refund?.amountCents ?? 0),
          name: refunded.accountHolder,
        }),
      )
    },
  })
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({})

  function submit() {
    const cents = parseRefundAmount(amount)
    const found: Record<string, string> = {}
    if (cents === null) found.amountCents = t('office.payments.amountProblem')
    else if (cents > payment.amountCents) {
      found.amountCents = t('office.payments.atMost', {
        amount: money(payment, payment.amountCents),
      })
    }
    if (reason.trim().length < 3) found.reason = t('office.payments.reasonProblem')
    setLocalErrors(found)
    if (cents !== null && Object.keys(found).length === 0) refund.mutate(cents)
  }

  return (
    <>
      <Button className="button button-danger-outline" onPress={() => setOpen(true)}>
        {t('office.payments.refund')}
      </Button>
      <DialogShell
        title={t('office.payments.refundTitle', {
          amount: money(payment, payment.amountCents),
          name: payment.accountHolder,
        })}
        isOpen={isOpen}
        onOpenChange={setOpen}
        size="medium"
      >
        <OfficeForm
          mutation={refund}
          what={t('office.payments.refunding')}
          onSubmit={submit}
          moreErrors={localErrors}
          actions={
            <DialogActions>
              <Button slot="close" className="button button-secondary">
                {t('office.common.cancel')}
              </Button>
              <Button type="submit" className="button button-danger">
                {refund.isPending
                  ? t('office.payments.refundingNow')
                  : t('office.payments.refundPayment')}
              </Button>
            </DialogActions>
          }
        >
          <p>
            {t('office.payments.refundBody', {
              card: payment.card ?? t('office.payments.theCard'),
            })}
          </p>
          <TextInputField
            label={t('office.payments.amount')}
            description={t('office.payments.upTo', { amount: money(payment, payment.amountCents) })}
            name="amountCents"
            value={amount}
            onChange={setAmount}
            inputProps={{ inputMode: 'decimal' }}
            maxLength={12}
          />
          <TextInputField
            label={t('office.payments.reason')}
            description={t('office.payments.reasonHelp')}
            name="reason"
            value={reason}
            onChange={setReason}
            isRequired
            maxLength={500}
          />
        </OfficeForm>
      </DialogShell>
    </>
  )
}
