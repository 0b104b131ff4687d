import { useMutation, useQuery } from '@tanstack/react-query'
import { type FormEvent, useMemo, useRef, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { Link } from 'react-router'
import type { FieldErrors } from '../../ui/api.ts'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { Card, Page } from '../../ui/layout.tsx'
import { NativeSelect } from '../../ui/native-select.tsx'
import { NewPasswordFields } from '../../ui/new-password-fields.tsx'
import { ErrorAlert, InfoNotice } from '../../ui/notice.tsx'
import { QueryStatus } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { actionFailureMessage } from '../labels.ts'
import { useFieldErrors, useFocusFirstInvalid } from '../settings/section.tsx'
import { LocationFields } from './LocationFields.tsx'
import { type SetupDone, setupStatusQuery, submitSetup } from './setup-api.ts'
import {
  emptyLocation,
  passwordAgainError,
  type SetupForm,
  setupBodyOf,
  splitSetupErrors,
  suggestedCountry,
  suggestedCurrency,
  tokenFromHash,
} from './setup-form.ts'
import './setup.css'
import { SubmitButton } from '../../ui/submit-button.tsx'

/**
 * First-run setup, opened from the one-time link the server printed (`/office/setup#token=…`):
 * the practice, its locations and its first administrator. Once a practice exists it only says
 * so and points to sign-in.
 */
export function SetupPage() {
  const t = useT()
  useDocumentTitle(t('office.setup.documentTitle'))
  const [token] = useState(() => tokenFromHash(window.location.hash))
  const [done, setDone] = useState<SetupDone | null>(null)
  const status = useQuery(setupStatusQuery)

  return (
    <Page>
      <Card>
        <div className={done ? undefined : 'setup-card-body'}>
          {done ? (
            <>
              <h1>{t('office.setup.doneTitle', { practice: done.practiceName })}</h1>
              <p role="status">
                {t('office.setup.doneText', {
                  username: done.username,
                  strong: (chunks) => <strong>{chunks}</strong>,
                })}
              </p>
              <Link className="button" to="/sign-in">
                {t('office.setup.signIn')}
              </Link>
            </>
          ) : (
            <>
              <h1>{t('office.setup.title')}</h1>
              <QueryStatus query={status} />
              {status.data?.needed === false ? (
                <div className="notice notice-info">
                  <p>
                    {t('office.setup.alreadySetUp')}{' '}
                    <Link to="/sign-in">{t('office.setup.signInToConsole')}</Link>.
                  </p>
                </div>
              ) : null}
              {status.data?.needed && !token ? (
                <InfoNotice>
                  {t('office.setup.needsLink', { code: (chunks) => <code>{chunks}</code> })}
                </InfoNotice>
              ) : null}
              {status.data?.needed && token ? (
                <SetupFormView token={token} onDone={setDone} />
              ) : null}
            </>
          )}
        </div>
      </Card>
    </Page>
  )
}

function initialForm(): SetupForm {
  const country = suggestedCountry(navigator.languages ?? [navigator.language])
  return {
    practice: {
      name: '',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      country,
      currency: suggestedCurrency(country),
    },
    locations: [emptyLocation('location-1')],
    admin: { username: '', displayName: '', password: '', passwordAgain: '' },
  }
}

function SetupFormView({ token, onDone }: { token: string; onDone: (done: SetupDone) => void }) {
  const t = useT()
  const [form, setForm] = useState(initialForm)
  const [sentKeys, setSentKeys] = useState<string[][]>([])
  const nextKey = useRef(1)
  const formRef = useRef<HTMLFormElement>(null)
  const timeZones = useMemo(() => Intl.supportedValuesOf('timeZone'), [])
  const currencies = useMemo(() => currencyOptions(), [])

  const setup = useMutation({ mutationFn: submitSetup, onSuccess: onDone })
  const serverErrors = useFieldErrors(setup.error)
  const errors = useMemo(() => splitSetupErrors(serverErrors, sentKeys), [serverErrors, sentKeys])
  const againError = passwordAgainError(form)
  const fieldErrors: FieldErrors = {
    ...errors.fields,
    ...errors.locationFields,
    ...(againError ? { newPasswordAgain: againError } : {}),
  }
  useFocusFirstInvalid(formRef, setup.error)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (setup.isPending || againError) return
    const { body, rangeKeys } = setupBodyOf(token, form)
    setSentKeys(rangeKeys)
    setup.mutate(body)
  }

  const practice = (change: Partial<SetupForm['practice']>) =>
    setForm((current) => ({ ...current, practice: { ...current.practice, ...change } }))
  const admin = (change: Partial<SetupForm['admin']>) =>
    setForm((current) => ({ ...current, admin: { ...current.admin, ...change } }))

  return (
    <Form
      ref={formRef}
      className="form"
      onSubmit={submit}
      validationErrors={fieldErrors}
      validationBehavior="aria"
      aria-label={t('office.setup.title')}
    >
      <p className="card-subtitle">{t('office.setup.once')}</p>
      <fieldset className="setup-group">
        <legend>{t('office.setup.practice')}</legend>
        <TextInputField
          label={t('office.setup.practiceName')}
          name="practice.name"
          value={form.practice.name}
          onChange={(name) => practice({ name })}
          isRequired
          maxLength={200}
        />
        <div className="setup-row">
          <NativeSelect
            label={t('office.setup.timeZone')}
            value={form.practice.timeZone}
            onChange={(timeZone) => practice({ timeZone })}
            options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
            error={fieldErrors['practice.timeZone']}
          />
          <TextInputField
            label={t('office.setup.country')}
            description={t('office.setup.countryHint')}
            name="practice.country"
            value={form.practice.country}
            onChange={(country) => practice({ country: country.toUpperCase() })}
            isRequired
            maxLength={2}
          />
          <NativeSelect
            label={t('office.setup.currency')}
            value={form.practice.currency}
            onChange={(currency) => practice({ currency })}
            options={currencies}
            error={fieldErrors['practice.currency']}
          />
        </div>
      </fieldset>
      {form.locations.map((location, index) => (
        <LocationFields
          key={location.key}
          index={index}
          location={location}
          errors={errors.locations[index]}
          newKey={() => `new.${++nextKey.current}`}
          onChange={(changed) =>
            setForm((current) => ({
              ...current,
              locations: current.locations.map((each) =>
                each.key === location.key ? changed : each,
              ),
            }))
          }
          onRemove={
            form.locations.length > 1
              ? () =>
                  setForm((current) => ({
                    ...current,
                    locations: current.locations.filter((each) => each.key !== location.key),
                  }))
              : undefined
          }
        />
      ))}
      <Button
        className="button button-secondary"
        onPress={() =>
          setForm((current) => ({
            ...current,
            locations: [...current.locations, emptyLocation(`location-${++nextKey.current}`)],
          }))
        }
      >
        {t('office.setup.addLocation')}
      </Button>
      <fieldset className="setup-group">
        <legend>{t('office.setup.firstAdmin')}</legend>
        <div className="setup-row">
          <TextInputField
            label={t('office.setup.userName')}
            name="admin.username"
            value={form.admin.username}
            onChange={(username) => admin({ username })}
            isRequired
            autoComplete="username"
            maxLength={40}
          />
          <TextInputField
            label={t('office.setup.displayName')}
            description={t('office.setup.displayNameHint')}
            name="admin.displayName"
            value={form.admin.displayName}
            onChange={(displayName) => admin({ displayName })}
            isRequired
            maxLength={200}
          />
        </div>
        <NewPasswordFields
          value={{
            newPassword: form.admin.password,
            newPasswordAgain: form.admin.passwordAgain,
          }}
          onChange={(chosen) =>
            admin({ password: chosen.newPassword, passwordAgain: chosen.newPasswordAgain })
          }
        />
      </fieldset>
      {setup.isError ? (
        <ErrorAlert>{actionFailureMessage(setup.error, t('office.setup.settingUp'), t)}</ErrorAlert>
      ) : null}
      {/* Not isPending: the button is gone on success, and React Aria's pending announcement
          would dangle (axe: role-img-alt). A second press is ignored by submit. */}
      <SubmitButton isPending={setup.isPending} pendingLabel={t('office.setup.pending')}>
        {t('office.setup.submit')}
      </SubmitButton>
    </Form>
  )
}

function currencyOptions() {
  const names = new Intl.DisplayNames([navigator.language], { type: 'currency' })
  return Intl.supportedValuesOf('currency').map((code) => ({
    value: code,
    label: `${code} – ${names.of(code) ?? code}`,
  }))
}
