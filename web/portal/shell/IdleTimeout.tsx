import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { Button } from 'react-aria-components'
import { DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { useT } from '../../ui/i18n/i18n.tsx'
import { type PortalSession, SESSION_KEY, signOut } from '../session.ts'
import { idlePhase, idleSignOutMessage, SIGNED_OUT, secondsLeft } from '../session-rules.ts'

/**
 * The idle time-out: a warning a minute before the session ends (Stay signed in re-reads the
 * session, which counts as activity on the server), then the sign-out itself.
 */
export function IdleTimeout({ session }: { session: PortalSession }) {
  const queryClient = useQueryClient()
  const t = useT()
  const [now, setNow] = useState(() => Date.now())
  const [staying, setStaying] = useState(false)
  const ending = useRef(false)

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])

  const phase = idlePhase(session.deadline, now)
  useEffect(() => {
    if (phase !== 'expired' || ending.current) return
    ending.current = true
    void signOut(queryClient, idleSignOutMessage(session.idleTimeoutMinutes), {
      evenIfUnreachable: true,
    })
  }, [phase, queryClient, session.idleTimeoutMinutes])

  async function stay() {
    setStaying(true)
    try {
      await queryClient.refetchQueries({ queryKey: SESSION_KEY }, { throwOnError: false })
    } finally {
      setStaying(false)
      setNow(Date.now())
    }
  }

  return (
    <DialogShell
      title={t('idle.title')}
      role="alertdialog"
      isOpen={phase !== 'active'}
      isDismissable={false}
      isKeyboardDismissDisabled
    >
      <p>{t('idle.warning', { seconds: secondsLeft(session.deadline, now) })}</p>
      <DialogActions>
        <Button
          className="button"
          autoFocus
          onPress={() => {
            if (!staying) void stay()
          }}
        >
          {t('idle.stay')}
        </Button>
        <Button
          className="button button-secondary"
          onPress={() => {
            ending.current = true
            void signOut(queryClient, SIGNED_OUT, { evenIfUnreachable: true })
          }}
        >
          {t('header.signOut')}
        </Button>
      </DialogActions>
    </DialogShell>
  )
}
