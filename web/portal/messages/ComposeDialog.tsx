import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { Button, FieldError, Label, TextArea, TextField } from 'react-aria-components'
import { getJson, postJson } from '../../ui/api.ts'
import { DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { useT } from '../../ui/i18n/i18n.tsx'
import { NativeSelect } from '../../ui/native-select.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { FieldHint, TextInputField } from '../../ui/text-field.tsx'
import { MutationForm } from '../mutation-form.tsx'
import { AttachmentPicker } from './AttachmentPicker.tsx'
import {
  type ChosenFile,
  composeBody,
  type Draft,
  type DraftStore,
  MAX_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  MESSAGES_API,
  type Message,
  messagesKey,
  type Recipients,
} from './rules.ts'

/**
 * Compose or Reply: To (a provider or the office), Regarding patient (a representative chooses
 * any family member they represent; the server checks it again), Subject and a plain-text body.
 * The draft is kept in this tab as it is typed (`drafts`), so a reload loses nothing.
 */
export function ComposeDialog({
  patientId,
  initial,
  drafts,
  onClose,
}: {
  patientId: number
  initial: Draft | null
  drafts: DraftStore
  onClose: (sent: Message | null) => void
}) {
  const t = useT()
  const recipients = useQuery({
    queryKey: [...messagesKey, 'recipients'],
    queryFn: ({ signal }) => getJson<Recipients>(`${MESSAGES_API}/recipients`, signal),
    staleTime: 60_000,
  })
  const title = initial?.inReplyToId ? t('messages.reply') : t('messages.new')
  return (
    <DialogShell title={title} size="medium" onClose={() => onClose(null)} isDismissable={false}>
      {recipients.isError ? (
        <LoadFailed error={recipients.error} onRetry={() => void recipients.refetch()} />
      ) : recipients.data ? (
        <ComposeForm
          recipients={recipients.data}
          drafts={drafts}
          initial={
            initial ?? {
              to: 'office',
              regardingPatientId: patientId,
              subject: '',
              body: '',
            }
          }
          onClose={onClose}
        />
      ) : (
        <Loading label={t('messages.loading')} />
      )}
    </DialogShell>
  )
}

function ComposeForm({
  recipients,
  drafts,
  initial,
  onClose,
}: {
  recipients: Recipients
  drafts: DraftStore
  initial: Draft
  onClose: (sent: Message | null) => void
}) {
  const t = useT()
  const client = useQueryClient()
  const regardingKnown = recipients.regarding.some((p) => p.id === initial.regardingPatientId)
  const [draft, setDraft] = useState<Draft>({
    ...initial,
    regardingPatientId: regardingKnown
      ? initial.regardingPatientId
      : (recipients.regarding[0]?.id ?? initial.regardingPatientId),
  })
  const [files, setFiles] = useState<ChosenFile[]>([])
  useEffect(() => drafts.save(draft), [drafts, draft])
  const send = useMutation({
    mutationFn: () => postJson<Message>(MESSAGES_API, composeBody(draft, files)),
    onSuccess: (message) => {
      drafts.clear()
      void client.invalidateQueries({ queryKey: messagesKey })
      onClose(message)
    },
  })
  const change = (part: Partial<Draft>) => setDraft((current) => ({ ...current, ...part }))
  const isReply = draft.inReplyToId !== undefined
  return (
    <MutationForm
      mutation={send}
      onSubmit={() => send.mutate()}
      actions={
        <DialogActions>
          <Button
            className="button button-secondary"
            onPress={() => {
              drafts.clear()
              onClose(null)
            }}
          >
            {t('messages.discard')}
          </Button>
          <Button className="button button-secondary" onPress={() => onClose(null)}>
            {t('messages.keepDraft')}
          </Button>
          <Button type="submit" className="button">
            {t('messages.send')}
          </Button>
        </DialogActions>
      }
    >
      <NativeSelect
        label={t('messages.to')}
        name="providerId"
        value={draft.to}
        disabled={isReply}
        onChange={(to) => change({ to })}
        options={[
          { value: 'office', label: t('messages.officeOption', { name: recipients.office }) },
          ...recipients.providers.map((p) => ({ value: String(p.id), label: p.name })),
        ]}
      />
      {recipients.regarding.length > 1 && !isReply ? (
        <NativeSelect
          label={t('messages.regardingPatient')}
          name="regardingPatientId"
          value={String(draft.regardingPatientId)}
          onChange={(id) => change({ regardingPatientId: Number(id) })}
          options={recipients.regarding.map((p) => ({ value: String(p.id), label: p.name }))}
        />
      ) : (
        <p className="field">
          <span className="field-label">{t('messages.regardingPatient')}</span>{' '}
          {recipients.regarding.find((p) => p.id === draft.regardingPatientId)?.name}
        </p>
      )}
      <TextInputField
        label={t('messages.subject')}
        name="subject"
        value={draft.subject}
        onChange={(subject) => change({ subject })}
        maxLength={MAX_SUBJECT_LENGTH}
        requiredMessage={t('messages.enterSubject')}
      />
      <TextField
        className="field"
        name="body"
        value={draft.body}
        onChange={(body) => change({ body })}
        maxLength={MAX_BODY_LENGTH}
        isRequired
        validate={(value) => (value.trim() === '' ? t('messages.writeMessage') : null)}
      >
        <Label>{t('messages.message')}</Label>
        <FieldHint>
          {t('messages.bodyHint', { max: MAX_BODY_LENGTH, used: draft.body.length })}
        </FieldHint>
        <TextArea rows={8} />
        <FieldError className="field-error" />
      </TextField>
      {recipients.attachmentsAllowed ? (
        <AttachmentPicker
          maxBytes={recipients.attachmentMaxBytes}
          chosen={files}
          onChange={setFiles}
        />
      ) : null}
    </MutationForm>
  )
}
