import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useMemo, useRef, useState } from 'react'
import { Form } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'
import {
  type ContactForm,
  contactBodyOf,
  contactChanged,
  contactFormOf,
  splitContactErrors,
  type WeekHours,
} from './contact-form.ts'
import { CONTACT_LABELS } from './contact-labels.ts'
import { HoursEditor } from './HoursEditor.tsx'
import {
  SaveRow,
  SettingTextField,
  useFieldErrors,
  useFocusFirstInvalid,
  useLeaveWarning,
} from './section.tsx'
import { type Contact, SETTINGS_KEY, type Settings, saveContact } from './settings-api.ts'

function contactOf(view: Settings, clinicId: number | null): Contact | undefined {
  return clinicId === null ? view.practice : view.clinics.find((clinic) => clinic.id === clinicId)
}

/** The practice's or one clinic's contact details and opening hours, saved on their own. */
export function ContactSection({ contact }: { contact: Contact }) {
  const queryClient = useQueryClient()
  const clinicId = contact.id
  const headingId = useId()
  const t = useT()
  const [saved, setSaved] = useState(() => contactFormOf(contact))
  const [form, setForm] = useState(saved)
  // Which row each sent `hours.N` was, for the answer to the latest save.
  const [sentKeys, setSentKeys] = useState<string[]>([])
  // Rows edited since the server marked them: their old message no longer applies.
  const [editedRows, setEditedRows] = useState<ReadonlySet<string>>(new Set())
  const nextKey = useRef(0)
  const formRef = useRef<HTMLFormElement>(null)

  const save = useMutation({
    mutationFn: (body: ReturnType<typeof contactBodyOf>['body']) => saveContact(clinicId, body),
    onSuccess: (view) => {
      queryClient.setQueryData(SETTINGS_KEY, view)
      const fresh = contactOf(view, clinicId)
      if (!fresh) return
      const next = contactFormOf(fresh)
      setSaved(next)
      setForm(next)
    },
  })

  const changed = contactChanged(saved, form)
  useLeaveWarning(changed)
  const serverErrors = useFieldErrors(save.error)
  const errors = useMemo(() => splitContactErrors(serverErrors, sentKeys), [serverErrors, sentKeys])
  const rangeErrors = useMemo(
    () => Object.fromEntries(Object.entries(errors.ranges).filter(([key]) => !editedRows.has(key))),
    [errors.ranges, editedRows],
  )
  useFocusFirstInvalid(formRef, save.error)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (save.isPending) return
    const { body, rangeKeys } = contactBodyOf(form)
    setSentKeys(rangeKeys)
    setEditedRows(new Set())
    save.mutate(body)
  }

  function changeWeek(week: WeekHours, editedKey?: string) {
    setForm((current: ContactForm) => ({ ...current, week }))
    if (editedKey !== undefined) setEditedRows((rows) => new Set(rows).add(editedKey))
  }

  const kind = clinicId === null ? t('office.contact.practice') : t('office.contact.clinic')
  return (
    <section className="contact-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="contact-kind">{t('office.contact.kind', { kind })}</span>
        {contact.name}
      </h3>
      <Form
        ref={formRef}
        className="form"
        onSubmit={submit}
        validationErrors={errors.fields}
        validationBehavior="aria"
        aria-labelledby={headingId}
      >
        <div className="contact-fields">
          {CONTACT_LABELS.map((field) => (
            <SettingTextField
              key={field.name}
              className={field.wide ? 'field contact-field-wide' : 'field'}
              name={field.name}
              label={t(field.label)}
              type={field.type ?? 'text'}
              value={form[field.name]}
              onChange={(value) => setForm((current) => ({ ...current, [field.name]: value }))}
              maxLength={field.maxLength}
              autoComplete={field.autoComplete}
            />
          ))}
        </div>
        <HoursEditor
          week={form.week}
          onChange={changeWeek}
          errors={rangeErrors}
          problem={errors.hours}
          newKey={() => `new.${++nextKey.current}`}
        />
        <SaveRow
          label={t('office.contact.save', { name: contact.name })}
          what={t('office.contact.what', { name: contact.name })}
          isPending={save.isPending}
          changed={changed}
          saved={
            save.isSuccess && !changed ? t('office.contact.saved', { name: contact.name }) : null
          }
          error={save.error}
        />
      </Form>
    </section>
  )
}
