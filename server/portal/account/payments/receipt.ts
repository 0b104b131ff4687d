import type { Language } from '../../../platform/i18n/languages.ts'
import { translate } from '../../../platform/i18n/translate.ts'
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

/** The locale a receipt's amount and date are written in: the language's usual region. */
const RECEIPT_LOCALE: Record<Language, string> = { en: 'en-US', es: 'es-MX', 'fr-CA': 'fr-CA' }

/** The amount as a receipt writes it, e.g. "$45.50" (the email has no browser locale). */
export function receiptAmount(amountCents: number, currency: string, language: Language = 'en') {
  return new Intl.NumberFormat(RECEIPT_LOCALE[language], {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  }).format(amountCents / 100)
}

/**
 * The emailed receipt: the practice, amount, date, card and receipt number, in the language the
 * office has for the account holder (the PMS's patient language; English when it has none or
 * one we do not write). No patient name, statement detail or note, so nothing about anyone's
 * health travels by email.
 */
export function receiptEmail(
  facts: ReceiptFacts,
  language: Language = 'en',
): { subject: string; text: string } {
  const date = new Intl.DateTimeFormat(RECEIPT_LOCALE[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: facts.timeZone,
  }).format(facts.paidAt)
  return {
    subject: translate(language, 'receiptEmail.subject', { practice: facts.practiceName }),
    text: translate(language, 'receiptEmail.body', {
      practice: facts.practiceName,
      amount: receiptAmount(facts.amountCents, facts.currency, language),
      date,
      brand: facts.card.brand,
      last4: facts.card.last4,
      number: facts.receiptNumber,
    }),
  }
}
