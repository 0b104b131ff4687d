import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'
import { QueryStatus } from '../../ui/status.tsx'
import { SubmitButton } from '../../ui/submit-button.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { type Announce, failed } from '../Announcements.tsx'
import { ConfirmButton } from '../access/ConfirmButton.tsx'
import { OfficeForm } from '../OfficeForm.tsx'
import { OneTimeSecret } from '../OneTimeSecret.tsx'
import {
  type CreatedWebhook,
  removeSyncWebhook,
  setSyncWebhook,
  syncWebhookQuery,
} from './sync-keys-api.ts'

/**
 * The webhook that announces new sync events to the PMS: its address, set or changed with a new
 * signing secret (shown once), the secret rotated, or the webhook removed.
 */
export function WebhookSection({ announce }: { announce: Announce }) {
  const t = useT()
  const queryClient = useQueryClient()
  const webhook = useQuery(syncWebhookQuery)
  const [created, setCreated] = useState<CreatedWebhook | null>(null)
  const [url, setUrl] = useState('')
  const refresh = () => queryClient.invalidateQueries({ queryKey: syncWebhookQuery.queryKey })
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
    onError: (error) => announce(failed(error, t('office.webhook.removing'), t)),
  })
  const current = webhook.data?.url ?? null

  return (
    <section aria-labelledby="webhook-heading">
      <h2 id="webhook-heading">{t('office.webhook.heading')}</h2>
      <p>
        {t('office.webhook.intro', {
          docs: (chunks) => <a href="/api/sync/docs#webhooks">{chunks}</a>,
        })}
      </p>
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
      <QueryStatus query={webhook} />
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
                danger
                mutation={remove}
              >
                {t('office.webhook.removeBody')}
              </ConfirmButton>
            </div>
          ) : null}
          <OfficeForm
            mutation={save}
            what={t('office.webhook.setting')}
            onSubmit={() => save.mutate(url)}
            labelledBy="webhook-heading"
            actions={
              <SubmitButton isPending={save.isPending} pendingLabel={t('office.settings.saving')}>
                {t('office.webhook.setButton')}
              </SubmitButton>
            }
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
          </OfficeForm>
        </>
      ) : null}
    </section>
  )
}
