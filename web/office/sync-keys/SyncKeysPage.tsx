import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type Announcement, Announcements } from '../Announcements.tsx'
import { ConfirmButton } from '../access/ConfirmButton.tsx'
import { ConsolePage } from '../ConsolePage.tsx'
import { actionFailureMessage } from '../labels.ts'
import { OneTimeSecret } from '../OneTimeSecret.tsx'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
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
  const t = useT()
  return (
    <ConsolePage title={t('office.nav.syncKeys')} action="sync-keys.manage">
      <SyncKeysManager />
    </ConsolePage>
  )
}

function SyncKeysManager() {
  const queryClient = useQueryClient()
  const keys = useQuery({ queryKey: SYNC_KEYS_KEY, queryFn: ({ signal }) => fetchSyncKeys(signal) })
  const [created, setCreated] = useState<CreatedSyncKey | null>(null)
  const [announcement, setAnnouncement] = useState<Announcement | null>(null)
  const t = useT()
  const announce = (next: Announcement) => {
    setAnnouncement(next)
    void queryClient.invalidateQueries({ queryKey: SYNC_KEYS_KEY })
  }

  return (
    <>
      <p>{t('office.syncKeys.intro')}</p>
      <Announcements announcement={announcement} />
      {created ? (
        <NewKeyCard created={created} announce={setAnnouncement} onDone={() => setCreated(null)} />
      ) : null}
      <CreateKeyForm
        onCreated={(key) => {
          setCreated(key)
          announce({ kind: 'success', text: t('office.syncKeys.created', { name: key.name }) })
        }}
      />
      <section aria-labelledby="sync-keys-heading">
        <h2 id="sync-keys-heading">{t('office.syncKeys.keys')}</h2>
        <TimeZoneNote />
        {keys.isPending ? <Loading /> : null}
        {keys.isError ? (
          <LoadFailed error={keys.error} onRetry={() => void keys.refetch()} />
        ) : null}
        {keys.isSuccess && keys.data.length === 0 ? <p>{t('office.syncKeys.none')}</p> : null}
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
  const t = useT()
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key)
      announce({ kind: 'success', text: t('office.syncKeys.copied') })
    } catch {
      announce({ kind: 'error', text: t('office.syncKeys.copyFailed') })
    }
  }
  return (
    <OneTimeSecret
      title={t('office.syncKeys.newKey', { name: created.name })}
      facts={[{ label: t('office.syncKeys.key'), value: created.key }]}
      warning={t('office.syncKeys.warning', { strong: (chunks) => <strong>{chunks}</strong> })}
      actions={
        <Button className="button" onPress={() => void copy()}>
          {t('office.syncKeys.copy')}
        </Button>
      }
      onDone={onDone}
    />
  )
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedSyncKey) => void }) {
  const t = useT()
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
      <h2 id="create-key-heading">{t('office.syncKeys.create')}</h2>
      <Form
        className="form"
        onSubmit={submit}
        validationErrors={errors}
        validationBehavior="aria"
        aria-labelledby="create-key-heading"
      >
        <TextInputField
          label={t('office.syncKeys.name')}
          description={t('office.syncKeys.nameHelp')}
          name="name"
          value={name}
          onChange={setName}
          isRequired
          maxLength={100}
        />
        {create.isError && Object.keys(errors).length === 0 ? (
          <div className="notice notice-error" role="alert">
            <p>{actionFailureMessage(create.error, t('office.syncKeys.creating'), t)}</p>
          </div>
        ) : null}
        <Button type="submit" className="button" isPending={create.isPending}>
          {t('office.syncKeys.createButton')}
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
  const t = useT()
  return (
    <table className="results-table">
      <thead>
        <tr>
          <th scope="col">{t('office.staff.name')}</th>
          <th scope="col">{t('office.syncKeys.startsWith')}</th>
          <th scope="col">{t('office.syncKeys.createdAt')}</th>
          <th scope="col">{t('office.syncKeys.lastUsed')}</th>
          <th scope="col">{t('office.staff.status')}</th>
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
  const t = useT()
  const dateTime = usePracticeDateTime()
  const revoke = useMutation({
    mutationFn: () => revokeSyncKey(syncKey.id),
    onSuccess: () =>
      announce({
        kind: 'success',
        text: t('office.syncKeys.revoked', { name: syncKey.name }),
      }),
    onError: (error) =>
      announce({
        kind: 'error',
        text: actionFailureMessage(error, t('office.syncKeys.revoking'), t),
      }),
  })
  return (
    <tr>
      <th scope="row">{syncKey.name}</th>
      <td>
        <code>{syncKey.keyPrefix}…</code>
      </td>
      <td>{dateTime(syncKey.createdAt)}</td>
      <td>{syncKey.lastUsedAt ? dateTime(syncKey.lastUsedAt) : t('office.common.never')}</td>
      <td>
        {syncKey.revokedAt ? (
          t('office.syncKeys.revokedAt', { date: dateTime(syncKey.revokedAt) })
        ) : (
          <div className="actions">
            <span>{t('office.syncKeys.active')}</span>
            <ConfirmButton
              label={t('office.syncKeys.revoke')}
              pendingLabel={t('office.syncKeys.revokingNow')}
              title={t('office.syncKeys.revokeTitle', { name: syncKey.name })}
              confirmLabel={t('office.syncKeys.revokeKey')}
              danger
              isPending={revoke.isPending}
              onConfirm={() => revoke.mutate()}
            >
              <p>{t('office.syncKeys.revokeBody')}</p>
            </ConfirmButton>
          </div>
        )}
      </td>
    </tr>
  )
}
