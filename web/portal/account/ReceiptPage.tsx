import { useQuery } from '@tanstack/react-query'
import { Button } from 'react-aria-components'
import { Link, useOutletContext, useParams } from 'react-router'
import { getJson } from '../../ui/api.ts'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { formatDateTime, formatMoney } from '../../ui/i18n/format.ts'
import { type MessageId, useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import type { PortalSession } from '../session.ts'
import { parsePatientId } from '../session-rules.ts'
import { patientApi } from '../tab-parts.tsx'
import type { PaymentResult } from './payment-rules.ts'
import './payment.css'

const STATUS_TEXT: Record<PaymentResult['status'], MessageId> = {
  succeeded: 'receipt.succeeded',
  pending: 'receipt.pending',
  unknown: 'receipt.unknown',
  failed: 'receipt.failed',
  refunded: 'receipt.refunded',
}

/** `/patients/:patientId/receipts/:attemptId`: one online payment's receipt, printable. */
export default function ReceiptPage() {
  const t = useT()
  const session = useOutletContext<PortalSession>()
  const params = useParams()
  const patientId = parsePatientId(params.patientId) ?? 0
  const attemptId = Number(params.attemptId)
  useDocumentTitle(t('receipt.title'), undefined, session.practiceName)
  const receipt = useQuery({
    queryKey: ['patient', patientId, 'receipt', attemptId],
    queryFn: ({ signal }) =>
      getJson<PaymentResult>(patientApi(patientId, `payments/${attemptId}`), signal),
  })
  return (
    <section className="patient receipt" aria-labelledby="receipt-heading">
      <h1 id="receipt-heading">{t('receipt.title')}</h1>
      {receipt.isPending ? (
        <Loading />
      ) : receipt.isError ? (
        <LoadFailed error={receipt.error} onRetry={() => void receipt.refetch()} />
      ) : (
        <dl>
          <dt>{t('receipt.paidTo')}</dt>
          <dd>{receipt.data.practiceName}</dd>
          <dt>{t('account.amount')}</dt>
          <dd>{formatMoney(receipt.data.amountCents, receipt.data.currency)}</dd>
          <dt>{t('account.date')}</dt>
          <dd>{formatDateTime(receipt.data.madeAt)}</dd>
          <dt>{t('receipt.card')}</dt>
          <dd>
            {receipt.data.card
              ? t('receipt.cardEnding', {
                  brand: receipt.data.card.brand,
                  last4: receipt.data.card.last4,
                })
              : t('receipt.noCard')}
          </dd>
          <dt>{t('receipt.number')}</dt>
          <dd>{receipt.data.id}</dd>
          <dt>{t('account.status')}</dt>
          <dd>{t(STATUS_TEXT[receipt.data.status])}</dd>
        </dl>
      )}
      <p className="receipt-actions payment-actions">
        <Button className="button button-secondary" onPress={() => window.print()}>
          {t('receipt.print')}
        </Button>
        <Link className="button-link" to={`/patients/${patientId}/account`}>
          {t('receipt.back')}
        </Link>
      </p>
    </section>
  )
}
