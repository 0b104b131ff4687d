import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Button } from 'react-aria-components'
import { postJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { ErrorAlert } from '../../ui/notice.tsx'
import { PatientPicker } from './PatientFilter.tsx'
import { attachmentOf, type OfficeMessage, WEBMAIL_API, WEBMAIL_KEY } from './webmail-api.ts'

/** New message: find the patient it is about first, then write. */
export function ComposeToPatient({ onDone }: { onDone: (id: number | null) => void }) {
  const [search, setSearch] = useState('')
  const [patientId, setPatientId] = useState('')
  const t = useT()
  return (
    <section className="webmail-compose surface" aria-labelledby="webmail-compose-heading">
      <h2 id="webmail-compose-heading">{t('office.webmail.newToPatient')}</h2>
      <PatientPicker
        search={search}
        onSearch={setSearch}
        searchLabel={t('office.webmail.findPatient')}
        label={t('office.webmail.regardingPatient')}
        value={patientId}
        onChange={setPatientId}
      />
      {patientId ? (
        <MessageForm
          heading={null}
          patientId={Number(patientId)}
          providerId={null}
          subject=""
          onDone={onDone}
        />
      ) : (
        <Button className="button button-secondary" onPress={() => onDone(null)}>
          {t('office.common.cancel')}
        </Button>
      )}
    </section>
  )
}

/** Subject, message and up to three attachments, sent to the patient (or as a reply). */
export function MessageForm({
  heading,
  patientId,
  providerId,
  subject: initialSubject,
  inReplyToId,
  onDone,
}: {
  heading: string | null
  patientId: number
  providerId: number | null
  subject: string
  inReplyToId?: number
  onDone: (id: number | null) => void
}) {
  const client = useQueryClient()
  const id = useId()
  const [subject, setSubject] = useState(initialSubject)
  const [body, setBody] = useState('')
  const [files, setFiles] = useState<File[]>([])
  const t = useT()
  const send = useMutation({
    mutationFn: async () =>
      postJson<OfficeMessage>(WEBMAIL_API, {
        patientId,
        providerId,
        subject,
        body,
        ...(inReplyToId ? { inReplyToId } : {}),
        ...(files.length ? { attachments: await Promise.all(files.map(attachmentOf)) } : {}),
      }),
    onSuccess: (sent) => {
      void client.invalidateQueries({ queryKey: WEBMAIL_KEY })
      onDone(sent.id)
    },
  })
  return (
    <form
      className="form webmail-form"
      aria-label={heading ?? t('office.webmail.new')}
      onSubmit={(event) => {
        event.preventDefault()
        if (!send.isPending) send.mutate()
      }}
    >
      {heading ? <h3>{heading}</h3> : null}
      <div className="field">
        <label htmlFor={`${id}-subject`}>{t('office.webmail.subject')}</label>
        <input
          id={`${id}-subject`}
          required
          maxLength={200}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('office.webmail.message')}</label>
        <textarea
          id={`${id}-body`}
          required
          rows={6}
          maxLength={10_000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-files`}>{t('office.webmail.attach')}</label>
        <input
          id={`${id}-files`}
          type="file"
          multiple
          accept="image/png,image/jpeg,image/gif,application/pdf"
          onChange={(e) => setFiles([...(e.currentTarget.files ?? [])].slice(0, 3))}
        />
      </div>
      {send.isError ? <ErrorAlert>{send.error.message}</ErrorAlert> : null}
      <div className="webmail-actions">
        <Button type="submit" className="button">
          {t('office.webmail.send')}
        </Button>
        <Button className="button button-secondary" onPress={() => onDone(null)}>
          {t('office.common.cancel')}
        </Button>
      </div>
    </form>
  )
}
