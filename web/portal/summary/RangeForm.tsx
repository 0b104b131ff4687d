import { useId, useState } from 'react'
import { useT } from '../../ui/i18n/i18n.tsx'
import { SubmitButton } from '../../ui/submit-button.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type FormMutation, MutationForm } from '../mutation-form.tsx'
import { localCalendarDate } from '../session-rules.ts'

export interface SummaryRange {
  from: string | null
  to: string | null
}

/**
 * A summary of chosen dates (ONC 170.315(e)(1)): only the visits, procedures, results and
 * conditions between two dates. Either date may be left empty for "from the start" or "up to
 * today". The dates are the browser's own date inputs, in the reader's date order.
 */
export function RangeForm({
  mutation,
  onCreate,
}: {
  mutation: FormMutation
  onCreate: (range: SummaryRange) => void
}) {
  const t = useT()
  const headingId = useId()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  // Set on submit (one object per attempt): React Aria shows a form-level message until its
  // field is edited, then drops it.
  const [refused, setRefused] = useState<Record<string, string> | undefined>()
  return (
    <section className="tab-panel surface summary-range-form" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('range.title')}</h3>
      <p className="muted">{t('range.explainer')}</p>
      <MutationForm
        mutation={mutation}
        labelledBy={headingId}
        moreErrors={refused}
        onSubmit={() => {
          if (from !== '' && to !== '' && from > to) {
            setRefused({ to: t('range.endBeforeStart') })
          } else {
            setRefused(undefined)
            onCreate({ from: from || null, to: to || null })
          }
        }}
        actions={
          <div className="form-actions">
            <SubmitButton isPending={mutation.isPending} pendingLabel={t('range.creating')}>
              {t('range.create')}
            </SubmitButton>
          </div>
        }
      >
        <div className="summary-range-fields">
          <DateInput label={t('range.from')} name="from" value={from} onChange={setFrom} />
          <DateInput label={t('range.to')} name="to" value={to} onChange={setTo} />
        </div>
      </MutationForm>
    </section>
  )
}

/** One end of the range: a date from 1900 up to today. */
function DateInput(props: {
  label: string
  name: 'from' | 'to'
  value: string
  onChange: (value: string) => void
}) {
  const today = localCalendarDate(new Date())
  return <TextInputField {...props} type="date" inputProps={{ min: '1900-01-01', max: today }} />
}
