import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { formatDateTime } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type Announcement, Announcements } from '../Announcements.tsx'
import { ConfirmButton } from '../access/ConfirmButton.tsx'
import { ConsolePage, useStaff } from '../ConsolePage.tsx'
import { actionFailureMessage, roleLabel } from '../labels.ts'
import { NativeSelect } from '../NativeSelect.tsx'
import { OneTimeSecret } from '../OneTimeSecret.tsx'
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

const ROLE_OPTIONS = (['front_desk', 'provider', 'admin'] as const).map((role) => ({
  value: role,
  label: roleLabel(role),
}))

/** Staff (administrators): accounts, roles, one-time passwords, disabling. */
export function StaffPage() {
  return (
    <ConsolePage title="Staff" action="staff.manage">
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

  return (
    <>
      <Announcements announcement={announcement} />
      {issued ? (
        <OneTimeSecret
          title={`Sign-in details for ${issued.name}`}
          facts={[
            { label: 'User name', value: issued.credentials.username },
            { label: 'One-time password', value: issued.credentials.oneTimePassword },
          ]}
          warning={
            <>
              <strong>This password will not be shown again.</strong> Give it to {issued.name} in
              person; it works once, and at their first sign-in they choose their own.
            </>
          }
          onDone={() => setIssued(null)}
        />
      ) : null}
      <AddStaffForm
        onCreated={(name, credentials) => {
          setAnnouncement({ kind: 'success', text: `${name} can now sign in.` })
          setIssued({ name, credentials })
          void refresh()
        }}
      />
      <section aria-labelledby="staff-list-heading">
        <h2 id="staff-list-heading">Staff accounts</h2>
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
      <h2 id="add-staff-heading">Add a staff member</h2>
      <Form
        className="form"
        onSubmit={submit}
        validationErrors={errors}
        validationBehavior="aria"
        aria-labelledby="add-staff-heading"
      >
        <TextInputField
          label="Display name"
          name="displayName"
          value={member.displayName}
          onChange={(displayName) => setMember((current) => ({ ...current, displayName }))}
          isRequired
          maxLength={200}
        />
        <TextInputField
          label="User name"
          description="3 to 40 letters, digits and . _ - @"
          name="username"
          value={member.username}
          onChange={(username) => setMember((current) => ({ ...current, username }))}
          isRequired
          maxLength={40}
          autoComplete="off"
        />
        <NativeSelect
          label="Role"
          value={member.role}
          onChange={(role) =>
            setMember((current) => ({ ...current, role: role as NewStaffMember['role'] }))
          }
          options={ROLE_OPTIONS}
        />
        {create.isError && Object.keys(errors).length === 0 ? (
          <div className="notice notice-error" role="alert">
            <p>{actionFailureMessage(create.error, 'Adding the staff member')}</p>
          </div>
        ) : null}
        <Button type="submit" className="button" isPending={create.isPending}>
          Add staff member
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
  return (
    <table className="results-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">User name</th>
          <th scope="col">Role</th>
          <th scope="col">Status</th>
          <th scope="col">Last sign-in</th>
          <th scope="col">Actions</th>
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
  const me = useStaff()
  const name = member.displayName
  const reset = useMutation({
    mutationFn: () => resetStaffPassword(member.id),
    onSuccess: (credentials) => {
      announce({ kind: 'success', text: `${name}'s password was reset and their sessions ended.` })
      onIssued(name, credentials)
    },
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, 'Resetting the password') }),
  })
  const status = useMutation({
    mutationFn: (active: boolean) => setStaffActive(member.id, active),
    onSuccess: (changed) =>
      announce({
        kind: 'success',
        text: changed.active ? `${name} can sign in again.` : `${name} is disabled and signed out.`,
      }),
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, 'Changing the account') }),
  })
  const isMe = member.username === me.username

  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{member.username}</td>
      <td>{roleLabel(member.role)}</td>
      <td>{member.active ? 'Active' : 'Disabled'}</td>
      <td>{member.lastSignInAt ? formatDateTime(member.lastSignInAt) : 'Never'}</td>
      <td>
        <div className="actions">
          <ConfirmButton
            label="Reset password"
            pendingLabel="Resetting…"
            title={`Reset ${name}'s password?`}
            confirmLabel="Reset password"
            isPending={reset.isPending}
            onConfirm={() => reset.mutate()}
          >
            <p>They are signed out everywhere and get a new one-time password, shown once.</p>
          </ConfirmButton>
          {isMe ? null : member.active ? (
            <ConfirmButton
              label="Disable"
              pendingLabel="Disabling…"
              title={`Disable ${name}?`}
              confirmLabel="Disable"
              danger
              isPending={status.isPending}
              onConfirm={() => status.mutate(false)}
            >
              <p>They are signed out everywhere and cannot sign in until enabled again.</p>
            </ConfirmButton>
          ) : (
            <Button
              className="button button-secondary"
              onPress={() => {
                if (!status.isPending) status.mutate(true)
              }}
            >
              {status.isPending ? 'Enabling…' : 'Enable'}
            </Button>
          )}
        </div>
      </td>
    </tr>
  )
}
