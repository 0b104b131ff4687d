import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'
import { QueryStatus } from '../../ui/status.tsx'
import { ColumnHeads } from '../../ui/table.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type Announce, Announcements, failed, useAnnouncements } from '../Announcements.tsx'
import { ConfirmButton } from '../access/ConfirmButton.tsx'
import { FormSection } from '../OfficeForm.tsx'
import { OneTimeSecret } from '../OneTimeSecret.tsx'
import { TimeZoneNote, usePracticeDateTime } from '../practice-time.tsx'
import {
  type CreatedSyncKey,
  createSyncKey,
  revokeSyncKey,
  type SyncKey,
  syncKeysQuery,
} from './sync-keys-api.ts'
import { WebhookSection } from './WebhookSection.tsx'
import '../access/access.css'

/** Sync API keys (administrators): the keys a practice-management system signs its calls with. */
export function SyncKeysPage() {
  const keys = useQuery(syncKeysQuery)
  const [created, setCreated] = useState<CreatedSyncKey | null>(null)
  const { announcement, announce, setAnnouncement } = useAnnouncements(syncKeysQuery.queryKey)
  const t = useT()

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
        <QueryStatus query={keys} />
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
  announce: Announce
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
  return (
    <FormSection
      id="create-key"
      title={t('office.syncKeys.create')}
      submitLabel={t('office.syncKeys.createButton')}
      mutation={create}
      what={t('office.syncKeys.creating')}
      onSubmit={() => create.mutate(name)}
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
    </FormSection>
  )
}

function KeyTable({ keys, announce }: { keys: SyncKey[]; announce: Announce }) {
  const t = useT()
  return (
    <table className="results-table">
      <ColumnHeads
        columns={[
          t('office.staff.name'),
          t('office.syncKeys.startsWith'),
          t('office.syncKeys.createdAt'),
          t('office.syncKeys.lastUsed'),
          t('office.staff.status'),
        ]}
      />
      <tbody>
        {keys.map((key) => (
          <KeyRow key={key.id} syncKey={key} announce={announce} />
        ))}
      </tbody>
    </table>
  )
}

function KeyRow({ syncKey, announce }: { syncKey: SyncKey; announce: Announce }) {
  const t = useT()
  const dateTime = usePracticeDateTime()
  const revoke = useMutation({
    mutationFn: () => revokeSyncKey(syncKey.id),
    onSuccess: () =>
      announce({
        kind: 'success',
        text: t('office.syncKeys.revoked', { name: syncKey.name }),
      }),
    onError: (error) => announce(failed(error, t('office.syncKeys.revoking'), t)),
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
              mutation={revoke}
            >
              <p>{t('office.syncKeys.revokeBody')}</p>
            </ConfirmButton>
          </div>
        )}
      </td>
    </tr>
  )
}
