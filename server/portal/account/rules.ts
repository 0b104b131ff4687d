/** Statements and payments live on the family's account, which belongs to its guarantor. */
export function accountHolderId(patient: { id: number; guarantor_id: number | null }): number {
  return patient.guarantor_id ?? patient.id
}

/** The account holder's name as the tab shows it ("Maria Garcia's account"). */
export function accountHolderName(holder: {
  first_name: string
  last_name: string
  preferred_name: string | null
}): string {
  return `${holder.preferred_name ?? holder.first_name} ${holder.last_name}`
}

/**
 * A user sees the account only if they may see its guarantor: a representative sees the family's
 * statements from any member's tab; a plain patient whose account is someone else's does not.
 */
export function mayViewAccount(holderId: number, visiblePatientIds: readonly number[]): boolean {
  return visiblePatientIds.includes(holderId)
}

/**
 * The balance shown is the one on the latest statement, never the live ledger (the practice may
 * not have posted everything yet); with no statement there is no balance to show.
 */
export function statementBalance<T extends { statement_date: string; balance_cents: number }>(
  statements: T[],
): { cents: number; statementDate: string } | null {
  const latest = statements.reduce<T | undefined>(
    (newest, statement) =>
      !newest || statement.statement_date > newest.statement_date ? statement : newest,
    undefined,
  )
  return latest ? { cents: latest.balance_cents, statementDate: latest.statement_date } : null
}
