import { useId, useState } from 'react'
import { Button } from 'react-aria-components'
import { useT } from '../../ui/i18n/i18n.tsx'
import { type ChosenFile, formatSize, MAX_PATIENT_ATTACHMENTS, readChosenFile } from './rules.ts'

const ACCEPT = 'image/png,image/jpeg,image/gif,application/pdf'

/**
 * The files a patient attaches, when the practice allows it: a native file input (keyboard and
 * screen readers know it), the chosen files with Remove, and the size limit checked here first
 * (the server checks it again, and the files' contents).
 */
export function AttachmentPicker({
  maxBytes,
  chosen,
  onChange,
}: {
  maxBytes: number
  chosen: ChosenFile[]
  onChange: (files: ChosenFile[]) => void
}) {
  const t = useT()
  const id = useId()
  const [problem, setProblem] = useState<string | null>(null)
  const max = formatSize(maxBytes)
  async function add(list: FileList | null) {
    const picked = [...(list ?? [])]
    const tooLarge = picked.find((file) => file.size > maxBytes)
    if (tooLarge) return setProblem(t('messages.attachTooLarge', { name: tooLarge.name, max }))
    if (chosen.length + picked.length > MAX_PATIENT_ATTACHMENTS) {
      return setProblem(t('messages.attachTooMany', { count: MAX_PATIENT_ATTACHMENTS }))
    }
    setProblem(null)
    onChange([...chosen, ...(await Promise.all(picked.map(readChosenFile)))])
  }
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>{t('messages.attach')}</label>
      <input
        id={`${id}-input`}
        type="file"
        name="attachments"
        accept={ACCEPT}
        multiple
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => {
          const input = event.currentTarget
          void add(input.files).then(() => {
            input.value = ''
          })
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('messages.attachHint', { count: MAX_PATIENT_ATTACHMENTS, max })}
      </p>
      {problem ? (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {chosen.length > 0 ? (
        <ul className="message-attachments" aria-label={t('messages.chosenFiles')}>
          {chosen.map((file) => (
            <li key={file.key}>
              {file.fileName} <span className="muted">({formatSize(file.size)})</span>{' '}
              <Button
                className="button button-secondary button-small"
                onPress={() => onChange(chosen.filter((other) => other.key !== file.key))}
              >
                {t('messages.removeAttachment', { name: file.fileName })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
