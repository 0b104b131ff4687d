import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, type ReactNode, useId, useMemo, useRef, useState } from 'react'
import { Form, Switch } from 'react-aria-components'
import { type MessageId, useT } from '../../ui/i18n/i18n.tsx'
import { InfoNotice } from '../../ui/notice.tsx'
import {
  SaveRow,
  SettingsSection,
  SettingTextField,
  useFieldErrors,
  useFocusFirstInvalid,
  useLeaveWarning,
  WholeNumberField,
} from './section.tsx'
import {
  fetchSettings,
  type PortalSettings,
  SETTINGS_KEY,
  type Settings,
  savePortalSettings,
} from './settings-api.ts'
import { FEATURES, idleTimeoutFrom, portalSettingsBody, sectionChanged } from './settings-form.ts'

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
    /** Edits one setting of the section's form. */
    setSetting: <K extends keyof T>(key: K, value: T[K]) =>
      setForm((current) => ({ ...current, [key]: value })),
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
    name: 'office.settings.copy.features.name',
    saveLabel: 'office.settings.copy.features.save',
    what: 'office.settings.copy.features.what',
    savedText: 'office.settings.copy.features.saved',
  },
  security: {
    name: 'office.settings.security',
    saveLabel: 'office.settings.copy.security.save',
    what: 'office.settings.copy.security.what',
    savedText: 'office.settings.copy.security.saved',
  },
  privacy: {
    name: 'office.settings.privacy',
    saveLabel: 'office.settings.copy.privacy.save',
    what: 'office.settings.copy.privacy.what',
    savedText: 'office.settings.copy.privacy.saved',
  },
  webmail: {
    name: 'office.settings.webmailEmail',
    saveLabel: 'office.settings.copy.webmail.save',
    what: 'office.settings.copy.webmail.what',
    savedText: 'office.settings.copy.webmail.saved',
  },
  attachments: {
    name: 'office.settings.copy.attachments.name',
    saveLabel: 'office.settings.copy.attachments.save',
    what: 'office.settings.copy.attachments.what',
    savedText: 'office.settings.copy.attachments.saved',
  },
} satisfies Record<string, SectionCopy>

/** Catalog ids of what a section's form is called and says about saving. */
interface SectionCopy {
  /** The form's accessible name. */
  name: MessageId
  saveLabel: MessageId
  /** For a failure message: "Saving the features". */
  what: MessageId
  /** Said once saved, before "Patients get the change…". */
  savedText: MessageId
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
  const t = useT()
  return (
    <Form
      ref={section.formRef}
      className="form"
      onSubmit={onSubmit}
      validationErrors={validationErrors}
      validationBehavior="aria"
      aria-label={t(copy.name)}
    >
      {children}
      <SaveRow
        label={t(copy.saveLabel)}
        what={t(copy.what)}
        isPending={section.save.isPending}
        changed={section.changed}
        saved={section.savedMessage(t('office.settings.takesEffect', { saved: t(copy.savedText) }))}
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
  const t = useT()
  return (
    <SettingsSection
      id="features"
      title={t('office.settings.features')}
      intro={t('office.settings.featuresIntro')}
    >
      <SectionForm section={section} copy={COPY.features}>
        <ul className="feature-list">
          {FEATURES.map((feature) => (
            <li key={feature.key}>
              <SettingSwitch
                isSelected={section.form[feature.key]}
                onChange={(selected) => section.setSetting(feature.key, selected)}
                description={
                  <>
                    <p>{t(feature.description)}</p>
                    {feature.note ? (
                      <p className="setting-note">
                        {t('office.settings.note', {
                          note: t(feature.note),
                          strong: (chunks) => <strong>{chunks}</strong>,
                        })}
                        {feature.key === 'makePayments'
                          ? ` ${t('office.settings.processor', {
                              processor:
                                initial.paymentProcessor ?? t('office.settings.noProcessor'),
                            })}`
                          : null}
                      </p>
                    ) : null}
                  </>
                }
              >
                {t(feature.label)}
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
  const t = useT()
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
      setClientErrors({ idleTimeoutMinutes: t(minutes.problem) })
      return
    }
    setClientErrors({})
    section.submit(event)
  }

  return (
    <SettingsSection id="security" title={t('office.settings.security')}>
      <SectionForm
        section={section}
        copy={COPY.security}
        onSubmit={submit}
        validationErrors={validationErrors}
        error={Object.keys(clientErrors).length > 0 ? null : section.save.error}
      >
        <WholeNumberField
          name="idleTimeoutMinutes"
          label={t('office.settings.idle')}
          hint={t('office.settings.idleHint')}
          value={section.form.idleTimeoutMinutes}
          onChange={(minutes) => {
            setClientErrors({})
            section.setSetting('idleTimeoutMinutes', minutes)
          }}
        />
        <SettingSwitch
          isSelected={section.form.verifyPersonalInfo}
          onChange={(selected) => section.setSetting('verifyPersonalInfo', selected)}
          description={<p>{t('office.settings.verifyHelp')}</p>}
        >
          {t('office.settings.verify')}
        </SettingSwitch>
        <SettingSwitch
          isSelected={section.form.secondFactorPatients === 'required'}
          onChange={(selected) =>
            section.setForm((form) => ({
              ...form,
              secondFactorPatients: selected ? 'required' : 'optional',
            }))
          }
          description={<p>{t('office.settings.twoStepPatientsHelp')}</p>}
        >
          {t('office.settings.twoStepPatients')}
        </SettingSwitch>
        <SettingSwitch
          isSelected={section.form.secondFactorAdmins ?? false}
          onChange={(selected) => section.setSetting('secondFactorAdmins', selected)}
          description={<p>{t('office.settings.twoStepAdminsHelp')}</p>}
        >
          {t('office.settings.twoStepAdmins')}
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
  const t = useT()
  return (
    <SettingsSection id="privacy" title={t('office.settings.privacy')}>
      <SectionForm section={section} copy={COPY.privacy}>
        <SettingTextField
          name="privacyPolicy"
          label={t('office.settings.privacyText')}
          hint={t('office.settings.privacyHint')}
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
    label: 'office.settings.subject',
    hint: 'office.settings.subjectHint',
    maxLength: 200,
  },
  {
    name: 'webmailNotificationBody',
    label: 'office.settings.text',
    hint: 'office.settings.textHint',
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
  const t = useT()
  return (
    <SettingsSection
      id="webmail-email"
      title={t('office.settings.webmailEmail')}
      intro={t('office.settings.webmailIntro')}
    >
      <InfoNotice>
        {t('office.settings.noHealth', { strong: (chunks) => <strong>{chunks}</strong> })}
      </InfoNotice>
      <SectionForm section={section} copy={COPY.webmail}>
        {WEBMAIL_FIELDS.map((field) => (
          <SettingTextField
            key={field.name}
            {...field}
            label={t(field.label)}
            hint={t(field.hint)}
            value={section.form[field.name]}
            onChange={(value) => section.setSetting(field.name, value)}
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
  const t = useT()
  return (
    <SettingsSection
      id="webmail-attachments"
      title={t('office.settings.copy.attachments.name')}
      intro={t('office.settings.attachmentsIntro')}
    >
      <SectionForm
        section={section}
        copy={COPY.attachments}
        validationErrors={
          section.fieldErrors.webmailAttachmentMaxBytes
            ? { maxMegabytes: t('office.settings.megabytes') }
            : section.fieldErrors
        }
      >
        <SettingSwitch
          isSelected={section.form.webmailPatientAttachments}
          onChange={(selected) => section.setSetting('webmailPatientAttachments', selected)}
          description={<p>{t('office.settings.attachmentsHelp')}</p>}
        >
          {t('office.settings.attachmentsSwitch')}
        </SettingSwitch>
        <WholeNumberField
          name="maxMegabytes"
          label={t('office.settings.largest')}
          hint={t('office.settings.largestHint')}
          minValue={1}
          maxValue={10}
          value={section.form.maxMegabytes}
          onChange={(megabytes) => section.setSetting('maxMegabytes', megabytes)}
        />
      </SectionForm>
    </SettingsSection>
  )
}
