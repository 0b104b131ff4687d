import type { ReactNode } from 'react'
import {
  FieldError,
  Input,
  type InputProps,
  Label,
  Text,
  TextField,
  type TextFieldProps,
} from 'react-aria-components'
import './form.css'

/** The props of a group of fields that edits one value held by its parent. */
export interface Controlled<T> {
  value: T
  onChange: (next: T) => void
}

export interface TextInputFieldProps extends Omit<TextFieldProps, 'children' | 'className'> {
  label: string
  /** A hint under the label, tied to the input with aria-describedby. */
  description?: ReactNode
  /**
   * Makes the field required, with this message when it is left empty (blank, except for a
   * password, which is taken exactly as typed).
   */
  requiredMessage?: string
  /** Passed to the `<input>` itself (autoCapitalize, spellCheck, inputMode, max…). */
  inputProps?: Omit<InputProps, 'className'>
}

/**
 * A field's hint, under its label: React Aria's description slot, so the field's
 * aria-describedby reads it out. Nothing at all when there is none.
 */
export function FieldHint({ children }: { children?: ReactNode }) {
  if (!children) return null
  return (
    <Text slot="description" className="field-hint">
      {children}
    </Text>
  )
}

/**
 * A labelled input with its hint and its error. The error comes from `validate` or from the
 * surrounding `<Form validationErrors>` (the server's field messages, matched by `name`); React
 * Aria then sets aria-invalid and points aria-describedby at the message.
 */
export function TextInputField({
  label,
  description,
  inputProps,
  requiredMessage,
  ...field
}: TextInputFieldProps) {
  const required = requiredMessage
    ? {
        isRequired: true,
        validate: (value: string) =>
          (field.type === 'password' ? value : value.trim()) === '' ? requiredMessage : null,
      }
    : {}
  return (
    <TextField className="field" {...required} {...field}>
      <Label>{label}</Label>
      <FieldHint>{description}</FieldHint>
      <Input
        {...inputProps}
        onInput={(event) => {
          inputProps?.onInput?.(event)
          // React Aria re-checks a field (and drops the server's message) on the native
          // "change" event, which comes on blur. Then the message vanishes as the person taps
          // Submit, the button jumps up, and the tap misses it. Re-checking while typing keeps
          // the button still.
          event.currentTarget.dispatchEvent(new Event('change', { bubbles: true }))
        }}
      />
      <FieldError className="field-error" />
    </TextField>
  )
}

/** One field of a FieldGroup: a TextInputField named after the part of the value it edits. */
export type GroupField<T> = Omit<TextInputFieldProps, 'name' | 'value' | 'onChange'> & {
  name: keyof T & string
}

/** Text fields that together edit one object, one field per property. */
export function FieldGroup<T extends { [K in keyof T]: string }>({
  fields,
  value,
  onChange,
}: Controlled<T> & { fields: readonly GroupField<T>[] }) {
  return (
    <>
      {fields.map((field) => (
        <TextInputField
          key={field.name}
          {...field}
          value={value[field.name]}
          onChange={(typed) => onChange({ ...value, [field.name]: typed })}
        />
      ))}
    </>
  )
}
