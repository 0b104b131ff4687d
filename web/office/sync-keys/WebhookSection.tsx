import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Button, Form } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'
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
  const t = useT()
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
      announce({ kind: 'success', text: t('office.webhook.set') })
      void refresh()
    },
  })
  const remove = useMutation({
    mutationFn: removeSyncWebhook,
    onSuccess: () => {
      announce({ kind: 'success', text: t('office.webhook.removed') })
      void refresh()
    },
    onError: (error) =>
      announce({
        kind: 'error',
        text: actionFailureMessage(error, t('office.webhook.removing'), t),
      }),
  })
  const errors = useFieldErrors(save.error)
  const current = webhook.data?.url ?? null

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!save.isPending) save.mutate(url)
  }

  return (
    <section aria-labelledby="webhook-heading">
      <h2 id="webhook-heading">{t('office.webhook.heading')}</h2>
      <p>{t('office.webhook.intro')}</p>
      {created ? (
        <OneTimeSecret
          title={t('office.webhook.secretTitle')}
          facts={[
            { label: t('office.webhook.address'), value: created.url },
            { label: t('office.webhook.secret'), value: created.secret },
          ]}
          warning={t('office.webhook.warning', { strong: (chunks) => <strong>{chunks}</strong> })}
          onDone={() => setCreated(null)}
        />
      ) : null}
      {webhook.isPending ? <Loading /> : null}
      {webhook.isError ? (
        <LoadFailed error={webhook.error} onRetry={() => void webhook.refetch()} />
      ) : null}
      {webhook.isSuccess ? (
        <>
          <p>
            {current ? t('office.webhook.current', { url: current }) : t('office.webhook.none')}
          </p>
          {current ? (
            <div className="actions">
              <Button
                className="button button-secondary"
                onPress={() => {
                  if (!save.isPending) save.mutate(current)
                }}
              >
                {t('office.webhook.rotate')}
              </Button>
              <ConfirmButton
                label={t('office.webhook.remove')}
                pendingLabel={t('office.access.removingNow')}
                title={t('office.webhook.removeTitle')}
                confirmLabel={t('office.webhook.remove')}
                danger
                isPending={remove.isPending}
                onConfirm={() => {
                  if (!remove.isPending) remove.mutate()
                }}
              >
                {t('office.webhook.removeBody')}
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
              label={current ? t('office.webhook.newAddress') : t('office.webhook.addressLabel')}
              description={t('office.webhook.addressHelp')}
              name="url"
              type="url"
              value={url}
              onChange={setUrl}
              isRequired
              maxLength={2000}
            />
            {save.isError && Object.keys(errors).length === 0 ? (
              <div className="notice notice-error" role="alert">
                <p>{actionFailureMessage(save.error, t('office.webhook.setting'), t)}</p>
              </div>
            ) : null}
            <Button type="submit" className="button">
              {save.isPending ? t('office.settings.saving') : t('office.webhook.setButton')}
            </Button>
          </Form>
        </>
      ) : null}
    </section>
  )
}
