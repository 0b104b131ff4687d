import { useEffect, useRef } from 'react'
import { Navigate, useOutletContext, useParams } from 'react-router'
import { useDocumentTitle } from '../../ui/document-title.ts'
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
 * One patient's page: whose records these are. The tabs (appointments, account, plan…) arrive
 * with their own release; until then the page says so plainly and shows no made-up data.
 */
export function PatientPage() {
  const session = useOutletContext<PortalSession>()
  const params = useParams()
  const patientId = parsePatientId(params.patientId)
  const patient = session.family.find((member) => member.id === patientId)
  const heading = useRef<HTMLHeadingElement>(null)
  const firstRender = useRef(true)
  const name = patient ? displayName(patient) : undefined
  useDocumentTitle(name, session.practiceName)

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
      {note ? <p className="patient-status">Status: {note}</p> : null}
      <div className="panel">
        <p>
          {patient.self
            ? 'Welcome to your patient portal.'
            : `You are viewing ${first}’s records as their representative.`}
        </p>
        <p>
          {patient.self ? 'Your' : `${first}’s`} records will appear here. Until then, please
          contact the office for appointments, statements and treatment plans.
        </p>
      </div>
    </section>
  )
}

function NoRecord() {
  return (
    <section className="patient">
      <h1>Patient portal</h1>
      <p>There is no patient record to show for this account. Please contact the office.</p>
    </section>
  )
}
