import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { deleteJson, getJson, postJson } from '../../ui/api.ts'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { formatAddress, formatDateTime } from '../../ui/i18n/format.ts'
import { type MessageId, type Translate, useT } from '../../ui/i18n/i18n.tsx'
import { ProblemAlert } from '../problem-alert.tsx'
import { LiveMessage, QueryView, TabPanel } from '../tab-parts.tsx'
import { AddAppPanel, RecoveryCodeList } from './AddAppPanel.tsx'
import { PasskeysPanel } from './PasskeysPanel.tsx'
import { type RecoveryCodes, SECURITY_KEY, type SecurityView } from './security-api.ts'
import './security.css'

const SIGN_IN_WORDS: Record<string, MessageId> = {
  'portal.sign_in': 'security.password',
  'portal.second_factor': 'security.authenticatorCode',
  'portal.sign_in_throttled': 'security.tooManyTries',
  'portal.second_factor_throttled': 'security.tooManyCodes',
  'portal.passkey_sign_in': 'security.passkey',
}

function signInWord(action: string, t: Translate): string {
  const id = SIGN_IN_WORDS[action]
  return id ? t(id) : action
}

/** "Chrome on Android", in the reader's language. */
function browserText(session: { browser: string | null; system: string | null }, t: Translate) {
  const browser = session.browser ?? t('security.someBrowser')
  return session.system ? t('security.browserOn', { browser, system: session.system }) : browser
}

/** Security: second factors, recent sign-ins, open sessions, and who viewed your records. */
export function SecurityPage() {
  const t = useT()
  const security = useQuery({
    queryKey: SECURITY_KEY,
    queryFn: ({ signal }) => getJson<SecurityView>('/api/portal/security', signal),
  })
  useDocumentTitle(t('header.security'))
  return (
    <div className="tab-page">
      <h1>{t('header.security')}</h1>
      <QueryView query={security}>{(view) => <SecurityParts view={view} />}</QueryView>
    </div>
  )
}

function SecurityParts({ view }: { view: SecurityView }) {
  const t = useT()
  return (
    <>
      <SecondFactors view={view} />
      <Sessions view={view} />
      <TabPanel
        id="sign-ins"
        title={t('security.signIns')}
        empty={view.signIns.length === 0 && t('security.noSignIns')}
      >
        <ul className="security-list">
          {view.signIns.map((signIn) => (
            <li key={`${signIn.at}-${signIn.action}`}>
              {t(
                signIn.outcome === 'success' ? 'security.signInSucceeded' : 'security.signInFailed',
                {
                  at: formatDateTime(signIn.at),
                  how: signInWord(signIn.action, t),
                },
              )}
              {signIn.ip
                ? t('security.fromIp', { ip: formatAddress(signIn.ip, signIn.country) })
                : ''}
            </li>
          ))}
        </ul>
      </TabPanel>
      <TabPanel
        id="record-views"
        title={t('security.recordViews')}
        empty={view.recordViews.length === 0 && t('security.noRecordViews')}
      >
        <ul className="security-list">
          {view.recordViews.map((read) => (
            <li key={`${read.at}-${read.action}-${read.viewer}`}>
              {t('security.recordView', {
                at: formatDateTime(read.at),
                viewer: read.viewer,
                patient: read.patient,
              })}
            </li>
          ))}
        </ul>
      </TabPanel>
    </>
  )
}

function SecondFactors({ view }: { view: SecurityView }) {
  const t = useT()
  const queryClient = useQueryClient()
  const [adding, setAdding] = useState(false)
  const reload = () => queryClient.invalidateQueries({ queryKey: SECURITY_KEY })
  const remove = useMutation({
    mutationFn: () => deleteJson('/api/portal/security/app'),
    onSuccess: reload,
  })
  const newCodes = useMutation({
    mutationFn: () => postJson<RecoveryCodes>('/api/portal/security/recovery-codes', {}),
    onSuccess: reload,
  })
  const app = view.factors.find((factor) => factor.kind === 'totp')
  return (
    <TabPanel id="second-factors" title={t('security.twoStep')}>
      {app ? (
        <div className="security-step">
          <p>
            {t('security.appAdded', {
              date: formatDateTime(app.createdAt),
              count: view.recoveryCodesLeft,
            })}
          </p>
          {newCodes.data ? (
            <RecoveryCodeList codes={newCodes.data.codes} onDone={() => newCodes.reset()} />
          ) : (
            <Button className="button button-secondary" onPress={() => newCodes.mutate()}>
              {t('security.newCodes')}
            </Button>
          )}
          {view.required ? (
            <p className="muted">{t('security.required')}</p>
          ) : (
            <Button className="button button-secondary" onPress={() => remove.mutate()}>
              {t('security.removeApp')}
            </Button>
          )}
          {remove.isError ? <ProblemAlert error={remove.error} /> : null}
        </div>
      ) : adding ? (
        <AddAppPanel
          onDone={() => {
            setAdding(false)
            void reload()
          }}
        />
      ) : (
        <div className="security-step">
          <p>{t('security.addExplainer')}</p>
          <Button className="button" onPress={() => setAdding(true)}>
            {t('security.setUp')}
          </Button>
        </div>
      )}
      <PasskeysPanel view={view} />
    </TabPanel>
  )
}

function Sessions({ view }: { view: SecurityView }) {
  const t = useT()
  const queryClient = useQueryClient()
  const [message, setMessage] = useState('')
  const others = view.sessions.filter((session) => !session.current)
  const signOutOthers = useMutation({
    mutationFn: () => postJson('/api/portal/security/sign-out-others', {}),
    onSuccess: () => {
      setMessage(t('security.signedOutElsewhere'))
      void queryClient.invalidateQueries({ queryKey: SECURITY_KEY })
    },
  })
  return (
    <TabPanel id="sessions" title={t('security.sessions')}>
      <ul className="security-list">
        {view.sessions.map((session) => (
          <li key={session.id}>
            {browserText(session, t)}
            {session.ip ? `, ${formatAddress(session.ip, session.country)}` : ''}
            {t('security.since', { date: formatDateTime(session.startedAt) })}
            {session.current ? t('security.thisBrowser') : ''}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Button className="button button-secondary" onPress={() => signOutOthers.mutate()}>
          {t('security.signOutOthers')}
        </Button>
      ) : null}
      {signOutOthers.isError ? <ProblemAlert error={signOutOthers.error} /> : null}
      <LiveMessage message={message} />
    </TabPanel>
  )
}
