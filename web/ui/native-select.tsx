import { useId } from 'react'
import { FieldProblem } from './field-problem.tsx'

/**
 * A labelled native `<select>`: with hundreds of options (time zones, currencies) the browser's
 * own list is the quickest to search by typing, and with a few it is the quickest on phones.
 */
export function NativeSelect({
  label,
  value,
  onChange,
  options,
  error,
  name,
  disabled = false,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  options: readonly { value: string; label: string }[]
  error?: string | undefined
  name?: string
  disabled?: boolean
}) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldProblem id={errorId} message={error} />
    </div>
  )
}
