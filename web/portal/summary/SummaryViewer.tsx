import type { ReactNode } from 'react'
import { CloseButton, DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { useT } from '../../ui/i18n/i18n.tsx'
import { type CareSummary, reasonLabel, summaryFilePath } from './rules.ts'

/**
 * Shows one summary as the practice's readable page, in a sandboxed frame that may run no
 * script (its CSP forbids them too): the page is built from the document's text, and even if
 * that held markup it could neither run nor reach the portal. The frame keeps its origin only so
 * the portal can hear Escape pressed inside it (keys in a frame never reach the page around it).
 * The frame scrolls by itself, because a sandboxed frame's table-of-contents links may scroll
 * only the frame, never the portal around it.
 */
export function SummaryViewer({
  patientId,
  patientName,
  summary,
  date,
  actions,
  notice,
  onLoaded,
  onClose,
}: {
  patientId: number
  patientName: string
  summary: CareSummary
  date: string
  /** The downloads, as on the list. */
  actions: ReactNode
  /** What became of a download started here (the page behind is hidden while this is open). */
  notice: ReactNode
  /** The page has arrived, so the server has recorded the view. */
  onLoaded: () => void
  onClose: () => void
}) {
  const t = useT()
  const title = t('summary.of', { date })
  return (
    <DialogShell title={title} size="wide" onClose={onClose}>
      <p className="muted">
        {t('summary.viewerNote', { name: patientName, reason: t(reasonLabel(summary.reason)) })}
      </p>
      <iframe
        className="summary-frame"
        src={summaryFilePath(patientId, summary.id, 'html')}
        title={t('summary.frameTitle', { title, name: patientName })}
        sandbox="allow-same-origin"
        onLoad={(event) => {
          event.currentTarget.contentDocument?.addEventListener('keydown', (key) => {
            if (key.key === 'Escape') onClose()
          })
          onLoaded()
        }}
      />
      {notice}
      <DialogActions>
        {actions}
        <CloseButton />
      </DialogActions>
    </DialogShell>
  )
}
