import { Link } from 'react-router'
import { useT } from '../../ui/i18n/i18n.tsx'
import type { FamilyMember } from '../session.ts'
import { displayName, patientPath, statusNote } from '../session-rules.ts'

/**
 * Whose summaries: everyone the user may see, the chosen one highlighted. Each name is a link
 * to that person's Summary tab, so the address (and with it the header's Family menu) always
 * names the same person as this list.
 */
export function FamilyList({
  family,
  selectedId,
}: {
  family: readonly FamilyMember[]
  selectedId: number
}) {
  const t = useT()
  return (
    <nav className="summary-family" aria-labelledby="summary-family-heading">
      <h3 id="summary-family-heading" className="summary-family-heading">
        {t('summary.familyMembers')}
      </h3>
      <ul>
        {family.map((member) => {
          const note = statusNote(member)
          const selected = member.id === selectedId
          return (
            <li key={member.id}>
              <Link
                to={`${patientPath(member.id)}/summary`}
                className="summary-family-link"
                aria-current={selected ? 'page' : undefined}
              >
                {selected ? (
                  <span className="summary-family-check" aria-hidden="true">
                    ✓
                  </span>
                ) : null}
                <span>
                  {displayName(member)}
                  {note ? (
                    <span className="summary-family-note">
                      , {t('patient.status', { status: note })}
                    </span>
                  ) : null}
                </span>
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
