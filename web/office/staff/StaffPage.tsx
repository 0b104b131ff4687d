import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { type Translate, useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type Announcement, Announcements } from '../Announcements.tsx'
import { ConfirmButton } from '../access/ConfirmButton.tsx'
import { ConsolePage, useStaff } from '../ConsolePage.tsx'
import { actionFailureMessage, roleLabel } from '../labels.ts'
import { NativeSelect } from '../NativeSelect.tsx'
import { OneTimeSecret } from '../OneTimeSecret.tsx'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
import { useFieldErrors } from '../settings/section.tsx'
import {
  createStaffMember,
  fetchStaff,
  type NewStaffMember,
  resetStaffPassword,
  STAFF_KEY,
  type StaffCredentials,
  type StaffMember,
  setStaffActive,
} from './staff-api.ts'
import '../access/access.css'

const roleOptions = (t: Translate) =>
  (['front_desk', 'provider', 'admin'] as const).map((role) => ({
    value: role,
    label: roleLabel(role, t),
  }))

/** Staff (administrators): accounts, roles, one-time passwords, disabling. */
export function StaffPage() {
  const t = useT()
  return (
    <ConsolePage title={t('office.nav.staff')} action="staff.manage">
      <StaffManager />
    </ConsolePage>
  )
}

function StaffManager() {
  const queryClient = useQueryClient()
  const staff = useQuery({ queryKey: STAFF_KEY, queryFn: ({ signal }) => fetchStaff(signal) })
  const [issued, setIssued] = useState<{ name: string; credentials: StaffCredentials } | null>(null)
  const [announcement, setAnnouncement] = useState<Announcement | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: STAFF_KEY })
  const t = useT()

  return (
    <>
      <Announcements announcement={announcement} />
      {issued ? (
        <OneTimeSecret
          title={t('office.staff.signInDetails', { name: issued.name })}
          facts={[
            { label: t('office.common.userName'), value: issued.credentials.username },
            {
              label: t('office.credentials.oneTimePassword'),
              value: issued.credentials.oneTimePassword,
            },
          ]}
          warning={t('office.staff.warning', {
            name: issued.name,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
          onDone={() => setIssued(null)}
        />
      ) : null}
      <AddStaffForm
        onCreated={(name, credentials) => {
          setAnnouncement({ kind: 'success', text: t('office.staff.canSignIn', { name }) })
          setIssued({ name, credentials })
          void refresh()
        }}
      />
      <section aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading">{t('office.staff.heading.list')}</h2>
        <TimeZoneNote />
        {staff.isPending ? <Loading /> : null}
        {staff.isError ? (
          <LoadFailed error={staff.error} onRetry={() => void staff.refetch()} />
        ) : null}
        {staff.isSuccess ? (
          <StaffTable
            members={staff.data}
            onIssued={(name, credentials) => setIssued({ name, credentials })}
            announce={(next) => {
              setAnnouncement(next)
              void refresh()
            }}
          />
        ) : null}
      </section>
    </>
  )
}

function AddStaffForm({
  onCreated,
}: {
  onCreated: (name: string, credentials: StaffCredentials) => void
}) {
  const t = useT()
  const blank: NewStaffMember = { username: '', displayName: '', role: 'front_desk' }
  const [member, setMember] = useState(blank)
  const create = useMutation({
    mutationFn: createStaffMember,
    onSuccess: (credentials, sent) => {
      setMember(blank)
      onCreated(sent.displayName.trim(), credentials)
    },
  })
  const errors = useFieldErrors(create.error)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!create.isPending) create.mutate(member)
  }

  return (
    <section aria-labelledby="add-staff-heading">
      <h2 id="add-staff-heading">{t('office.staff.add')}</h2>
      <Form
        className="form"
        onSubmit={submit}
        validationErrors={errors}
        validationBehavior="aria"
        aria-labelledby="add-staff-heading"
      >
        <TextInputField
          label={t('office.staff.displayName')}
          name="displayName"
          value={member.displayName}
          onChange={(displayName) => setMember((current) => ({ ...current, displayName }))}
          isRequired
          maxLength={200}
        />
        <TextInputField
          label={t('office.common.userName')}
          description={t('office.staff.userNameHelp')}
          name="username"
          value={member.username}
          onChange={(username) => setMember((current) => ({ ...current, username }))}
          isRequired
          maxLength={40}
          autoComplete="off"
        />
        <NativeSelect
          label={t('office.staff.role')}
          value={member.role}
          onChange={(role) =>
            setMember((current) => ({ ...current, role: role as NewStaffMember['role'] }))
          }
          options={roleOptions(t)}
        />
        {create.isError && Object.keys(errors).length === 0 ? (
          <div className="notice notice-error" role="alert">
            <p>{actionFailureMessage(create.error, t('office.staff.adding'), t)}</p>
          </div>
        ) : null}
        <Button type="submit" className="button" isPending={create.isPending}>
          {t('office.staff.addButton')}
        </Button>
      </Form>
    </section>
  )
}

function StaffTable({
  members,
  onIssued,
  announce,
}: {
  members: StaffMember[]
  onIssued: (name: string, credentials: StaffCredentials) => void
  announce: (announcement: Announcement) => void
}) {
  const t = useT()
  return (
    <table className="results-table">
      <thead>
        <tr>
          <th scope="col">{t('office.staff.name')}</th>
          <th scope="col">{t('office.common.userName')}</th>
          <th scope="col">{t('office.staff.role')}</th>
          <th scope="col">{t('office.staff.status')}</th>
          <th scope="col">{t('office.staff.lastSignIn')}</th>
          <th scope="col">{t('office.staff.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <StaffRow key={member.id} member={member} onIssued={onIssued} announce={announce} />
        ))}
      </tbody>
    </table>
  )
}

function StaffRow({
  member,
  onIssued,
  announce,
}: {
  member: StaffMember
  onIssued: (name: string, credentials: StaffCredentials) => void
  announce: (announcement: Announcement) => void
}) {
  const t = useT()
  const me = useStaff()
  const dateTime = usePracticeDateTime()
  const name = member.displayName
  const reset = useMutation({
    mutationFn: () => resetStaffPassword(member.id),
    onSuccess: (credentials) => {
      announce({ kind: 'success', text: t('office.staff.passwordReset', { name }) })
      onIssued(name, credentials)
    },
    onError: (error) =>
      announce({
        kind: 'error',
        text: actionFailureMessage(error, t('office.access.resettingPassword'), t),
      }),
  })
  const status = useMutation({
    mutationFn: (active: boolean) => setStaffActive(member.id, active),
    onSuccess: (changed) =>
      announce({
        kind: 'success',
        text: changed.active
          ? t('office.staff.enabled', { name })
          : t('office.staff.disabled', { name }),
      }),
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, t('office.staff.changing'), t) }),
  })
  const isMe = member.username === me.username

  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{member.username}</td>
      <td>{roleLabel(member.role, t)}</td>
      <td>{member.active ? t('office.staff.active') : t('office.staff.inactive')}</td>
      <td>{member.lastSignInAt ? dateTime(member.lastSignInAt) : t('office.common.never')}</td>
      <td>
        <div className="actions">
          <ConfirmButton
            label={t('office.access.resetPassword')}
            pendingLabel={t('office.access.resettingNow')}
            title={t('office.staff.resetTitle', { name })}
            confirmLabel={t('office.access.resetPassword')}
            isPending={reset.isPending}
            onConfirm={() => reset.mutate()}
          >
            <p>{t('office.staff.resetBody')}</p>
          </ConfirmButton>
          {isMe ? null : member.active ? (
            <ConfirmButton
              label={t('office.staff.disable')}
              pendingLabel={t('office.staff.disabling')}
              title={t('office.staff.disableTitle', { name })}
              confirmLabel={t('office.staff.disable')}
              danger
              isPending={status.isPending}
              onConfirm={() => status.mutate(false)}
            >
              <p>{t('office.staff.disableBody')}</p>
            </ConfirmButton>
          ) : (
            <Button
              className="button button-secondary"
              onPress={() => {
                if (!status.isPending) status.mutate(true)
              }}
            >
              {status.isPending ? t('office.staff.enabling') : t('office.staff.enable')}
            </Button>
          )}
        </div>
      </td>
    </tr>
  )
}
