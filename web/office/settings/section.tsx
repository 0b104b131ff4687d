import { type ReactNode, type RefObject, useEffect, useId, useMemo } from 'react'
import {
  Button,
  FieldError,
  Input,
  Label,
  NumberField,
  TextArea,
  TextField,
} from 'react-aria-components'
import { type FieldErrors, isApiError } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { FieldHint } from '../../ui/text-field.tsx'
import { actionFailureMessage } from '../labels.ts'
import { readableFieldErrors } from './settings-form.ts'

/** A titled part of the page: a landmark region named by its heading. */
export function SettingsSection({
  id,
  title,
  intro,
  children,
}: {
  id: string
  title: string
  intro?: ReactNode
  children: ReactNode
}) {
  const headingId = `${id}-heading`
  return (
    <section id={id} className="settings-section surface" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {intro ? <p className="settings-intro">{intro}</p> : null}
      {children}
    </section>
  )
}

/**
 * A section's Save button, whether its form has unsaved changes, and what saving did: success
 * in a polite live region that is always present (so each new message is read out), failure
 * as an alert.
 */
export function SaveRow({
  label,
  isPending,
  changed,
  saved,
  error,
  what,
}: {
  /** The button, e.g. "Save features". */
  label: string
  isPending: boolean
  changed: boolean
  /** The success message to show, or null. */
  saved: string | null
  error: unknown
  /** For a failure message: "Saving the features". */
  what: string
}) {
  const t = useT()
  const changedId = useId()
  const hasFieldErrors = isApiError(error) && Object.keys(error.errors).length > 0
  return (
    <div className="settings-save">
      <div className="settings-save-row">
        <Button
          type="submit"
          className="button"
          isPending={isPending}
          aria-describedby={changed ? changedId : undefined}
        >
          {isPending ? t('office.settings.saving') : label}
        </Button>
        {changed ? (
          <span id={changedId} className="settings-unsaved">
            {t('office.settings.unsaved')}
          </span>
        ) : null}
      </div>
      <div role="status" className="settings-save-status">
        {saved ? <p className="notice notice-success">{saved}</p> : null}
      </div>
      {error && !isPending ? (
        <div className="notice notice-error" role="alert">
          <p>
            {hasFieldErrors ? t('office.settings.notSaved') : actionFailureMessage(error, what, t)}
          </p>
        </div>
      ) : null}
    </div>
  )
}

/** The server's field messages for a failed save, readable, and stable between renders. */
export function useFieldErrors(error: unknown): FieldErrors {
  const t = useT()
  return useMemo(() => (isApiError(error) ? readableFieldErrors(error.errors, t) : {}), [error, t])
}

/** After a save the server refused, moves focus to the first field it marked. */
export function useFocusFirstInvalid(form: RefObject<HTMLFormElement | null>, error: unknown) {
  useEffect(() => {
    if (!error) return
    const invalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')
    invalid?.focus()
  }, [error, form])
}

/** Asks before the tab is closed or reloaded while a section has unsaved changes. */
export function useLeaveWarning(changed: boolean) {
  useEffect(() => {
    if (!changed) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [changed])
}

/** A labelled text setting with its hint and the server's message; `rows` makes it a text area. */
export function SettingTextField({
  name,
  label,
  hint,
  value,
  onChange,
  maxLength,
  rows,
  type,
  autoComplete,
  className = 'field',
}: {
  name: string
  label: string
  hint?: string
  value: string
  onChange: (value: string) => void
  maxLength: number
  rows?: number
  type?: string
  autoComplete?: string
  className?: string
}) {
  return (
    <TextField
      className={className}
      name={name}
      type={type}
      value={value}
      onChange={onChange}
      maxLength={maxLength}
      autoComplete={autoComplete}
    >
      <Label>{label}</Label>
      <FieldHint>{hint}</FieldHint>
      {rows ? <TextArea rows={rows} /> : <Input />}
      <FieldError className="field-error" />
    </TextField>
  )
}

/** A setting counted in whole units (minutes, megabytes): typed without decimals or grouping. */
export function WholeNumberField({
  name,
  label,
  hint,
  value,
  onChange,
  minValue,
  maxValue,
}: {
  name: string
  label: string
  hint: string
  value: number
  onChange: (value: number) => void
  minValue?: number
  maxValue?: number
}) {
  return (
    <NumberField
      className="field field-narrow"
      name={name}
      value={value}
      minValue={minValue}
      maxValue={maxValue}
      onChange={onChange}
      formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
    >
      <Label>{label}</Label>
      <Input />
      <FieldHint>{hint}</FieldHint>
      <FieldError className="field-error" />
    </NumberField>
  )
}
