import { useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useId, useState } from 'react'
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components'
import { Link } from 'react-router'
import { getJson, postJson } from '../../ui/api.ts'
import { formatCalendarDate, formatMoney } from '../../ui/i18n/format.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { ErrorAlert } from '../../ui/notice.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import {
  amountFieldProblem,
  amountText,
  cardFrameMessage,
  type NewCard,
  newIdempotencyKey,
  type PaymentForm,
  type PaymentResult,
  parseAmount,
} from './payment-rules.ts'
import './payment.css'
import { FieldProblem } from '../../ui/field-problem.tsx'
import { MutationButton } from '../../ui/mutation-button.tsx'

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
  const t = useT()
  if (form.isPending) return <Loading label={t('payment.loading')} />
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
  const t = useT()
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
        ? t('payment.cardEnding', { brand: details.newCard.brand, last4: details.newCard.last4 })
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
        <h4>{t('payment.confirmTitle')}</h4>
        <p>
          {t('payment.youArePaying', {
            amount,
            card: cardLabel,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
        {details.note.trim() ? <p>{t('payment.noteLine', { note: details.note.trim() })}</p> : null}
        {pay.isError ? <ProblemAlert key={pay.submittedAt} error={pay.error} /> : null}
        <div className="payment-actions">
          <Button
            className="button button-secondary"
            isDisabled={pay.isPending}
            onPress={() => setStep('details')}
          >
            {t('payment.change')}
          </Button>
          <MutationButton
            className="button"
            // A second press while the first is on its way sends nothing; were it sent, the
            // same key would make it the same payment.
            mutation={pay}
            variables={key}
            label={t('payment.pay', { amount })}
            pendingLabel={t('payment.paying')}
          />
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
  const t = useT()
  function next() {
    const amount = amountFieldProblem(details.amount, setup.maximumCents, t) ?? undefined
    const card = details.card === 'new' && !details.newCard ? t('payment.cardFirst') : undefined
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
        label={t('account.amount')}
        name="amount"
        value={details.amount}
        onChange={(amount) => onChange({ ...details, amount })}
        description={
          setup.amountCents !== null && setup.statementDate
            ? t('payment.balanceHint', {
                date: formatCalendarDate(setup.statementDate),
                amount: formatMoney(setup.amountCents, setup.currency),
              })
            : t('payment.limitHint', {
                currency: setup.currency,
                amount: formatMoney(setup.maximumCents, setup.currency),
              })
        }
        inputProps={{ inputMode: 'decimal', autoComplete: 'off' }}
      />
      <TextInputField
        label={t('payment.note')}
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
        <Label className="radio-group-label">{t('payment.payWith')}</Label>
        {setup.savedCards.map((card) => (
          <Radio key={card.id} className="radio" value={String(card.id)}>
            {t('payment.savedCard', { card: card.label, expires: card.expires })}
          </Radio>
        ))}
        <Radio className="radio" value="new">
          {t('payment.newCard')}
        </Radio>
      </RadioGroup>
      {details.card === 'new' ? (
        <div className="new-card" aria-describedby={errors.card ? cardErrorId : undefined}>
          <CardEntry setup={setup} onCard={(newCard) => onChange({ ...details, newCard })} />
          {details.newCard ? (
            <p className="card-ready" role="status">
              {t('payment.cardReady', {
                brand: details.newCard.brand,
                last4: details.newCard.last4,
              })}
            </p>
          ) : null}
          <FieldProblem id={cardErrorId} message={details.newCard ? null : errors.card} announce />
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
              {t('payment.saveCard')}
            </label>
          ) : null}
        </div>
      ) : null}
      <div className="payment-actions">
        <button className="button" type="submit">
          {t('payment.continue')}
        </button>
      </div>
    </Form>
  )
}

/** The processor's own card fields. Card numbers go to the processor, never to this page. */
function CardEntry({ setup, onCard }: { setup: PaymentForm; onCard: (card: NewCard) => void }) {
  const t = useT()
  useEffect(() => {
    const listener = (event: MessageEvent) => {
      const card = cardFrameMessage(event, window.location.origin)
      if (card) onCard(card)
    }
    window.addEventListener('message', listener)
    return () => window.removeEventListener('message', listener)
  }, [onCard])
  return (
    <iframe className="card-frame" title={t('payment.cardFrame')} src={setup.cardEntry.framePath} />
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
  const t = useT()
  if (!result) return null
  if (result.status === 'succeeded') {
    return (
      <div className="notice notice-success payment-result" role="status">
        <h4>{t('payment.received')}</h4>
        <p>
          {t('payment.receivedText', {
            amount: formatMoney(result.amountCents, result.currency),
            card: result.card
              ? t('payment.cardEnding', { brand: result.card.brand, last4: result.card.last4 })
              : t('payment.yourCard'),
            id: result.id,
          })}
        </p>
        {endpoints.receiptHref ? (
          <p>
            <Link to={endpoints.receiptHref(result.id)}>{t('payment.viewReceipt')}</Link>
          </p>
        ) : null}
      </div>
    )
  }
  return (
    <div className="payment-result">
      <ErrorAlert>{result.message}</ErrorAlert>
      {result.status === 'failed' ? (
        <div className="payment-actions">
          <Button className="button" onPress={onAgain}>
            {t('payment.tryAnother')}
          </Button>
        </div>
      ) : null}
    </div>
  )
}
