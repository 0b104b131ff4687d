import type { JoinBuilder } from 'kysely'

type JoinRef<DB, TB extends keyof DB> = Parameters<JoinBuilder<DB, TB>['onRef']>[0]

/** `alias.practice_id` of `alias.column`: every practice-owned row carries one (migration 0005). */
function practiceColumnOf(reference: string): string {
  return `${reference.slice(0, reference.lastIndexOf('.'))}.practice_id`
}

/**
 * Joins a row to the one it names within the same practice: `key = ref`, and the two rows'
 * practice_id equal too, so a join can never reach another practice's row and uses the
 * (practice_id, id) keys:
 * `.leftJoin('statements', (join) => samePractice(join, 'statements.id', 'payments.statement_id'))`.
 */
export function samePractice<DB, TB extends keyof DB>(
  join: JoinBuilder<DB, TB>,
  key: JoinRef<DB, TB>,
  ref: JoinRef<DB, TB>,
) {
  return (
    join
      .onRef(key, '=', ref)
      // The practice columns are named from the two checked references above.
      .onRef(
        practiceColumnOf(key as string) as JoinRef<DB, TB>,
        '=',
        practiceColumnOf(ref as string) as JoinRef<DB, TB>,
      )
  )
}
