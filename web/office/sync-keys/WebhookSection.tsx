import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import type { Announcement } from '../Announcements.tsx'
import { ConfirmButton } from '../access/ConfirmButton.tsx'
import { actionFailureMessage } from '../labels.ts'
import { OneTimeSecret } from '../OneTimeSecret.tsx'
import { useFieldErrors } from '../settings/section.tsx'
import {
  type CreatedWebhook,
  fetchSyncWebhook,
  removeSyncWebhook,
  SYNC_WEBHOOK_KEY,
  setSyncWebhook,
} from './sync-keys-api.ts'

/**
 * The webhook that announces new sync events to the PMS: its address, set or changed with a new
 * signing secret (shown once), the secret rotated, or the webhook removed.
 */
export function WebhookSection({ announce }: { announce: (next: Announcement) => void }) {
  const queryClient = useQueryClient()
  const webhook = useQuery({
    queryKey: SYNC_WEBHOOK_KEY,
    queryFn: ({ signal }) => fetchSyncWebhook(signal),
  })
  const [created, setCreated] = useState<CreatedWebhook | null>(null)
  const [url, setUrl] = useState('')
  const refresh = () => queryClient.invalidateQueries({ queryKey: SYNC_WEBHOOK_KEY })
  const save = useMutation({
    mutationFn: setSyncWebhook,
    onSuccess: (done) => {
      setCreated(done)
      setUrl('')
      announce({ kind: 'success', text: 'The webhook was set with a new signing secret.' })
      void refresh()
    },
  })
  const remove = useMutation({
    mutationFn: removeSyncWebhook,
    onSuccess: () => {
      announce({ kind: 'success', text: 'The webhook was removed.' })
      void refresh()
    },
    onError: (error) =>
      announce({ kind: 'error', text: actionFailureMessage(error, 'Removing the webhook') }),
  })
  const errors = useFieldErrors(save.error)
  const current = webhook.data?.url ?? null

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!save.isPending) save.mutate(url)
  }

  return (
    <section aria-labelledby="webhook-heading">
      <h2 id="webhook-heading">Webhook</h2>
      <p>
        Bitewing can call the PMS when something happens in the portal, signed with a secret the PMS
        checks (docs/sync-api.md). The PMS still reads the events from the feed.
      </p>
      {created ? (
        <OneTimeSecret
          title="Webhook signing secret"
          facts={[
            { label: 'Address', value: created.url },
            { label: 'Signing secret', value: created.secret },
          ]}
          warning={
            <>
              <strong>This secret will not be shown again.</strong> Enter it in the PMS now; the
              previous secret no longer signs.
            </>
          }
          onDone={() => setCreated(null)}
        />
      ) : null}
      {webhook.isPending ? <Loading /> : null}
      {webhook.isError ? (
        <LoadFailed error={webhook.error} onRetry={() => void webhook.refetch()} />
      ) : null}
      {webhook.isSuccess ? (
        <>
          <p>{current ? `Events are announced to ${current}.` : 'No webhook is set.'}</p>
          {current ? (
            <div className="actions">
              <Button
                className="button button-secondary"
                onPress={() => {
                  if (!save.isPending) save.mutate(current)
                }}
              >
                Rotate secret
              </Button>
              <ConfirmButton
                label="Remove webhook"
                pendingLabel="Removing…"
                title="Remove the webhook?"
                confirmLabel="Remove webhook"
                danger
                isPending={remove.isPending}
                onConfirm={() => {
                  if (!remove.isPending) remove.mutate()
                }}
              >
                Events will no longer be announced; the PMS can still read the feed.
              </ConfirmButton>
            </div>
          ) : null}
          <Form
            className="form"
            onSubmit={submit}
            validationErrors={errors}
            validationBehavior="aria"
            aria-labelledby="webhook-heading"
          >
            <TextInputField
              label={current ? 'New webhook address' : 'Webhook address'}
              description="A full address, e.g. https://pms.example.com/bitewing/events."
              name="url"
              type="url"
              value={url}
              onChange={setUrl}
              isRequired
              maxLength={2000}
            />
            {save.isError && Object.keys(errors).length === 0 ? (
              <div className="notice notice-error" role="alert">
                <p>{actionFailureMessage(save.error, 'Setting the webhook')}</p>
              </div>
            ) : null}
            <Button type="submit" className="button">
              {save.isPending ? 'Saving…' : 'Set webhook'}
            </Button>
          </Form>
        </>
      ) : null}
    </section>
  )
}
