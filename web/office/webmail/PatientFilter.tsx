import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { Button } from 'react-aria-components'
import { getJson } from '../../ui/api.ts'
import { useT } from '../../ui/i18n/i18n.tsx'
import { NativeField } from '../../ui/native-field.tsx'
import { NativeSelect } from '../../ui/native-select.tsx'
import { type PatientChoices, WEBMAIL_API, WEBMAIL_KEY } from './webmail-api.ts'

/**
 * Narrows the box to one patient: find them by name and choose; the choice is in the address,
 * and Clear shows every patient's messages again.
 */
export function PatientFilter({
  patientId,
  name,
  onChange,
}: {
  patientId: string
  name: string | undefined
  onChange: (patientId: string) => void
}) {
  const [search, setSearch] = useState('')
  const t = useT()
  if (patientId) {
    return (
      <div className="webmail-patient-filter field-row">
        <p className="field">
          <span className="label">{t('office.webmail.patient')}</span>
          <span>{name ?? t('office.webmail.patientNumber', { id: patientId })}</span>
        </p>
        <Button
          className="button button-secondary"
          aria-label={
            name ? t('office.webmail.clearFilterNamed', { name }) : t('office.webmail.clearFilter')
          }
          onPress={() => {
            setSearch('')
            onChange('')
          }}
        >
          {t('office.webmail.clearPatient')}
        </Button>
      </div>
    )
  }
  return (
    <div className="webmail-patient-filter field-row">
      <PatientPicker
        search={search}
        onSearch={setSearch}
        searchLabel={t('office.webmail.filterByPatient')}
        searchType="search"
        label={t('office.webmail.patientFound')}
        value=""
        onChange={onChange}
      />
    </div>
  )
}

/** A name to search by, then the patients found in a list to choose from. */
export function PatientPicker({
  search,
  onSearch,
  searchLabel,
  searchType,
  label,
  value,
  onChange,
}: {
  search: string
  onSearch: (search: string) => void
  searchLabel: string
  searchType?: 'search'
  label: string
  value: string
  onChange: (patientId: string) => void
}) {
  const t = useT()
  const found = usePatientSearch(search)
  return (
    <>
      <NativeField label={searchLabel}>
        {(control) => (
          <input
            {...control}
            type={searchType}
            value={search}
            onChange={(e) => onSearch(e.currentTarget.value)}
          />
        )}
      </NativeField>
      {found.data ? (
        <NativeSelect
          label={label}
          value={value}
          onChange={onChange}
          options={[
            {
              value: '',
              label: found.data.length ? t('office.webmail.choose') : t('office.webmail.noPatient'),
            },
            ...found.data.map((p) => ({
              value: String(p.id),
              label: `${p.name} (${p.birthdate ?? '—'})`,
            })),
          ]}
        />
      ) : null}
    </>
  )
}

/** Patients of the practice whose names start with the words typed (two letters at least). */
function usePatientSearch(search: string) {
  return useQuery({
    queryKey: [...WEBMAIL_KEY, 'patients', search],
    queryFn: ({ signal }) =>
      getJson<PatientChoices>(`${WEBMAIL_API}/patients?q=${encodeURIComponent(search)}`, signal),
    enabled: search.trim().length >= 2,
  })
}
