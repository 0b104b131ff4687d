import { useState } from 'react'
import { Button } from 'react-aria-components'
import { CloseButton, DialogActions, DialogShell } from '../../ui/dialog.tsx'
import { useT } from '../../ui/i18n/i18n.tsx'
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
  const t = useT()
  const [zoom, setZoom] = useState(ZOOM_MIN)
  const view = documentPath(patientId, document.id, 'view')
  return (
    <DialogShell title={document.description} size="wide" onClose={onClose}>
      <p className="muted">
        {date} · {document.category} · {t(kindLabel(document.kind))}
      </p>
      {document.kind === 'image' ? (
        <>
          <div className="item-actions viewer-zoom">
            <Button
              className="button button-secondary button-small"
              onPress={() => setZoom(zoomOut)}
              isDisabled={zoom <= ZOOM_MIN}
            >
              {t('images.zoomOut')}
            </Button>
            <Button
              className="button button-secondary button-small"
              onPress={() => setZoom(zoomIn)}
              isDisabled={zoom >= ZOOM_MAX}
            >
              {t('images.zoomIn')}
            </Button>
            <output className="muted" aria-live="polite">
              {t('images.zoom', { zoom: zoomLabel(zoom) })}
            </output>
          </div>
          <section
            className="viewer-image"
            aria-label={t('images.zoomed', {
              description: document.description,
              zoom: zoomLabel(zoom),
            })}
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
              {t('images.openPdf')}
            </a>
          </p>
        </>
      ) : (
        <p>{t('images.cannotShow')}</p>
      )}
      <DialogActions>
        {canDownload ? (
          <a
            className="button-link"
            href={documentPath(patientId, document.id, 'download')}
            download
          >
            {t('images.download')}
          </a>
        ) : null}
        <CloseButton />
      </DialogActions>
    </DialogShell>
  )
}
