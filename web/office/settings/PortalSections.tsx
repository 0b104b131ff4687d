import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react'
import {
  FieldError,
  Form,
  Input,
  Label,
  NumberField,
  Switch,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components'
import {
  SaveRow,
  SettingsSection,
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
      <form ref={section.formRef} className="form" onSubmit={section.submit} aria-label="Features">
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
        <SaveRow
          label="Save features"
          what="Saving the features"
          isPending={section.save.isPending}
          changed={section.changed}
          saved={section.savedMessage(`Features saved. ${TAKES_EFFECT}`)}
          error={section.save.error}
        />
      </form>
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
      <Form
        ref={section.formRef}
        className="form"
        onSubmit={submit}
        validationErrors={validationErrors}
        validationBehavior="aria"
        aria-label="Sign-in and security"
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
        <SaveRow
          label="Save sign-in and security"
          what="Saving the sign-in settings"
          isPending={section.save.isPending}
          changed={section.changed}
          saved={section.savedMessage(`Sign-in and security saved. ${TAKES_EFFECT}`)}
          error={Object.keys(clientErrors).length > 0 ? null : section.save.error}
        />
      </Form>
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
      <Form
        ref={section.formRef}
        className="form"
        onSubmit={section.submit}
        validationErrors={section.fieldErrors}
        validationBehavior="aria"
        aria-label="Privacy policy"
      >
        <TextField
          className="field"
          name="privacyPolicy"
          value={section.form.privacyPolicy}
          onChange={(privacyPolicy) => section.setForm({ privacyPolicy })}
          maxLength={20_000}
        >
          <Label>Privacy policy text</Label>
          <Text slot="description" className="field-hint">
            Shown to patients in the portal. Plain text; line breaks are kept.
          </Text>
          <TextArea rows={10} />
          <FieldError className="field-error" />
        </TextField>
        <SaveRow
          label="Save privacy policy"
          what="Saving the privacy policy"
          isPending={section.save.isPending}
          changed={section.changed}
          saved={section.savedMessage(`Privacy policy saved. ${TAKES_EFFECT}`)}
          error={section.save.error}
        />
      </Form>
    </SettingsSection>
  )
}

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
      <Form
        ref={section.formRef}
        className="form"
        onSubmit={section.submit}
        validationErrors={section.fieldErrors}
        validationBehavior="aria"
        aria-label="WebMail notification email"
      >
        <TextField
          className="field"
          name="webmailNotificationSubject"
          value={section.form.webmailNotificationSubject}
          onChange={(webmailNotificationSubject) =>
            section.setForm((form) => ({ ...form, webmailNotificationSubject }))
          }
          maxLength={200}
        >
          <Label>Subject</Label>
          <Text slot="description" className="field-hint">
            Must not contain health information.
          </Text>
          <Input />
          <FieldError className="field-error" />
        </TextField>
        <TextField
          className="field"
          name="webmailNotificationBody"
          value={section.form.webmailNotificationBody}
          onChange={(webmailNotificationBody) =>
            section.setForm((form) => ({ ...form, webmailNotificationBody }))
          }
          maxLength={2_000}
        >
          <Label>Text</Label>
          <Text slot="description" className="field-hint">
            Must not contain health information. Tell the patient to sign in to read the message.
          </Text>
          <TextArea rows={5} />
          <FieldError className="field-error" />
        </TextField>
        <SaveRow
          label="Save notification email"
          what="Saving the notification email"
          isPending={section.save.isPending}
          changed={section.changed}
          saved={section.savedMessage(`Notification email saved. ${TAKES_EFFECT}`)}
          error={section.save.error}
        />
      </Form>
    </SettingsSection>
  )
}
