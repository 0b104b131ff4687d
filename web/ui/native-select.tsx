import { NativeField } from './native-field.tsx'

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
  return (
    <NativeField label={label} problem={error}>
      {(control) => (
        <select
          {...control}
          name={name}
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </NativeField>
  )
}
