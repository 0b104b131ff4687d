import type { Database } from '../../../platform/db/database.ts'
import { Conflict, Invalid, NotFound, Problem } from '../../../platform/http/problems.ts'
import type { Auditor } from '../../audit-read.ts'
import type { PaymentProcessor, PaymentProcessors, ProcessorName } from './processor.ts'
import {
  type AttemptRow,
  claimAttempt,
  findAttemptByKey,
  findPaymentSetup,
  findSavedCard,
  latestStatement,
} from './queries.ts'
import { amountProblem, processorKey, sameAttempt } from './rules.ts'
import { settleAttempt } from './settle.ts'

/** Online payments are switched off, or no processor is set up: nothing can be charged. */
export class PaymentsOff extends Problem {
  constructor() {
    super(403, 'payments-off', 'Not offered', 'Your dental office does not take payments online.')
  }
}

/** Who pays into which account: the family's guarantor, paid by a signed-in user or not. */
export interface Payer {
  practiceId: number
  /** The account holder (guarantor). */
  holderId: number
  /** The patient paying: the signed-in user's patient, or the one verified without signing in. */
  payerPatientId: number
  portalUserId: number | null
}

export interface PaymentInput {
  idempotencyKey: string
  amountCents: number
  note: string | null
  card: { savedCardId: number } | { token: string; save: boolean }
}

/** The practice's processor, when online payments are on; otherwise PaymentsOff. */
export async function paymentProcessorOf(
  db: Database,
  processors: PaymentProcessors,
  practiceId: number,
) {
  const setup = await findPaymentSetup(db, practiceId)
  const processor = setup?.processor ? processors[setup.processor as ProcessorName] : undefined
  if (!setup?.featureOn || !processor) throw new PaymentsOff()
  return { setup, processor }
}

/**
 * Charges a card once per idempotency key. The first request with the key claims the attempt
 * (one insert decides it) and alone talks to the processor, outside any transaction; a repeat —
 * a double click, a retry, a refresh — gets the same attempt back, charged or being charged.
 */
export async function makePayment(
  db: Database,
  processors: PaymentProcessors,
  payer: Payer,
  audit: Auditor,
  input: PaymentInput,
): Promise<AttemptRow> {
  const { setup, processor } = await paymentProcessorOf(db, processors, payer.practiceId)
  const problem = amountProblem(input.amountCents, Number(setup.maximumCents ?? 0))
  if (problem) throw new Invalid(problem, { amountCents: problem })
  const card = await cardToCharge(db, payer, processor, input.card)
  const statement = await latestStatement(db, payer.practiceId, payer.holderId)
  const claimed = await claimAttempt(db, {
    practice_id: payer.practiceId,
    idempotency_key: input.idempotencyKey,
    patient_id: payer.holderId,
    payer_patient_id: payer.payerPatientId,
    statement_id: statement?.id ?? null,
    portal_user_id: payer.portalUserId,
    amount_cents: input.amountCents,
    currency: setup.currency,
    note: input.note,
    processor: processor.name,
    save_card: card.save,
  })
  if (!claimed) return repeatedAttempt(db, payer, input)
  const result = await processor
    .charge({
      amountCents: claimed.amount_cents,
      currency: claimed.currency,
      idempotencyKey: processorKey(claimed.practice_id, claimed.idempotency_key),
      paymentMethod: card.paymentMethod,
      customer: card.customer,
      saveCard: card.save,
      description: `${setup.practiceName} payment ${claimed.id}`,
    })
    .catch(() => ({ outcome: 'unknown' }) as const)
  return settleAttempt(db, claimed, result, audit)
}

async function repeatedAttempt(db: Database, payer: Payer, input: PaymentInput) {
  const existing = await findAttemptByKey(db, payer.practiceId, input.idempotencyKey)
  if (
    !existing ||
    !sameAttempt(
      { patientId: existing.patient_id, amountCents: existing.amount_cents },
      { patientId: payer.holderId, amountCents: input.amountCents },
    )
  ) {
    throw new Conflict('This payment was already made with different details. Start again.')
  }
  return existing
}

async function cardToCharge(
  db: Database,
  payer: Payer,
  processor: PaymentProcessor,
  card: PaymentInput['card'],
) {
  // Cards are saved, and used again, only by a signed-in user (a link's payer has no account).
  if ('token' in card) {
    return {
      paymentMethod: card.token,
      customer: null,
      save: card.save && payer.portalUserId !== null,
    }
  }
  if (payer.portalUserId === null) throw new NotFound('No such saved card.')
  const saved = await findSavedCard(db, payer.practiceId, payer.holderId, card.savedCardId)
  if (!saved || saved.processor !== processor.name) throw new NotFound('No such saved card.')
  return { paymentMethod: saved.processor_token, customer: saved.customer_token, save: false }
}
