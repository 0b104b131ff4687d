import { startRegistration } from '@simplewebauthn/browser'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { deleteJson, postJson } from '../../ui/api.ts'
import { formatDateTime } from '../../ui/i18n/format.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { TextInputField } from '../../ui/text-field.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import { RecoveryCodeList } from './AddAppPanel.tsx'
import { SECURITY_KEY, type SecurityView } from './security-api.ts'

type RegistrationOptions = Parameters<typeof startRegistration>[0]['optionsJSON']

/** Passkeys: sign in with the device's own lock. Add one (named), see them, remove one. */
export function PasskeysPanel({ view }: { view: SecurityView }) {
  const t = useT()
  const queryClient = useQueryClient()
  const [label, setLabel] = useState('')
  const reload = () => queryClient.invalidateQueries({ queryKey: SECURITY_KEY })
  const add = useMutation({
    mutationFn: async () => {
      const optionsJSON = await postJson<RegistrationOptions>(
        '/api/portal/security/passkeys/options',
        {},
      )
      const response = await startRegistration({ optionsJSON })
      return postJson<{ id: number; codes: string[] }>('/api/portal/security/passkeys', {
        label: label.trim() || t('passkeys.defaultName'),
        response,
      })
    },
    onSuccess: () => {
      setLabel('')
      void reload()
    },
  })
  const remove = useMutation({
    mutationFn: (id: number) => deleteJson(`/api/portal/security/passkeys/${id}`),
    onSuccess: reload,
  })
  const passkeys = view.factors.filter((factor) => factor.kind === 'passkey')
  if (add.data && add.data.codes.length > 0) {
    return <RecoveryCodeList codes={add.data.codes} onDone={() => add.reset()} />
  }
  return (
    <div className="security-step">
      <h3>{t('passkeys.title')}</h3>
      <p>{t('passkeys.explainer')}</p>
      {passkeys.length > 0 ? (
        <ul className="security-list" aria-label={t('passkeys.title')}>
          {passkeys.map((passkey) => (
            <li key={passkey.id}>
              {t('passkeys.added', {
                name: passkey.label,
                date: formatDateTime(passkey.createdAt),
              })}{' '}
              <Button
                className="button button-secondary"
                aria-label={t('passkeys.removeNamed', { name: passkey.label })}
                onPress={() => remove.mutate(passkey.id)}
              >
                {t('passkeys.remove')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {remove.isError ? <ProblemAlert error={remove.error} /> : null}
      <TextInputField
        label={t('passkeys.name')}
        name="passkey-name"
        value={label}
        onChange={setLabel}
        description={t('passkeys.nameHint')}
        maxLength={60}
      />
      {add.isError ? <ProblemAlert key={add.submittedAt} error={add.error} /> : null}
      <Button className="button" onPress={() => !add.isPending && add.mutate()}>
        {add.isPending ? t('passkeys.adding') : t('passkeys.add')}
      </Button>
    </div>
  )
}
