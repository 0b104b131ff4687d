import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components'
import { type FieldErrors, getJson, isApiError, postJson } from '../../ui/api.ts'
import { DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { useT } from '../../ui/i18n/i18n.tsx'
import { MutationButton } from '../../ui/mutation-button.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import { patientApi, patientKey } from '../tab-parts.tsx'
import {
  addressMessage,
  type CareSummary,
  isFinal,
  STATUS_POLL_MS,
  type Transmission,
  type TransmitAccepted,
  type TransmitKind,
  transmissionMessage,
} from './rules.ts'

interface Recipient {
  kind: TransmitKind
  to: string
}

type Step = { name: 'address' } | { name: 'confirm' } | { name: 'result'; emailId: number }

/**
 * Transmit: the recipient's address, then a confirmation that shows it, then what became of
 * the message (pending while the mail server is tried and retried, then sent or failed).
 */
export function TransmitDialog({
  patientId,
  patientName,
  summary,
  date,
  onTransmitted,
  onClose,
}: {
  patientId: number
  patientName: string
  summary: CareSummary
  date: string
  /** A transmission was recorded or its delivery changed: the activity history is stale. */
  onTransmitted: () => void
  onClose: () => void
}) {
  const [step, setStep] = useState<Step>({ name: 'address' })
  const t = useT()
  const [recipient, setRecipient] = useState<Recipient>({ kind: 'email', to: '' })
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const recipientId = useId()
  const transmit = useMutation({
    mutationFn: (body: Recipient) =>
      postJson<TransmitAccepted>(patientApi(patientId, `summaries/${summary.id}/transmit`), {
        kind: body.kind,
        to: body.to.trim(),
      }),
    onSuccess: (accepted) => {
      onTransmitted()
      setStep({ name: 'result', emailId: accepted.emailId })
    },
    onError: (error) => {
      // A refused address goes back to the field, with the server's message beside it.
      if (isApiError(error) && error.errors.to) {
        setServerErrors(error.errors)
        setStep({ name: 'address' })
      }
    },
  })

  return (
    <DialogShell title={t('transmit.title')} size="medium" onClose={onClose}>
      <p className="muted">{t('transmit.whose', { name: patientName, date })}</p>
      {step.name === 'address' ? (
        <AddressStep
          recipient={recipient}
          serverErrors={serverErrors}
          onChange={(next) => {
            setRecipient(next)
            setServerErrors({})
          }}
          onContinue={() => setStep({ name: 'confirm' })}
          onCancel={onClose}
        />
      ) : step.name === 'confirm' ? (
        <>
          <div id={recipientId}>
            <p>{t('transmit.willBeSent', { kind: recipient.kind })}</p>
            <p className="summary-recipient">{recipient.to.trim()}</p>
          </div>
          <p>{t('transmit.warning')}</p>
          {transmit.isError && !(isApiError(transmit.error) && transmit.error.errors.to) ? (
            <ProblemAlert key={transmit.submittedAt} error={transmit.error} />
          ) : null}
          <DialogActions>
            <Button
              className="button button-secondary"
              onPress={() => setStep({ name: 'address' })}
              isDisabled={transmit.isPending}
            >
              {t('transmit.changeAddress')}
            </Button>
            <MutationButton
              className="button"
              autoFocus
              // Focus lands here: the button's description reads the address out.
              aria-describedby={recipientId}
              mutation={transmit}
              variables={recipient}
              label={t('transmit.send')}
              pendingLabel={t('form.sending')}
            />
          </DialogActions>
        </>
      ) : (
        <Delivery
          patientId={patientId}
          emailId={step.emailId}
          recipient={recipient}
          onFinal={onTransmitted}
          onAnother={() => {
            transmit.reset()
            setStep({ name: 'address' })
          }}
          onClose={onClose}
        />
      )}
    </DialogShell>
  )
}

function AddressStep({
  recipient,
  serverErrors,
  onChange,
  onContinue,
  onCancel,
}: {
  recipient: Recipient
  serverErrors: FieldErrors
  onChange: (recipient: Recipient) => void
  onContinue: () => void
  onCancel: () => void
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    onContinue()
  }
  const t = useT()
  const direct = recipient.kind === 'direct'
  return (
    <Form className="form" onSubmit={submit} validationErrors={serverErrors}>
      <RadioGroup
        className="radio-group"
        value={recipient.kind}
        onChange={(kind) => onChange({ ...recipient, kind: kind as TransmitKind })}
      >
        <Label className="radio-group-label">{t('transmit.sendTo')}</Label>
        <Radio className="radio" value="email">
          {t('transmit.optionEmail')}
        </Radio>
        <Radio className="radio" value="direct">
          {t('transmit.optionDirect')}
        </Radio>
      </RadioGroup>
      <TextInputField
        label={direct ? t('transmit.directAddress') : t('transmit.emailAddress')}
        name="to"
        type="email"
        autoComplete={direct ? 'off' : 'email'}
        description={direct ? t('transmit.directHint') : undefined}
        inputProps={{ autoFocus: true, spellCheck: false, autoCapitalize: 'none' }}
        value={recipient.to}
        onChange={(to) => onChange({ ...recipient, to })}
        isRequired
        validate={(value) => addressMessage(value, recipient.kind, t) ?? null}
      />
      <DialogActions>
        <Button className="button button-secondary" onPress={onCancel}>
          {t('dialog.cancel')}
        </Button>
        <Button className="button" type="submit">
          {t('verify.continue')}
        </Button>
      </DialogActions>
    </Form>
  )
}

/** The message's delivery, asked for until it is final. */
function Delivery({
  patientId,
  emailId,
  recipient,
  onFinal,
  onAnother,
  onClose,
}: {
  patientId: number
  emailId: number
  recipient: Recipient
  onFinal: () => void
  onAnother: () => void
  onClose: () => void
}) {
  const t = useT()
  const status = useQuery({
    queryKey: patientKey(patientId, 'transmission', emailId),
    queryFn: ({ signal }) =>
      getJson<Transmission>(patientApi(patientId, `transmissions/${emailId}`), signal),
    refetchInterval: (query) =>
      query.state.data && isFinal(query.state.data.status) ? false : STATUS_POLL_MS,
    staleTime: 0,
  })
  const shown: Pick<Transmission, 'status' | 'error' | 'to'> = status.data ?? {
    status: 'pending',
    error: null,
    to: recipient.to.trim(),
  }
  const final = isFinal(shown.status)
  const reported = useRef(false)
  useEffect(() => {
    if (!final || reported.current) return
    reported.current = true
    onFinal()
  }, [final, onFinal])
  return (
    <>
      <div
        className={shown.status === 'failed' ? 'notice notice-error' : 'notice notice-info'}
        role="status"
      >
        <p>{transmissionMessage(shown, t)}</p>
      </div>
      {status.isError ? <p className="muted">{t('transmit.statusUnknown')}</p> : null}
      <DialogActions>
        {shown.status === 'failed' ? (
          <Button className="button button-secondary" onPress={onAnother}>
            {t('transmit.another')}
          </Button>
        ) : null}
        <Button className="button" autoFocus onPress={onClose}>
          {t('dialog.close')}
        </Button>
      </DialogActions>
    </>
  )
}
