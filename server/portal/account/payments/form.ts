import type { Database } from '../../../platform/db/database.ts'
import { NotFound } from '../../../platform/http/problems.ts'
import { paymentProcessorOf } from './make-payment.ts'
import type { PaymentProcessors } from './processor.ts'
import { findReceipt, latestStatement, listSavedCards } from './queries.ts'
import { defaultAmount } from './rules.ts'
import { paymentResultView, savedCardView } from './view.ts'

/** What the Make payment form starts from: the amount owed, the card fields, the saved cards. */
export async function readPaymentForm(
  db: Database,
  processors: PaymentProcessors,
  account: { practiceId: number; holderId: number; signedIn: boolean },
) {
  const { setup, processor } = await paymentProcessorOf(db, processors, account.practiceId)
  const maximumCents = Number(setup.maximumCents)
  const statement = await latestStatement(db, account.practiceId, account.holderId)
  const cards = account.signedIn
    ? await listSavedCards(db, account.practiceId, account.holderId)
    : []
  return {
    currency: setup.currency,
    maximumCents,
    amountCents: defaultAmount(statement?.balance_cents ?? null, maximumCents),
    statementDate: statement?.statement_date ?? null,
    cardEntry: processor.cardEntry,
    savedCards: cards.filter((card) => card.processor === processor.name).map(savedCardView),
  }
}

/** One of the account's payments, as its receipt shows it. */
export async function readReceipt(
  db: Database,
  account: { practiceId: number; holderId: number },
  attemptId: number,
) {
  const receipt = await findReceipt(db, account.practiceId, account.holderId, attemptId)
  if (!receipt) throw new NotFound('No such payment.')
  const { practice_name, ...attempt } = receipt
  return paymentResultView(attempt, practice_name ?? '')
}
