import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { type Translate, useT } from '../ui/i18n/i18n.tsx'
import { ErrorAlert } from '../ui/notice.tsx'
import type { Announcement } from './access/PatientAccessPanel.tsx'
import { actionFailureMessage } from './labels.ts'

/**
 * What the last action did: success in a polite live region that is always present (so each new
 * message is read out), failure as an alert.
 */
export function Announcements({ announcement }: { announcement: Announcement | null }) {
  return (
    <>
      <div className="panel-announcement" role="status">
        {announcement?.kind === 'success' ? (
          <p className="notice notice-success">{announcement.text}</p>
        ) : null}
      </div>
      {announcement?.kind === 'error' ? <ErrorAlert>{announcement.text}</ErrorAlert> : null}
    </>
  )
}

/**
 * The page's last announcement, and `announce`, which makes one and reloads what `queryKey`
 * holds: the action it tells of changed that.
 */
export function useAnnouncements(queryKey: QueryKey) {
  const queryClient = useQueryClient()
  const [announcement, setAnnouncement] = useState<Announcement | null>(null)
  const announce = (next: Announcement) => {
    setAnnouncement(next)
    void queryClient.invalidateQueries({ queryKey })
  }
  return { announcement, announce, setAnnouncement }
}

/** The alert for an action that failed: `what` is "Removing access", said with the reason. */
export function failed(error: unknown, what: string, t: Translate): Announcement {
  return { kind: 'error', text: actionFailureMessage(error, what, t) }
}

/**
 * A mutation whose outcome the panel announces: the last announcement goes as it starts (it
 * spoke of an earlier action), and a failure is announced as `what` failed, with the reason.
 * Success is the caller's to announce: only it knows what to say.
 */
export function useAnnouncedMutation<Data, Variables = void>(
  announce: (announcement: Announcement | null) => void,
  what: string,
  action: {
    mutationFn: (variables: Variables) => Promise<Data>
    onSuccess: (data: Data) => void
  },
) {
  const t = useT()
  return useMutation({
    ...action,
    onMutate: () => announce(null),
    onError: (error) => announce(failed(error, what, t)),
  })
}

export type { Announcement }

/** What a page hands its parts so they can say what their action did. */
export type Announce = (announcement: Announcement) => void
