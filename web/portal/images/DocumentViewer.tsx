import { useState } from 'react'
import { Button } from 'react-aria-components'
import { CloseButton, DialogActions, DialogShell } from '../../ui/dialog.tsx'
import {
  documentPath,
  kindLabel,
  type SharedDocument,
  ZOOM_MAX,
  ZOOM_MIN,
  zoomIn,
  zoomLabel,
  zoomOut,
} from './rules.ts'

/** Views one shared document: an image (zoomable) or a PDF (inline), with Download if allowed. */
export function DocumentViewer({
  patientId,
  document,
  date,
  canDownload,
  onClose,
}: {
  patientId: number
  document: SharedDocument
  date: string
  canDownload: boolean
  onClose: () => void
}) {
  const [zoom, setZoom] = useState(ZOOM_MIN)
  const view = documentPath(patientId, document.id, 'view')
  return (
    <DialogShell title={document.description} size="wide" onClose={onClose}>
      <p className="muted">
        {date} · {document.category} · {kindLabel(document.kind)}
      </p>
      {document.kind === 'image' ? (
        <>
          <div className="item-actions viewer-zoom">
            <Button
              className="button button-secondary button-small"
              onPress={() => setZoom(zoomOut)}
              isDisabled={zoom <= ZOOM_MIN}
            >
              Zoom out
            </Button>
            <Button
              className="button button-secondary button-small"
              onPress={() => setZoom(zoomIn)}
              isDisabled={zoom >= ZOOM_MAX}
            >
              Zoom in
            </Button>
            <output className="muted" aria-live="polite">
              Zoom {zoomLabel(zoom)}
            </output>
          </div>
          <section
            className="viewer-image"
            aria-label={`${document.description}, zoomed ${zoomLabel(zoom)}`}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1)
            tabIndex={0}
          >
            <img
              src={view}
              alt={`${document.description}, ${date}`}
              style={{ width: `${zoom * 100}%` }}
            />
          </section>
        </>
      ) : document.kind === 'pdf' ? (
        <>
          <iframe className="viewer-pdf" src={view} title={`${document.description} (PDF)`} />
          <p>
            <a href={view} target="_blank" rel="noopener">
              Open the PDF in a new tab
            </a>
          </p>
        </>
      ) : (
        <p>This file cannot be shown in the browser.</p>
      )}
      <DialogActions>
        {canDownload ? (
          <a
            className="button-link"
            href={documentPath(patientId, document.id, 'download')}
            download
          >
            Download
          </a>
        ) : null}
        <CloseButton />
      </DialogActions>
    </DialogShell>
  )
}
