import type { CardDetails } from './processor.ts'

export interface ReceiptFacts {
  practiceName: string
  timeZone: string
  amountCents: number
  currency: string
  paidAt: Date
  card: Pick<CardDetails, 'brand' | 'last4'>
  receiptNumber: number
}

/** The amount as a receipt writes it, e.g. "$45.50" (en-US; the email has no browser locale). */
export function receiptAmount(amountCents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  }).format(amountCents / 100)
}

/**
 * The emailed receipt: the practice, amount, date, card and receipt number. No patient name,
 * statement detail or note, so nothing about anyone's health travels by email.
 */
export function receiptEmail(facts: ReceiptFacts): { subject: string; text: string } {
  const amount = receiptAmount(facts.amountCents, facts.currency)
  const date = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: facts.timeZone,
  }).format(facts.paidAt)
  return {
    subject: `Payment receipt from ${facts.practiceName}`,
    text: [
      `Thank you for your payment to ${facts.practiceName}.`,
      '',
      `Amount: ${amount}`,
      `Date: ${date}`,
      `Card: ${facts.card.brand} ending in ${facts.card.last4}`,
      `Receipt number: ${facts.receiptNumber}`,
      '',
      'The office will post the payment to your account. Sign in to the patient portal to see it.',
    ].join('\n'),
  }
}
