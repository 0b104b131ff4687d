import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { Button, Input, Label, TextField } from 'react-aria-components'
import { NavLink, Outlet, useParams } from 'react-router'
import { BirthdateField } from '../../ui/birthdate-field.tsx'
import { formatCalendarDate } from '../../ui/i18n/format.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { ErrorAlert } from '../../ui/notice.tsx'
import { LoadFailed, Loading } from '../../ui/status.tsx'
import { ColumnHeads } from '../../ui/table.tsx'
import { listName, patientStatusLabel, resultsSummary } from '../labels.ts'
import {
  PATIENTS_KEY,
  type PatientCriteria,
  type PatientWithAccess,
  searchPatients,
} from '../office-api.ts'
import { PatientAccessPanel } from './PatientAccessPanel.tsx'
import './access.css'
import { FieldProblem } from '../../ui/field-problem.tsx'

/**
 * Patient Portal Access: find a patient, then give, reset or remove their online access. The
 * search stays in the page (not the address bar): names and birthdates do not belong in URLs.
 */
export function AccessPage() {
  const [criteria, setCriteria] = useState<PatientCriteria | null>(null)
  return (
    <>
      <PatientSearch onSearch={setCriteria} />
      {criteria ? <SearchResults criteria={criteria} /> : null}
      <Outlet />
    </>
  )
}

/** `/access/:patientId`: the chosen patient's panel, fresh for every patient. */
export function PatientAccessRoute() {
  const { patientId } = useParams()
  const id = Number(patientId)
  const t = useT()
  if (!Number.isInteger(id) || id < 1) {
    return <ErrorAlert>{t('office.access.noSuchPatient')}</ErrorAlert>
  }
  return <PatientAccessPanel key={id} patientId={id} />
}

function PatientSearch({ onSearch }: { onSearch: (criteria: PatientCriteria) => void }) {
  const [name, setName] = useState('')
  const [birthdate, setBirthdate] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const problemId = useId()
  const t = useT()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!name.trim() && !birthdate) {
      setProblem(t('office.access.enterSomething'))
      return
    }
    setProblem(null)
    onSearch({ name: name.trim(), birthdate })
  }

  return (
    <search className="access-search" aria-label={t('office.access.find')}>
      <form
        className="search-form field-row"
        onSubmit={submit}
        aria-describedby={problem ? problemId : undefined}
        noValidate
      >
        <TextField className="field search-name" value={name} onChange={setName}>
          <Label>{t('office.access.name')}</Label>
          <Input name="name" autoComplete="off" spellCheck={false} />
        </TextField>
        <div className="search-birthdate">
          <BirthdateField
            label={t('office.access.birthdate')}
            value={birthdate}
            onChange={setBirthdate}
          />
        </div>
        <Button type="submit" className="button search-button">
          {t('office.access.search')}
        </Button>
      </form>
      <FieldProblem id={problemId} message={problem} announce />
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
  const t = useT()

  if (results.isPending) return <Loading label={t('office.common.searching')} />
  if (results.isError) {
    return <LoadFailed error={results.error} onRetry={() => void results.refetch()} />
  }
  const patients = results.data
  return (
    <section className="access-results" aria-labelledby={captionId}>
      <h2 id={captionId} className="visually-hidden">
        {t('office.access.results')}
      </h2>
      <p className="status" role="status">
        {results.isFetching ? t('office.common.searching') : resultsSummary(patients.length, t)}
      </p>
      {patients.length > 0 ? <ResultsTable patients={patients} /> : null}
    </section>
  )
}

function ResultsTable({ patients }: { patients: PatientWithAccess[] }) {
  const t = useT()
  return (
    <table className="results-table">
      <caption className="visually-hidden">{t('office.access.caption')}</caption>
      <ColumnHeads
        columns={[
          t('office.access.name'),
          t('office.access.birthdate'),
          t('office.access.status'),
          t('office.access.online'),
        ]}
      />
      <tbody>
        {patients.map((patient) => (
          <tr key={patient.id}>
            <th scope="row">
              <NavLink to={`/access/${patient.id}`}>{listName(patient)}</NavLink>
            </th>
            <td>
              {patient.birthdate
                ? formatCalendarDate(patient.birthdate)
                : t('office.access.notOnFile')}
            </td>
            <td>{patientStatusLabel(patient.status, t)}</td>
            <td>
              {patient.access ? (
                <>
                  {t('office.access.yes')}{' '}
                  <span className="username">{patient.access.username}</span>
                </>
              ) : (
                t('office.access.no')
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
