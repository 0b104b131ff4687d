import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useRef, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { formatCalendarDate, formatDateTime, formatMoney } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type Announcement, Announcements } from '../Announcements.tsx'
import { ConsolePage } from '../ConsolePage.tsx'
import { actionFailureMessage } from '../labels.ts'
import { useFieldErrors } from '../settings/section.tsx'
import {
  fetchOnlinePayments,
  ONLINE_PAYMENTS_KEY,
  type OnlinePayment,
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
  return (
    <ConsolePage title="Online payments" action="payments.manage">
      <PaymentLists />
    </ConsolePage>
  )
}

function PaymentLists() {
  const queryClient = useQueryClient()
  const payments = useQuery({
    queryKey: ONLINE_PAYMENTS_KEY,
    queryFn: ({ signal }) => fetchOnlinePayments(signal),
    refetchOnMount: 'always',
  })
  const [announcement, setAnnouncement] = useState<Announcement | null>(null)
  const announce = (next: Announcement) => {
    setAnnouncement(next)
    void queryClient.invalidateQueries({ queryKey: ONLINE_PAYMENTS_KEY })
  }
  const toPost = payments.data?.filter((payment) => payment.status === 'Pending') ?? []
  const others = payments.data?.filter((payment) => payment.status !== 'Pending') ?? []

  return (
    <>
      <p>
        Payments patients made in the portal. The practice-management system posts each one to the
        account; until it does, the payment is listed under “To post”.
      </p>
      <Announcements announcement={announcement} />
      {payments.isPending ? <Loading /> : null}
      {payments.isError ? (
        <LoadFailed error={payments.error} onRetry={() => void payments.refetch()} />
      ) : null}
      {payments.isSuccess ? (
        <>
          <PaymentSection
            id="to-post"
            title="To post"
            empty="No payments are waiting to be posted."
            payments={toPost}
            announce={announce}
          />
          <PaymentSection
            id="posted"
            title="Posted and refunded"
            empty="None yet."
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
  announce: (announcement: Announcement) => void
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

function PaymentItem({
  payment,
  announce,
}: {
  payment: OnlinePayment
  announce: (announcement: Announcement) => void
}) {
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const refundable = payment.status === 'Pending' || payment.status === 'Posted'
  return (
    <article className="payment" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {money(payment, payment.amountCents)} from {payment.accountHolder}
      </h3>
      <dl className="payment-facts">
        <Fact label="Paid">{formatDateTime(payment.paidAt)}</Fact>
        <Fact label="Status">{statusText(payment)}</Fact>
        <Fact label="Account of">{payment.accountHolder}</Fact>
        {payment.paidBy ? <Fact label="Paid by">{payment.paidBy}</Fact> : null}
        <Fact label="Card">{payment.card ?? 'Not known'}</Fact>
        <Fact label="Receipt number">{payment.receiptNumber ?? '—'}</Fact>
        {payment.statementDate ? (
          <Fact label="Statement">{formatCalendarDate(payment.statementDate)}</Fact>
        ) : null}
        <Fact label="Paid from">
          {payment.onlineWithoutSignIn ? 'Without signing in' : 'Signed in to the portal'}
        </Fact>
        {payment.note ? <Fact label="Note from the patient">{payment.note}</Fact> : null}
        <Fact label="Processor reference">
          <code>{payment.processorReference ?? '—'}</code>
        </Fact>
        {payment.refund ? (
          <>
            <Fact label="Refunded">
              {money(payment, payment.refund.amountCents)} on{' '}
              {formatDateTime(payment.refund.refundedAt)}
              {payment.refund.staffName ? ` by ${payment.refund.staffName}` : ''}
            </Fact>
            <Fact label="Reason for the refund">{payment.refund.reason}</Fact>
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

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}

function statusText(payment: OnlinePayment): string {
  switch (payment.status) {
    case 'Pending':
      return 'To post: the practice-management system has not posted it yet'
    case 'Posted':
      return payment.postedAt ? `Posted ${formatDateTime(payment.postedAt)}` : 'Posted'
    case 'Refunded':
      return 'Refunded'
    default:
      return 'Declined'
  }
}

function RefundButton({
  payment,
  onRefunded,
}: {
  payment: OnlinePayment
  onRefunded: (text: string) => void
}) {
  const [isOpen, setOpen] = useState(false)
  const [amount, setAmount] = useState((payment.amountCents / 100).toFixed(2))
  const [reason, setReason] = useState('')
  const refund = useMutation({
    mutationFn: (cents: number) => refundOnlinePayment(payment.id, cents, reason.trim()),
    onSuccess: (refunded) => {
      setOpen(false)
      onRefunded(
        `${money(refunded, refunded.refund?.amountCents ?? 0)} was refunded to ${refunded.accountHolder}’s card.`,
      )
    },
  })
  const serverErrors = useFieldErrors(refund.error)
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({})
  const errors = { ...serverErrors, ...localErrors }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (refund.isPending) return
    const cents = parseRefundAmount(amount)
    const found: Record<string, string> = {}
    if (cents === null) found.amountCents = 'Enter an amount above zero, such as 45.50.'
    else if (cents > payment.amountCents) {
      found.amountCents = `At most ${money(payment, payment.amountCents)}, the amount paid.`
    }
    if (reason.trim().length < 3) found.reason = 'Say why the payment is refunded.'
    setLocalErrors(found)
    if (cents !== null && Object.keys(found).length === 0) refund.mutate(cents)
  }

  return (
    <>
      <Button className="button button-danger-outline" onPress={() => setOpen(true)}>
        Refund
      </Button>
      <DialogShell
        title={`Refund ${money(payment, payment.amountCents)} from ${payment.accountHolder}`}
        isOpen={isOpen}
        onOpenChange={setOpen}
        size="medium"
      >
        <Form
          className="form"
          onSubmit={submit}
          validationErrors={errors}
          validationBehavior="aria"
        >
          <p>
            The money goes back to the {payment.card ?? 'card'} through the card processor. A
            payment is refunded once; the practice-management system hears of it.
          </p>
          <TextInputField
            label="Amount to refund"
            description={`Up to ${money(payment, payment.amountCents)}.`}
            name="amountCents"
            value={amount}
            onChange={setAmount}
            inputProps={{ inputMode: 'decimal' }}
            maxLength={12}
          />
          <TextInputField
            label="Reason"
            description="Kept in the audit log. No health information."
            name="reason"
            value={reason}
            onChange={setReason}
            isRequired
            maxLength={500}
          />
          {refund.isError && Object.keys(serverErrors).length === 0 ? (
            <div className="notice notice-error" role="alert">
              <p>{actionFailureMessage(refund.error, 'The refund')}</p>
            </div>
          ) : null}
          <DialogActions>
            <Button slot="close" className="button button-secondary">
              Cancel
            </Button>
            <Button type="submit" className="button button-danger">
              {refund.isPending ? 'Refunding…' : 'Refund payment'}
            </Button>
          </DialogActions>
        </Form>
      </DialogShell>
    </>
  )
}
