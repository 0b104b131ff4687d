import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { deleteJson, getJson, postJson } from '../../ui/api.ts'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { formatDateTime } from '../../ui/i18n/format.ts'
import { ProblemAlert } from '../problem-alert.tsx'
import { LiveMessage, QueryView, TabPanel } from '../tab-parts.tsx'
import { AddAppPanel, RecoveryCodeList } from './AddAppPanel.tsx'
import { type RecoveryCodes, SECURITY_KEY, type SecurityView } from './security-api.ts'
import './security.css'

const SIGN_IN_WORDS: Record<string, string> = {
  'portal.sign_in': 'Password',
  'portal.second_factor': 'Authenticator code',
  'portal.sign_in_throttled': 'Too many tries',
  'portal.second_factor_throttled': 'Too many codes',
  'portal.passkey_sign_in': 'Passkey',
}

/** Security: second factors, recent sign-ins, open sessions, and who viewed your records. */
export function SecurityPage() {
  const security = useQuery({
    queryKey: SECURITY_KEY,
    queryFn: ({ signal }) => getJson<SecurityView>('/api/portal/security', signal),
  })
  useDocumentTitle('Security')
  return (
    <div className="tab-page">
      <h1>Security</h1>
      <QueryView query={security}>{(view) => <SecurityParts view={view} />}</QueryView>
    </div>
  )
}

function SecurityParts({ view }: { view: SecurityView }) {
  return (
    <>
      <SecondFactors view={view} />
      <Sessions view={view} />
      <TabPanel
        id="sign-ins"
        title="Recent sign-ins"
        empty={view.signIns.length === 0 && 'None yet.'}
      >
        <ul className="security-list">
          {view.signIns.map((signIn) => (
            <li key={`${signIn.at}-${signIn.action}`}>
              {formatDateTime(signIn.at)}: {SIGN_IN_WORDS[signIn.action] ?? signIn.action},{' '}
              {signIn.outcome === 'success' ? 'succeeded' : 'failed'}
              {signIn.ip ? ` (from ${signIn.ip})` : ''}
            </li>
          ))}
        </ul>
      </TabPanel>
      <TabPanel
        id="record-views"
        title="Who viewed your records"
        empty={view.recordViews.length === 0 && 'Nobody else has viewed your records online.'}
      >
        <ul className="security-list">
          {view.recordViews.map((read) => (
            <li key={`${read.at}-${read.action}-${read.viewer}`}>
              {formatDateTime(read.at)}: {read.viewer} viewed {read.patient}'s records
            </li>
          ))}
        </ul>
      </TabPanel>
    </>
  )
}

function SecondFactors({ view }: { view: SecurityView }) {
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
    <TabPanel id="second-factors" title="Two-step sign-in">
      {app ? (
        <div className="security-step">
          <p>
            Authenticator app, added {formatDateTime(app.createdAt)}. Recovery codes left:{' '}
            {view.recoveryCodesLeft}.
          </p>
          {newCodes.data ? (
            <RecoveryCodeList codes={newCodes.data.codes} onDone={() => newCodes.reset()} />
          ) : (
            <Button className="button button-secondary" onPress={() => newCodes.mutate()}>
              New recovery codes
            </Button>
          )}
          {view.required ? (
            <p className="muted">Your dental office requires two-step sign-in.</p>
          ) : (
            <Button className="button button-secondary" onPress={() => remove.mutate()}>
              Remove authenticator app
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
          <p>Add a second step to sign-in: a code from an app on your phone.</p>
          <Button className="button" onPress={() => setAdding(true)}>
            Set up two-step sign-in
          </Button>
        </div>
      )}
    </TabPanel>
  )
}

function Sessions({ view }: { view: SecurityView }) {
  const queryClient = useQueryClient()
  const [message, setMessage] = useState('')
  const others = view.sessions.filter((session) => !session.current)
  const signOutOthers = useMutation({
    mutationFn: () => postJson('/api/portal/security/sign-out-others', {}),
    onSuccess: () => {
      setMessage('You are signed out everywhere else.')
      void queryClient.invalidateQueries({ queryKey: SECURITY_KEY })
    },
  })
  return (
    <TabPanel id="sessions" title="Where you are signed in">
      <ul className="security-list">
        {view.sessions.map((session) => (
          <li key={session.id}>
            {session.browser}
            {session.ip ? `, ${session.ip}` : ''}, since {formatDateTime(session.startedAt)}
            {session.current ? ' (this browser)' : ''}
          </li>
        ))}
      </ul>
      {others.length > 0 ? (
        <Button className="button button-secondary" onPress={() => signOutOthers.mutate()}>
          Sign out everywhere else
        </Button>
      ) : null}
      {signOutOthers.isError ? <ProblemAlert error={signOutOthers.error} /> : null}
      <LiveMessage message={message} />
    </TabPanel>
  )
}
