import { useQuery } from '@tanstack/react-query'
import { Button } from 'react-aria-components'
import { Link, useOutletContext, useParams } from 'react-router'
import { getJson } from '../../ui/api.ts'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { formatDateTime, formatMoney } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import type { PortalSession } from '../session.ts'
import { parsePatientId } from '../session-rules.ts'
import { patientApi } from '../tab-parts.tsx'
import type { PaymentResult } from './payment-rules.ts'
import './payment.css'

const STATUS_TEXT: Record<PaymentResult['status'], string> = {
  succeeded: 'Paid; pending until the office posts it to your account',
  pending: 'Being processed',
  unknown: 'Being checked with the card processor',
  failed: 'Not paid: the card was refused',
  refunded: 'Refunded',
}

/** `/patients/:patientId/receipts/:attemptId`: one online payment's receipt, printable. */
export default function ReceiptPage() {
  const session = useOutletContext<PortalSession>()
  const params = useParams()
  const patientId = parsePatientId(params.patientId) ?? 0
  const attemptId = Number(params.attemptId)
  useDocumentTitle('Payment receipt', undefined, session.practiceName)
  const receipt = useQuery({
    queryKey: ['patient', patientId, 'receipt', attemptId],
    queryFn: ({ signal }) =>
      getJson<PaymentResult>(patientApi(patientId, `payments/${attemptId}`), signal),
  })
  return (
    <section className="patient receipt" aria-labelledby="receipt-heading">
      <h1 id="receipt-heading">Payment receipt</h1>
      {receipt.isPending ? (
        <Loading />
      ) : receipt.isError ? (
        <LoadFailed error={receipt.error} onRetry={() => void receipt.refetch()} />
      ) : (
        <dl>
          <dt>Paid to</dt>
          <dd>{receipt.data.practiceName}</dd>
          <dt>Amount</dt>
          <dd>{formatMoney(receipt.data.amountCents, receipt.data.currency)}</dd>
          <dt>Date</dt>
          <dd>{formatDateTime(receipt.data.madeAt)}</dd>
          <dt>Card</dt>
          <dd>
            {receipt.data.card
              ? `${receipt.data.card.brand} ending in ${receipt.data.card.last4}`
              : 'None'}
          </dd>
          <dt>Receipt number</dt>
          <dd>{receipt.data.id}</dd>
          <dt>Status</dt>
          <dd>{STATUS_TEXT[receipt.data.status]}</dd>
        </dl>
      )}
      <p className="receipt-actions payment-actions">
        <Button className="button button-secondary" onPress={() => window.print()}>
          Print
        </Button>
        <Link className="button-link" to={`/patients/${patientId}/account`}>
          Back to Account
        </Link>
      </p>
    </section>
  )
}
