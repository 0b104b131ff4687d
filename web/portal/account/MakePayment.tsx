import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components'
import { Link } from 'react-router'
import { getJson, postJson } from '../../ui/api.ts'
import { formatCalendarDate, formatMoney } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import {
  amountFieldProblem,
  amountText,
  type NewCard,
  newIdempotencyKey,
  type PaymentForm,
  type PaymentResult,
  parseAmount,
  sandboxCardMessage,
} from './payment-rules.ts'
import './payment.css'

/** Where the form reads its set-up and sends the payment; the same form signed in or not. */
export interface PaymentEndpoints {
  form: string
  pay: string
  /** Signed in: cards can be saved and used again. */
  signedIn: boolean
  /** The receipt page of a payment, when there is one to link to. */
  receiptHref?: (attemptId: number) => string
  /** A payment was made: the account's lists are stale. */
  onPaid?: () => void
}

interface Details {
  amount: string
  note: string
  /** A saved card's id as text, or `new`. */
  card: string
  newCard: NewCard | null
  saveCard: boolean
}

type Step = 'details' | 'confirm' | 'result'

/**
 * Make payment: the amount (the last statement's balance to start with), a note for the office,
 * a saved card or a new one typed into the processor's own fields, a confirmation, and the
 * result at once. One idempotency key per confirmed payment, sent with every try of it.
 */
export function MakePayment({ endpoints }: { endpoints: PaymentEndpoints }) {
  const form = useQuery({
    queryKey: ['payment-form', endpoints.form],
    queryFn: ({ signal }) => getJson<PaymentForm>(endpoints.form, signal),
    staleTime: 0,
  })
  if (form.isPending) return <Loading label="Loading the payment form…" />
  if (form.isError) return <LoadFailed error={form.error} onRetry={() => void form.refetch()} />
  return <PaymentSteps setup={form.data} endpoints={endpoints} onCardsChanged={form.refetch} />
}

function PaymentSteps({
  setup,
  endpoints,
  onCardsChanged,
}: {
  setup: PaymentForm
  endpoints: PaymentEndpoints
  onCardsChanged: () => void
}) {
  const [step, setStep] = useState<Step>('details')
  const [details, setDetails] = useState<Details>({
    amount: amountText(setup.amountCents),
    note: '',
    card: setup.savedCards[0] ? String(setup.savedCards[0].id) : 'new',
    newCard: null,
    saveCard: false,
  })
  const [key, setKey] = useState('')
  const pay = useMutation({
    mutationFn: (idempotencyKey: string) =>
      postJson<PaymentResult>(endpoints.pay, {
        idempotencyKey,
        amountCents: parseAmount(details.amount),
        ...(details.note.trim() ? { note: details.note.trim() } : {}),
        ...(details.card === 'new'
          ? { cardToken: details.newCard?.token, saveCard: details.saveCard }
          : { savedCardId: Number(details.card) }),
      }),
    onSuccess: (result) => {
      setStep('result')
      if (result.status === 'succeeded') {
        endpoints.onPaid?.()
        if (details.saveCard) onCardsChanged()
      }
    },
  })
  const cardLabel =
    details.card === 'new'
      ? details.newCard
        ? `${details.newCard.brand} ending in ${details.newCard.last4}`
        : ''
      : (setup.savedCards.find((card) => String(card.id) === details.card)?.label ?? '')

  if (step === 'details') {
    return (
      <DetailsStep
        setup={setup}
        details={details}
        signedIn={endpoints.signedIn}
        onChange={setDetails}
        onContinue={() => {
          setKey(newIdempotencyKey())
          pay.reset()
          setStep('confirm')
        }}
      />
    )
  }
  if (step === 'confirm') {
    const amount = formatMoney(parseAmount(details.amount) ?? 0, setup.currency)
    return (
      <div className="payment-confirm">
        <h4>Confirm your payment</h4>
        <p>
          You are paying <strong>{amount}</strong> with <strong>{cardLabel}</strong>.
        </p>
        {details.note.trim() ? <p>Note for the office: {details.note.trim()}</p> : null}
        {pay.isError ? <ProblemAlert key={pay.submittedAt} error={pay.error} /> : null}
        <div className="payment-actions">
          <Button
            className="button button-secondary"
            isDisabled={pay.isPending}
            onPress={() => setStep('details')}
          >
            Change
          </Button>
          <Button
            className="button"
            // A second press while the first is on its way sends nothing; were it sent, the
            // same key would make it the same payment.
            onPress={() => {
              if (!pay.isPending) pay.mutate(key)
            }}
          >
            {pay.isPending ? 'Paying…' : `Pay ${amount}`}
          </Button>
        </div>
      </div>
    )
  }
  return (
    <ResultStep
      result={pay.data}
      endpoints={endpoints}
      onAgain={() => {
        setDetails((current) => ({ ...current, newCard: null, saveCard: false }))
        setStep('details')
      }}
    />
  )
}

function DetailsStep({
  setup,
  details,
  signedIn,
  onChange,
  onContinue,
}: {
  setup: PaymentForm
  details: Details
  signedIn: boolean
  onChange: (details: Details) => void
  onContinue: () => void
}) {
  const [errors, setErrors] = useState<{ amount?: string; card?: string }>({})
  const cardErrorId = useId()
  function next() {
    const amount = amountFieldProblem(details.amount, setup.maximumCents) ?? undefined
    const card =
      details.card === 'new' && !details.newCard
        ? 'Enter the card details and press "Use this card" first.'
        : undefined
    setErrors({ amount, card })
    if (!amount && !card) onContinue()
  }
  return (
    <Form
      className="form payment-form"
      validationErrors={errors.amount ? { amount: errors.amount } : {}}
      onSubmit={(event) => {
        event.preventDefault()
        next()
      }}
    >
      <TextInputField
        label="Amount"
        name="amount"
        value={details.amount}
        onChange={(amount) => onChange({ ...details, amount })}
        description={
          setup.amountCents !== null && setup.statementDate
            ? `The balance on your statement of ${formatCalendarDate(setup.statementDate)} is ${formatMoney(setup.amountCents, setup.currency)}.`
            : `In ${setup.currency}, at most ${formatMoney(setup.maximumCents, setup.currency)}.`
        }
        inputProps={{ inputMode: 'decimal', autoComplete: 'off' }}
      />
      <TextInputField
        label="Note for the office (optional)"
        name="note"
        value={details.note}
        maxLength={500}
        onChange={(note) => onChange({ ...details, note })}
      />
      <RadioGroup
        className="radio-group"
        value={details.card}
        onChange={(card) => onChange({ ...details, card })}
      >
        <Label className="radio-group-label">Pay with</Label>
        {setup.savedCards.map((card) => (
          <Radio key={card.id} className="radio" value={String(card.id)}>
            {card.label} (expires {card.expires})
          </Radio>
        ))}
        <Radio className="radio" value="new">
          A new card
        </Radio>
      </RadioGroup>
      {details.card === 'new' ? (
        <div className="new-card" aria-describedby={errors.card ? cardErrorId : undefined}>
          <CardEntry setup={setup} onCard={(newCard) => onChange({ ...details, newCard })} />
          {details.newCard ? (
            <p className="card-ready" role="status">
              {details.newCard.brand} ending in {details.newCard.last4} is ready to use.
            </p>
          ) : null}
          {errors.card && !details.newCard ? (
            <p id={cardErrorId} className="field-error" role="alert">
              {errors.card}
            </p>
          ) : null}
          {signedIn && details.newCard ? (
            <label className="checkbox">
              <input
                type="checkbox"
                name="saveCard"
                checked={details.saveCard}
                onChange={(event) =>
                  onChange({ ...details, saveCard: event.currentTarget.checked })
                }
              />
              Save this card for later payments (the card processor keeps it, not the office)
            </label>
          ) : null}
        </div>
      ) : null}
      <div className="payment-actions">
        <button className="button" type="submit">
          Continue
        </button>
      </div>
    </Form>
  )
}

/** The processor's own card fields. Card numbers go to the processor, never to this page. */
function CardEntry({ setup, onCard }: { setup: PaymentForm; onCard: (card: NewCard) => void }) {
  useEffect(() => {
    const listener = (event: MessageEvent) => {
      const card = sandboxCardMessage(event, window.location.origin)
      if (card) onCard(card)
    }
    window.addEventListener('message', listener)
    return () => window.removeEventListener('message', listener)
  }, [onCard])
  if (setup.cardEntry.kind !== 'sandbox') {
    return (
      <p className="notice notice-error">
        Paying with a new card is not available here yet. Please call the office.
      </p>
    )
  }
  return (
    <iframe
      className="card-frame"
      title="Card details, on the card processor's page"
      src={setup.cardEntry.framePath}
    />
  )
}

function ResultStep({
  result,
  endpoints,
  onAgain,
}: {
  result: PaymentResult | undefined
  endpoints: PaymentEndpoints
  onAgain: () => void
}) {
  if (!result) return null
  if (result.status === 'succeeded') {
    return (
      <div className="notice notice-success payment-result" role="status">
        <h4>Payment received</h4>
        <p>
          {formatMoney(result.amountCents, result.currency)} was paid with{' '}
          {result.card ? `${result.card.brand} ending in ${result.card.last4}` : 'your card'}.
          Receipt number {result.id}. A receipt is on its way by email. The office will post the
          payment to your account; until then it shows as pending.
        </p>
        {endpoints.receiptHref ? (
          <p>
            <Link to={endpoints.receiptHref(result.id)}>View receipt</Link>
          </p>
        ) : null}
      </div>
    )
  }
  return (
    <div className="payment-result">
      <div className="notice notice-error" role="alert">
        <p>{result.message}</p>
      </div>
      {result.status === 'failed' ? (
        <div className="payment-actions">
          <Button className="button" onPress={onAgain}>
            Try another card
          </Button>
        </div>
      ) : null}
    </div>
  )
}
