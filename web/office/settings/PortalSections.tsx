import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react'
import { FieldError, Form, Input, Label, NumberField, Switch, Text } from 'react-aria-components'
import {
  SaveRow,
  SettingsSection,
  SettingTextField,
  useFieldErrors,
  useFocusFirstInvalid,
  useLeaveWarning,
} from './section.tsx'
import {
  fetchSettings,
  type PortalSettings,
  SETTINGS_KEY,
  type Settings,
  savePortalSettings,
} from './settings-api.ts'
import { FEATURES, idleTimeoutFrom, portalSettingsBody, sectionChanged } from './settings-form.ts'

const TAKES_EFFECT = 'Patients get the change on their next page or request.'

/**
 * One section's form over part of the portal settings. It keeps its edits until they are saved
 * (a refetch does not reset them) and saves only its own fields, on top of the newest saved
 * values of the rest, so two sections never overwrite each other's unsaved work.
 */
function usePortalSection<T extends object>(
  initial: Settings,
  pick: (view: Settings) => T,
  toBody: (form: T) => Partial<PortalSettings>,
) {
  const queryClient = useQueryClient()
  const [saved, setSaved] = useState(() => pick(initial))
  const [form, setForm] = useState(saved)
  const save = useMutation({
    mutationFn: async (section: Partial<PortalSettings>) =>
      savePortalSettings(portalSettingsBody(await fetchSettings(), section)),
    onSuccess: (view) => {
      queryClient.setQueryData(SETTINGS_KEY, view)
      setSaved(pick(view))
      setForm(pick(view))
    },
  })
  const changed = sectionChanged(saved, form)
  useLeaveWarning(changed)
  const formRef = useRef<HTMLFormElement>(null)
  const fieldErrors = useFieldErrors(save.error)
  useFocusFirstInvalid(formRef, save.error)
  return {
    form,
    setForm,
    changed,
    formRef,
    fieldErrors,
    save,
    submit: (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault()
      if (!save.isPending) save.mutate(toBody(form))
    },
    /** The success message while the form still shows what was saved. */
    savedMessage: (text: string) => (save.isSuccess && !changed ? text : null),
  }
}

/** What SectionForm reads of a section: the parts that do not depend on its fields. */
type PortalSection = Pick<
  ReturnType<typeof usePortalSection<object>>,
  'formRef' | 'submit' | 'fieldErrors' | 'save' | 'changed' | 'savedMessage'
>

/** What each section's form is called and says about saving. */
const COPY = {
  features: {
    name: 'Features',
    saveLabel: 'Save features',
    what: 'Saving the features',
    savedText: 'Features saved.',
  },
  security: {
    name: 'Sign-in and security',
    saveLabel: 'Save sign-in and security',
    what: 'Saving the sign-in settings',
    savedText: 'Sign-in and security saved.',
  },
  privacy: {
    name: 'Privacy policy',
    saveLabel: 'Save privacy policy',
    what: 'Saving the privacy policy',
    savedText: 'Privacy policy saved.',
  },
  webmail: {
    name: 'WebMail notification email',
    saveLabel: 'Save notification email',
    what: 'Saving the notification email',
    savedText: 'Notification email saved.',
  },
  attachments: {
    name: 'Patients’ attachments',
    saveLabel: 'Save attachments',
    what: 'Saving the attachment settings',
    savedText: 'Attachment settings saved.',
  },
} satisfies Record<string, SectionCopy>

interface SectionCopy {
  /** The form's accessible name. */
  name: string
  saveLabel: string
  /** For a failure message: "Saving the features". */
  what: string
  /** Said once saved, before TAKES_EFFECT. */
  savedText: string
}

/** A section's form: its fields, then Save and what saving did. */
function SectionForm({
  section,
  copy,
  onSubmit = section.submit,
  validationErrors = section.fieldErrors,
  error = section.save.error,
  children,
}: {
  section: PortalSection
  copy: SectionCopy
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
  validationErrors?: Record<string, string>
  error?: unknown
  children: ReactNode
}) {
  return (
    <Form
      ref={section.formRef}
      className="form"
      onSubmit={onSubmit}
      validationErrors={validationErrors}
      validationBehavior="aria"
      aria-label={copy.name}
    >
      {children}
      <SaveRow
        label={copy.saveLabel}
        what={copy.what}
        isPending={section.save.isPending}
        changed={section.changed}
        saved={section.savedMessage(`${copy.savedText} ${TAKES_EFFECT}`)}
        error={error}
      />
    </Form>
  )
}

function SettingSwitch({
  isSelected,
  onChange,
  description,
  children,
}: {
  isSelected: boolean
  onChange: (selected: boolean) => void
  description: ReactNode
  children: ReactNode
}) {
  const descriptionId = useId()
  return (
    <div className="setting-switch">
      <Switch
        className="switch"
        isSelected={isSelected}
        onChange={onChange}
        aria-describedby={descriptionId}
      >
        <span className="switch-track" aria-hidden="true" />
        <span className="switch-label">{children}</span>
      </Switch>
      <div id={descriptionId} className="setting-switch-description">
        {description}
      </div>
    </div>
  )
}

export function FeaturesSection({ initial }: { initial: Settings }) {
  const section = usePortalSection(
    initial,
    (view) => ({ ...view.features }),
    (features) => ({ features }),
  )
  return (
    <SettingsSection
      id="features"
      title="Features patients get"
      intro="Each feature switched off disappears from the portal, and its pages and downloads are refused."
    >
      <SectionForm section={section} copy={COPY.features}>
        <ul className="feature-list">
          {FEATURES.map((feature) => (
            <li key={feature.key}>
              <SettingSwitch
                isSelected={section.form[feature.key]}
                onChange={(selected) =>
                  section.setForm((form) => ({ ...form, [feature.key]: selected }))
                }
                description={
                  <>
                    <p>{feature.description}</p>
                    {feature.note ? (
                      <p className="setting-note">
                        <strong>Note:</strong> {feature.note}
                        {feature.key === 'makePayments'
                          ? ` Payment processor: ${initial.paymentProcessor ?? 'none set up'}.`
                          : null}
                      </p>
                    ) : null}
                  </>
                }
              >
                {feature.label}
              </SettingSwitch>
            </li>
          ))}
        </ul>
      </SectionForm>
    </SettingsSection>
  )
}

export function SecuritySection({ initial }: { initial: Settings }) {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({})
  const section = usePortalSection(
    initial,
    (view) => ({
      idleTimeoutMinutes: view.idleTimeoutMinutes,
      verifyPersonalInfo: view.verifyPersonalInfo,
      secondFactorPatients: view.secondFactorPatients,
      secondFactorAdmins: view.secondFactorAdmins,
    }),
    (form) => form,
  )
  const validationErrors = useMemo(
    () => ({ ...section.fieldErrors, ...clientErrors }),
    [section.fieldErrors, clientErrors],
  )

  function submit(event: FormEvent<HTMLFormElement>) {
    const minutes = idleTimeoutFrom(section.form.idleTimeoutMinutes)
    if (minutes.problem !== undefined) {
      event.preventDefault()
      setClientErrors({ idleTimeoutMinutes: minutes.problem })
      return
    }
    setClientErrors({})
    section.submit(event)
  }

  return (
    <SettingsSection id="security" title="Sign-in and security">
      <SectionForm
        section={section}
        copy={COPY.security}
        onSubmit={submit}
        validationErrors={validationErrors}
        error={Object.keys(clientErrors).length > 0 ? null : section.save.error}
      >
        <NumberField
          className="field field-narrow"
          name="idleTimeoutMinutes"
          value={section.form.idleTimeoutMinutes}
          onChange={(minutes) => {
            setClientErrors({})
            section.setForm((form) => ({ ...form, idleTimeoutMinutes: minutes }))
          }}
          formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
        >
          <Label>Idle time-out (minutes)</Label>
          <Input />
          <Text slot="description" className="field-hint">
            Patients are signed out after this many minutes without activity: 1 to 720.
          </Text>
          <FieldError className="field-error" />
        </NumberField>
        <SettingSwitch
          isSelected={section.form.verifyPersonalInfo}
          onChange={(selected) =>
            section.setForm((form) => ({ ...form, verifyPersonalInfo: selected }))
          }
          description={
            <p>
              After signing in, patients confirm their name and birthdate before they see anything
              else.
            </p>
          }
        >
          Personal-info verification required
        </SettingSwitch>
        <SettingSwitch
          isSelected={section.form.secondFactorPatients === 'required'}
          onChange={(selected) =>
            section.setForm((form) => ({
              ...form,
              secondFactorPatients: selected ? 'required' : 'optional',
            }))
          }
          description={
            <p>
              Patients add an authenticator app and type its code after their password. Off:
              patients may add one on their Security page.
            </p>
          }
        >
          Two-step sign-in required for patients
        </SettingSwitch>
        <SettingSwitch
          isSelected={section.form.secondFactorAdmins ?? false}
          onChange={(selected) =>
            section.setForm((form) => ({ ...form, secondFactorAdmins: selected }))
          }
          description={<p>Administrators add an authenticator app to sign in to the console.</p>}
        >
          Two-step sign-in required for administrators
        </SettingSwitch>
      </SectionForm>
    </SettingsSection>
  )
}

export function PrivacySection({ initial }: { initial: Settings }) {
  const section = usePortalSection(
    initial,
    (view) => ({ privacyPolicy: view.privacyPolicy }),
    (form) => form,
  )
  return (
    <SettingsSection id="privacy" title="Privacy policy">
      <SectionForm section={section} copy={COPY.privacy}>
        <SettingTextField
          name="privacyPolicy"
          label="Privacy policy text"
          hint="Shown to patients in the portal. Plain text; line breaks are kept."
          value={section.form.privacyPolicy}
          onChange={(privacyPolicy) => section.setForm({ privacyPolicy })}
          maxLength={20_000}
          rows={10}
        />
      </SectionForm>
    </SettingsSection>
  )
}

const WEBMAIL_FIELDS = [
  {
    name: 'webmailNotificationSubject',
    label: 'Subject',
    hint: 'Must not contain health information.',
    maxLength: 200,
  },
  {
    name: 'webmailNotificationBody',
    label: 'Text',
    hint: 'Must not contain health information. Tell the patient to sign in to read the message.',
    maxLength: 2_000,
    rows: 5,
  },
] as const

export function WebmailEmailSection({ initial }: { initial: Settings }) {
  const section = usePortalSection(
    initial,
    (view) => ({
      webmailNotificationSubject: view.webmailNotificationSubject,
      webmailNotificationBody: view.webmailNotificationBody,
    }),
    (form) => form,
  )
  return (
    <SettingsSection
      id="webmail-email"
      title="WebMail notification email"
      intro="Sent to a patient's email address when a new message from the office is waiting in the portal."
    >
      <div className="notice notice-info">
        <p>
          <strong>No health information here.</strong> Email is not secure: the subject and text
          must not mention treatment, appointments or anything else about the patient's health. The
          message itself stays in the portal.
        </p>
      </div>
      <SectionForm section={section} copy={COPY.webmail}>
        {WEBMAIL_FIELDS.map((field) => (
          <SettingTextField
            key={field.name}
            {...field}
            value={section.form[field.name]}
            onChange={(value) => section.setForm((form) => ({ ...form, [field.name]: value }))}
          />
        ))}
      </SectionForm>
    </SettingsSection>
  )
}

const MEGABYTE = 1024 * 1024

/**
 * Whether patients may attach files to their messages, and how large: images (PNG, JPEG, GIF)
 * and PDFs only, as the server proves from each file's bytes.
 */
export function WebmailAttachmentsSection({ initial }: { initial: Settings }) {
  const section = usePortalSection(
    initial,
    (view) => ({
      webmailPatientAttachments: view.webmailPatientAttachments,
      maxMegabytes: Math.round(view.webmailAttachmentMaxBytes / MEGABYTE),
    }),
    (form) => ({
      webmailPatientAttachments: form.webmailPatientAttachments,
      webmailAttachmentMaxBytes: Math.round(form.maxMegabytes) * MEGABYTE,
    }),
  )
  return (
    <SettingsSection
      id="webmail-attachments"
      title="Patients’ attachments"
      intro="What patients may attach to the messages they send the office."
    >
      <SectionForm
        section={section}
        copy={COPY.attachments}
        validationErrors={
          section.fieldErrors.webmailAttachmentMaxBytes
            ? { maxMegabytes: 'Enter a whole number of megabytes from 1 to 10.' }
            : section.fieldErrors
        }
      >
        <SettingSwitch
          isSelected={section.form.webmailPatientAttachments}
          onChange={(selected) =>
            section.setForm((form) => ({ ...form, webmailPatientAttachments: selected }))
          }
          description={
            <p>
              Images (PNG, JPEG, GIF) and PDFs only, up to three per message; the portal checks each
              file's contents, not its name.
            </p>
          }
        >
          Patients may attach files
        </SettingSwitch>
        <NumberField
          className="field field-narrow"
          name="maxMegabytes"
          value={section.form.maxMegabytes}
          minValue={1}
          maxValue={10}
          onChange={(megabytes) =>
            section.setForm((form) => ({ ...form, maxMegabytes: megabytes }))
          }
          formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
        >
          <Label>Largest file (MB)</Label>
          <Input />
          <Text slot="description" className="field-hint">
            Each file patients attach: 1 to 10 MB.
          </Text>
          <FieldError className="field-error" />
        </NumberField>
      </SectionForm>
    </SettingsSection>
  )
}
