import type { Static } from 'typebox'
import type { OnlinePaymentView } from '../../../server/office/payments/schemas.ts'
import { postJson } from '../../ui/api.ts'
import { readQuery } from '../../ui/read-query.ts'

export type OnlinePayment = Static<typeof OnlinePaymentView>

export const onlinePaymentsQuery = readQuery<OnlinePayment[]>(
  ['office', 'online-payments'],
  '/api/office/payments',
)

export function refundOnlinePayment(paymentId: number, amountCents: number, reason: string) {
  return postJson<OnlinePayment>(`/api/office/payments/${paymentId}/refund`, {
    amountCents,
    reason,
  })
}

/** The amount field's text as cents: "45.50", "$45.5", "1,200" → 4550, 4550, 120000; else null. */
export function parseRefundAmount(text: string): number | null {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.replace(/[$,\s]/g, ''))
  if (!match) return null
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'))
  return cents > 0 ? cents : null
}
