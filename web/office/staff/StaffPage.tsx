import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { type Translate, useT } from '../../ui/i18n/i18n.tsx'
import { NativeSelect } from '../../ui/native-select.tsx'
import { QueryStatus } from '../../ui/status.tsx'
import { ColumnHeads } from '../../ui/table.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type Announce, Announcements, failed, useAnnouncements } from '../Announcements.tsx'
import { ConfirmButton } from '../access/ConfirmButton.tsx'
import { useStaff } from '../ConsolePage.tsx'
import { roleLabel } from '../labels.ts'
import { FormSection } from '../OfficeForm.tsx'
import { OneTimeSecret } from '../OneTimeSecret.tsx'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
import {
  createStaffMember,
  type NewStaffMember,
  resetStaffPassword,
  type StaffCredentials,
  type StaffMember,
  setStaffActive,
  staffQuery,
} from './staff-api.ts'
import '../access/access.css'
import { MutationButton } from '../../ui/mutation-button.tsx'

const roleOptions = (t: Translate) =>
  (['front_desk', 'provider', 'admin'] as const).map((role) => ({
    value: role,
    label: roleLabel(role, t),
  }))

/** Staff (administrators): accounts, roles, one-time passwords, disabling. */
export function StaffPage() {
  const staff = useQuery(staffQuery)
  const [issued, setIssued] = useState<{ name: string; credentials: StaffCredentials } | null>(null)
  const { announcement, announce } = useAnnouncements(staffQuery.queryKey)
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
          announce({ kind: 'success', text: t('office.staff.canSignIn', { name }) })
          setIssued({ name, credentials })
        }}
      />
      <section aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading">{t('office.staff.heading.list')}</h2>
        <TimeZoneNote />
        <QueryStatus query={staff} />
        {staff.isSuccess ? (
          <StaffTable
            members={staff.data}
            onIssued={(name, credentials) => setIssued({ name, credentials })}
            announce={announce}
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
  return (
    <FormSection
      id="add-staff"
      title={t('office.staff.add')}
      submitLabel={t('office.staff.addButton')}
      mutation={create}
      what={t('office.staff.adding')}
      onSubmit={() => create.mutate(member)}
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
    </FormSection>
  )
}

function StaffTable({
  members,
  onIssued,
  announce,
}: {
  members: StaffMember[]
  onIssued: (name: string, credentials: StaffCredentials) => void
  announce: Announce
}) {
  const t = useT()
  return (
    <table className="results-table">
      <ColumnHeads
        columns={[
          t('office.staff.name'),
          t('office.common.userName'),
          t('office.staff.role'),
          t('office.staff.status'),
          t('office.staff.lastSignIn'),
          t('office.staff.actions'),
        ]}
      />
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
  announce: Announce
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
    onError: (error) => announce(failed(error, t('office.access.resettingPassword'), t)),
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
    onError: (error) => announce(failed(error, t('office.staff.changing'), t)),
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
            mutation={reset}
          >
            <p>{t('office.staff.resetBody')}</p>
          </ConfirmButton>
          {isMe ? null : member.active ? (
            <ConfirmButton
              label={t('office.staff.disable')}
              pendingLabel={t('office.staff.disabling')}
              title={t('office.staff.disableTitle', { name })}
              danger
              mutation={status}
              variables={false}
            >
              <p>{t('office.staff.disableBody')}</p>
            </ConfirmButton>
          ) : (
            <MutationButton
              className="button button-secondary"
              mutation={status}
              variables={true}
              label={t('office.staff.enable')}
              pendingLabel={t('office.staff.enabling')}
            />
          )}
        </div>
      </td>
    </tr>
  )
}
