import { useEffect, useRef } from 'react'
import { Navigate, useOutletContext, useParams } from 'react-router'
import { useDocumentTitle } from '../../ui/document-title.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { currentTab, TabBar, TabContent, tabTitle } from '../PatientTabs.tsx'
import type { PortalSession } from '../session.ts'
import { displayName, parsePatientId, patientPath, statusNote } from '../session-rules.ts'

/** `/home`: the signed-in user's own page. */
export function HomeRedirect() {
  const session = useOutletContext<PortalSession>()
  const self = session.family.find((member) => member.self) ?? session.family[0]
  if (!self) return <NoRecord />
  return <Navigate to={patientPath(self.id)} replace />
}

/**
 * One patient's page: whose records these are, the tabs the practice offers, and the open tab
 * (`/patients/:patientId/:tab`; the bare address shows the first tab).
 */
export function PatientPage() {
  const session = useOutletContext<PortalSession>()
  const t = useT()
  const params = useParams()
  const patientId = parsePatientId(params.patientId)
  const patient = session.family.find((member) => member.id === patientId)
  const heading = useRef<HTMLHeadingElement>(null)
  const firstRender = useRef(true)
  const name = patient ? displayName(patient) : undefined
  // "Plan – Luis Garcia – Maple Grove Dental": read first after each move between tabs.
  useDocumentTitle(tabTitle(session.features, params.tab, t), name, session.practiceName)

  // Switching family members changes the page under the menu: move focus to the new name.
  useEffect(() => {
    if (patientId === undefined) return
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    heading.current?.focus()
  }, [patientId])

  // Not the user or a family member they represent (an old link, another account): go home.
  if (!patient || !name) return <Navigate to="/home" replace />
  const note = statusNote(patient)
  const first = patient.preferredName?.trim() || patient.firstName

  return (
    <section className="patient" aria-labelledby="patient-name">
      <h1 id="patient-name" ref={heading} tabIndex={-1}>
        {name}
      </h1>
      {note ? (
        <p className="patient-status">
          {t('patient.statusLine', { status: t('patient.status', { status: note }) })}
        </p>
      ) : null}
      {patient.self ? null : (
        <p className="patient-representing">{t('patient.representing', { name: first })}</p>
      )}
      <TabBar
        patientId={patient.id}
        features={session.features}
        current={currentTab(session.features, params.tab)}
      />
      <TabContent
        patientId={patient.id}
        patientName={name}
        features={session.features}
        path={params.tab}
      />
    </section>
  )
}

function NoRecord() {
  const t = useT()
  return (
    <section className="patient">
      <h1>{t('portal.title')}</h1>
      <p>{t('patient.noRecord')}</p>
    </section>
  )
}
