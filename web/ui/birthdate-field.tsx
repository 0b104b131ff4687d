import { type ReactElement, useId, useState } from 'react'
import {
  composeDate,
  type DatePart,
  type DateParts,
  dateParts,
  monthNames,
  partOrder,
} from './birthdate.ts'
import { useT } from './i18n/i18n.tsx'
import { TextInputField } from './text-field.tsx'
import './form.css'

/** Today where the reader is, `YYYY-MM-DD`: nobody is born tomorrow. */
function localToday(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * A birthdate as three labelled fields in the reader's order: Day, Month (a list of the months'
 * names) and Year. Nothing to misread: 07/05 cannot mean July to one reader and May to another.
 * `value` and `onChange` carry `YYYY-MM-DD`, or '' while the parts are not a real date yet.
 * Used wherever a birthdate is typed (Verify, paying without signing in, the office's search).
 */
export function BirthdateField({
  label,
  value,
  onChange,
  requiredMessage,
  name = 'birthdate',
}: {
  label: string
  value: string
  onChange: (isoDate: string) => void
  /** Makes the date required, with this message when it is left empty. */
  requiredMessage?: string
  /** The year field's name: the server's field message for the date shows under it. */
  name?: string
}) {
  const t = useT()
  const legendId = useId()
  const monthId = useId()
  const [parts, setParts] = useState<DateParts>(() => dateParts(value))
  const composed = composeDate(parts, localToday())
  const empty = parts.day.trim() === '' && parts.month === '' && parts.year.trim() === ''
  function change(part: DatePart, typed: string) {
    const next = { ...parts, [part]: typed }
    setParts(next)
    const result = composeDate(next, localToday())
    onChange('date' in result ? result.date : '')
  }
  // Shown once all three are given (or on submit, for a required date left empty).
  function problem(part: 'day' | 'year'): string | null {
    if (empty) return part === 'day' && requiredMessage ? requiredMessage : null
    if ('date' in composed) return null
    if (part === 'day' && composed.problem === 'day') return t('birthdate.dayProblem')
    if (part === 'year' && composed.problem === 'year') return t('birthdate.yearProblem')
    if (part === 'year' && composed.problem === 'future') return t('birthdate.future')
    if (composed.problem === 'incomplete' && parts[part].trim() === '') {
      return t(part === 'day' ? 'birthdate.dayRequired' : 'birthdate.yearRequired')
    }
    return null
  }
  const required = Boolean(requiredMessage) || !empty
  // The day and the year are typed in digits (the month is chosen by its name).
  const digitsField = (part: 'day' | 'year', fieldName: string, digits: number) => (
    <TextInputField
      key={part}
      label={t(part === 'day' ? 'birthdate.day' : 'birthdate.year')}
      name={fieldName}
      value={parts[part]}
      onChange={(typed) => change(part, typed)}
      isRequired={required}
      validate={() => problem(part)}
      maxLength={digits}
      inputProps={{ inputMode: 'numeric', autoComplete: `bday-${part}`, size: digits }}
    />
  )
  const fields: Record<DatePart, ReactElement> = {
    day: digitsField('day', `${name}-day`, 2),
    month: (
      <div className="field" key="month">
        <label htmlFor={monthId}>{t('birthdate.month')}</label>
        <select
          id={monthId}
          name={`${name}-month`}
          value={parts.month}
          required={required}
          autoComplete="bday-month"
          onChange={(event) => change('month', event.currentTarget.value)}
        >
          <option value="">{t('birthdate.chooseMonth')}</option>
          {monthNames().map((month, index) => (
            <option key={month} value={String(index + 1)}>
              {month}
            </option>
          ))}
        </select>
      </div>
    ),
    year: digitsField('year', name, 4),
  }
  return (
    <fieldset className="date-parts" aria-labelledby={legendId}>
      <legend id={legendId}>{label}</legend>
      <div className="date-parts-fields">{partOrder().map((part) => fields[part])}</div>
    </fieldset>
  )
}
