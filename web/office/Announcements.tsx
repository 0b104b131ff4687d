import type { Announcement } from './access/PatientAccessPanel.tsx'

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
      {announcement?.kind === 'error' ? (
        <div className="notice notice-error" role="alert">
          <p>{announcement.text}</p>
        </div>
      ) : null}
    </>
  )
}

export type { Announcement }
