import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Button, Input, Label, TextField } from 'react-aria-components'
import { NavLink, Outlet, useParams } from 'react-router'
import { BirthdateField } from '../../ui/birthdate-field.tsx'
import { formatCalendarDate } from '../../ui/i18n/format.ts'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ColumnHeads } from '../../ui/table.tsx'
import { ConsolePage } from '../ConsolePage.tsx'
import { listName, patientStatusLabel, resultsSummary } from '../labels.ts'
import {
  PATIENTS_KEY,
  type PatientCriteria,
  type PatientWithAccess,
  searchPatients,
} from '../office-api.ts'
import { PatientAccessPanel } from './PatientAccessPanel.tsx'
import './access.css'

/**
 * Patient Portal Access: find a patient, then give, reset or remove their online access. The
 * search stays in the page (not the address bar): names and birthdates do not belong in URLs.
 */
export function AccessPage() {
  const [criteria, setCriteria] = useState<PatientCriteria | null>(null)
  return (
    <ConsolePage title="Patient Portal Access" action="access.manage">
      <PatientSearch onSearch={setCriteria} />
      {criteria ? <SearchResults criteria={criteria} /> : null}
      <Outlet />
    </ConsolePage>
  )
}

/** `/access/:patientId`: the chosen patient's panel, fresh for every patient. */
export function PatientAccessRoute() {
  const { patientId } = useParams()
  const id = Number(patientId)
  if (!Number.isInteger(id) || id < 1) {
    return (
      <div className="notice notice-error" role="alert">
        <p>There is no patient at this address. Search for the patient instead.</p>
      </div>
    )
  }
  return <PatientAccessPanel key={id} patientId={id} />
}

function PatientSearch({ onSearch }: { onSearch: (criteria: PatientCriteria) => void }) {
  const [name, setName] = useState('')
  const [birthdate, setBirthdate] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const problemId = useId()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!name.trim() && !birthdate) {
      setProblem('Enter a name, a birthdate, or both.')
      return
    }
    setProblem(null)
    onSearch({ name: name.trim(), birthdate })
  }

  return (
    <search className="access-search" aria-label="Find a patient">
      <form
        className="search-form"
        onSubmit={submit}
        aria-describedby={problem ? problemId : undefined}
        noValidate
      >
        <TextField className="field search-name" value={name} onChange={setName}>
          <Label>Name</Label>
          <Input name="name" autoComplete="off" spellCheck={false} />
        </TextField>
        <div className="search-birthdate">
          <BirthdateField label="Birthdate" value={birthdate} onChange={setBirthdate} />
        </div>
        <Button type="submit" className="button search-button">
          Search
        </Button>
      </form>
      {problem ? (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </search>
  )
}

function SearchResults({ criteria }: { criteria: PatientCriteria }) {
  const results = useQuery({
    queryKey: [...PATIENTS_KEY, criteria],
    queryFn: ({ signal }) => searchPatients(criteria, signal),
    placeholderData: keepPreviousData,
  })
  const captionId = useId()

  if (results.isPending) return <Loading label="Searching…" />
  if (results.isError) {
    return <LoadFailed error={results.error} onRetry={() => void results.refetch()} />
  }
  const patients = results.data
  return (
    <section className="access-results" aria-labelledby={captionId}>
      <h2 id={captionId} className="visually-hidden">
        Search results
      </h2>
      <p className="status" role="status">
        {results.isFetching ? 'Searching…' : resultsSummary(patients.length)}
      </p>
      {patients.length > 0 ? <ResultsTable patients={patients} /> : null}
    </section>
  )
}

function ResultsTable({ patients }: { patients: PatientWithAccess[] }) {
  return (
    <table className="results-table">
      <caption className="visually-hidden">Patients found; choose one to see their access</caption>
      <ColumnHeads columns={['Name', 'Birthdate', 'Status', 'Online access']} />
      <tbody>
        {patients.map((patient) => (
          <tr key={patient.id}>
            <th scope="row">
              <NavLink to={`/access/${patient.id}`}>{listName(patient)}</NavLink>
            </th>
            <td>{patient.birthdate ? formatCalendarDate(patient.birthdate) : 'Not on file'}</td>
            <td>{patientStatusLabel(patient.status)}</td>
            <td>
              {patient.access ? (
                <>
                  Yes <span className="username">{patient.access.username}</span>
                </>
              ) : (
                'No'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
