import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { formatDateTime } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type Announcement, Announcements } from '../Announcements.tsx'
import { ConfirmButton } from '../access/ConfirmButton.tsx'
import { ConsolePage } from '../ConsolePage.tsx'
import { actionFailureMessage } from '../labels.ts'
import { OneTimeSecret } from '../OneTimeSecret.tsx'
import { useFieldErrors } from '../settings/section.tsx'
import {
  type CreatedSyncKey,
  createSyncKey,
  fetchSyncKeys,
  revokeSyncKey,
  SYNC_KEYS_KEY,
  type SyncKey,
} from './sync-keys-api.ts'
import { WebhookSection } from './WebhookSection.tsx'
import '../access/access.css'

/** Sync API keys (administrators): the keys a practice-management system signs its calls with. */
export function SyncKeysPage() {
  return (
    <ConsolePage title="Sync API keys" action="sync-keys.manage">
      <SyncKeysManager />
    </ConsolePage>
  )
}

function SyncKeysManager() {
  const queryClient = useQueryClient()
  const keys = useQuery({ queryKey: SYNC_KEYS_KEY, queryFn: ({ signal }) => fetchSyncKeys(signal) })
  const [created, setCreated] = useState<CreatedSyncKey | null>(null)
  const [announcement, setAnnouncement] = useState<Announcement | null>(null)
  const announce = (next: Announcement) => {
    setAnnouncement(next)
    void queryClient.invalidateQueries({ queryKey: SYNC_KEYS_KEY })
  }

  return (
    <>
      <p>
        A practice-management system sends one of these keys with every call to the sync API. Each
        key sees this practice only. Revoke a key you no longer use or that may have been seen.
      </p>
      <Announcements announcement={announcement} />
      {created ? (
        <NewKeyCard created={created} announce={setAnnouncement} onDone={() => setCreated(null)} />
      ) : null}
      <CreateKeyForm
        onCreated={(key) => {
          setCreated(key)
          announce({ kind: 'success', text: `The key “${key.name}” was created.` })
        }}
      />
      <section aria-labelledby="sync-keys-heading">
        <h2 id="sync-keys-heading">Keys</h2>
        {keys.isPending ? <Loading /> : null}
        {keys.isError ? (
          <LoadFailed error={keys.error} onRetry={() => void keys.refetch()} />
        ) : null}
        {keys.isSuccess && keys.data.length === 0 ? <p>No keys yet.</p> : null}
        {keys.isSuccess && keys.data.length > 0 ? (
          <KeyTable keys={keys.data} announce={announce} />
        ) : null}
      </section>
      <WebhookSection announce={setAnnouncement} />
    </>
  )
}

function NewKeyCard({
  created,
  announce,
  onDone,
}: {
  created: CreatedSyncKey
  announce: (announcement: Announcement) => void
  onDone: () => void
}) {
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key)
      announce({ kind: 'success', text: 'The key was copied. Paste it into the PMS settings now.' })
    } catch {
      announce({ kind: 'error', text: 'Copying did not work here. Select the key and copy it.' })
    }
  }
  return (
    <OneTimeSecret
      title={`New key: ${created.name}`}
      facts={[{ label: 'Key', value: created.key }]}
      warning={
        <>
          <strong>This key will not be shown again.</strong> Copy it into the practice-management
          system now. Anyone who has it can change this practice’s portal data: keep it secret.
        </>
      }
      actions={
        <Button className="button" onPress={() => void copy()}>
          Copy key
        </Button>
      }
      onDone={onDone}
    />
  )
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedSyncKey) => void }) {
  const [name, setName] = useState('')
  const create = useMutation({
    mutationFn: createSyncKey,
    onSuccess: (key) => {
      setName('')
      onCreated(key)
    },
  })
  const errors = useFieldErrors(create.error)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!create.isPending) create.mutate(name)
  }

  return (
    <section aria-labelledby="create-key-heading">
      <h2 id="create-key-heading">Create a key</h2>
      <Form
        className="form"
        onSubmit={submit}
        validationErrors={errors}
        validationBehavior="aria"
        aria-labelledby="create-key-heading"
      >
        <TextInputField
          label="Key name"
          description="Where it is used, e.g. “Open Dental server”."
          name="name"
          value={name}
          onChange={setName}
          isRequired
          maxLength={100}
        />
        {create.isError && Object.keys(errors).length === 0 ? (
          <div className="notice notice-error" role="alert">
            <p>{actionFailureMessage(create.error, 'Creating the key')}</p>
          </div>
        ) : null}
        <Button type="submit" className="button" isPending={create.isPending}>
          Create key
        </Button>
      </Form>
    </section>
  )
}

function KeyTable({
  keys,
  announce,
}: {
  keys: SyncKey[]
  announce: (announcement: Announcement) => void
}) {
  return (
    <table className="results-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Starts with</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <KeyRow key={key.id} syncKey={key} announce={announce} />
        ))}
      </tbody>
    </table>
  )
}

function KeyRow({
  syncKey,
  announce,
}: {
  syncKey: SyncKey
  announce: (announcement: Announcement) => void
}) {
  const revoke = useMutation({
    mutationFn: () => revokeSyncKey(syncKey.id),
    onSuccess: () =>
      announce({
        kind: 'success',
        text: `The key “${syncKey.name}” was revoked. It no longer works.`,
      }),
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, 'Revoking the key') }),
  })
  return (
    <tr>
      <th scope="row">{syncKey.name}</th>
      <td>
        <code>{syncKey.keyPrefix}…</code>
      </td>
      <td>{formatDateTime(syncKey.createdAt)}</td>
      <td>{syncKey.lastUsedAt ? formatDateTime(syncKey.lastUsedAt) : 'Never'}</td>
      <td>
        {syncKey.revokedAt ? (
          `Revoked ${formatDateTime(syncKey.revokedAt)}`
        ) : (
          <div className="actions">
            <span>Active</span>
            <ConfirmButton
              label="Revoke"
              pendingLabel="Revoking…"
              title={`Revoke the key “${syncKey.name}”?`}
              confirmLabel="Revoke key"
              danger
              isPending={revoke.isPending}
              onConfirm={() => revoke.mutate()}
            >
              <p>The practice-management system using it is refused from its next call on.</p>
            </ConfirmButton>
          </div>
        )}
      </td>
    </tr>
  )
}
