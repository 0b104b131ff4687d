import { useQueryClient } from '@tanstack/react-query'
import { lazy, useEffect, useRef, useState } from 'react'
import { WhenFirstOpened } from '../../ui/when-first-opened.tsx'
import { type PortalSession, SESSION_KEY, signOut } from '../session.ts'
import { idlePhase, idleSignOutMessage, SIGNED_OUT, secondsLeft } from '../session-rules.ts'

// Shown a minute before the session ends, if ever: downloaded when first needed.
const IdleWarning = lazy(() =>
  import('./IdleWarning.tsx').then((module) => ({ default: module.IdleWarning })),
)

/**
 * The idle time-out: a warning a minute before the session ends (Stay signed in re-reads the
 * session, which counts as activity on the server), then the sign-out itself.
 */
export function IdleTimeout({ session }: { session: PortalSession }) {
  const queryClient = useQueryClient()
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

  const warning = phase !== 'active'
  return (
    <WhenFirstOpened isOpen={warning}>
      <IdleWarning
        isOpen={warning}
        seconds={secondsLeft(session.deadline, now)}
        onStay={() => {
          if (!staying) void stay()
        }}
        onSignOut={() => {
          ending.current = true
          void signOut(queryClient, SIGNED_OUT, { evenIfUnreachable: true })
        }}
      />
    </WhenFirstOpened>
  )
}
