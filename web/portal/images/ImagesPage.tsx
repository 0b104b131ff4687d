import { useState } from 'react'
import { Button } from 'react-aria-components'
import { formatDate } from '../../ui/i18n/format.ts'
import {
  NothingYet,
  QueryView,
  TabSection,
  usePatientRead,
  usePracticeTimeZone,
} from '../tab-parts.tsx'
import type { TabPageProps } from '../tabs.ts'
import { DocumentViewer } from './DocumentViewer.tsx'
import { documentPath, type ImagesView, kindLabel, type SharedDocument } from './rules.ts'
import './images.css'
import { useT } from '../../ui/i18n/i18n.tsx'

/** The Images tab: the documents the practice shares, oldest to newest; click to view. */
export default function ImagesPage({ patientId }: TabPageProps) {
  const query = usePatientRead<ImagesView>(patientId, 'images', 'documents')
  const timeZone = usePracticeTimeZone()
  const [open, setOpen] = useState<SharedDocument | null>(null)
  const t = useT()
  return (
    <TabSection id="images" title={t('tab.images')}>
      <QueryView query={query} feature="images">
        {(view) =>
          view.documents.length === 0 ? (
            <NothingYet>{t('images.none')}</NothingYet>
          ) : (
            <>
              <p className="muted tab-note">
                {view.canDownload ? t('images.noteDownload') : t('images.noteViewOnly')}
              </p>
              <ul className="document-grid">
                {view.documents.map((document) => {
                  const date = formatDate(document.takenAt, undefined, timeZone)
                  return (
                    <li key={document.id} className="document-card surface">
                      <Button
                        className="document-open"
                        // A drawn file icon shows its kind ("PDF"): the name says it too, so
                        // what is seen is what a voice user says (WCAG 2.5.3).
                        aria-label={
                          document.hasThumbnail
                            ? t('images.view', { description: document.description, date })
                            : t('images.viewKind', {
                                description: document.description,
                                date,
                                kind: t(kindLabel(document.kind)),
                              })
                        }
                        onPress={() => setOpen(document)}
                      >
                        {document.hasThumbnail ? (
                          <img
                            src={documentPath(patientId, document.id, 'thumbnail')}
                            alt={`${document.description}, ${date}`}
                            loading="lazy"
                            width="160"
                            height="160"
                          />
                        ) : (
                          <FileIcon kind={document.kind} />
                        )}
                      </Button>
                      <div className="document-text">
                        <p className="document-description">{document.description}</p>
                        <p className="muted">
                          {date} · {document.category}
                          {document.kind === 'image' ? null : ` · ${t(kindLabel(document.kind))}`}
                        </p>
                      </div>
                    </li>
                  )
                })}
              </ul>
              {open ? (
                <DocumentViewer
                  patientId={patientId}
                  document={open}
                  date={formatDate(open.takenAt, undefined, timeZone)}
                  canDownload={view.canDownload}
                  onClose={() => setOpen(null)}
                />
              ) : null}
            </>
          )
        }
      </QueryView>
    </TabSection>
  )
}

/** A drawn document with its kind written on it, for files without a picture. */
function FileIcon({ kind }: { kind: SharedDocument['kind'] }) {
  const t = useT()
  return (
    <svg
      className="file-icon"
      viewBox="0 0 64 80"
      width="64"
      height="80"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M4 2h38l18 18v56a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z" fill="#fff" />
      <path
        d="M4 2h38l18 18v56a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2z M42 2v18h18"
        fill="none"
        stroke="currentColor"
        strokeWidth="3"
      />
      <rect x="8" y="44" width="48" height="20" rx="3" fill="currentColor" />
      <text
        x="32"
        y="59"
        textAnchor="middle"
        fontSize="14"
        fontWeight="700"
        fill="#fff"
        fontFamily="system-ui, sans-serif"
      >
        {kind === 'pdf' ? 'PDF' : t('images.fileBadge')}
      </text>
    </svg>
  )
}
