import type { Static } from 'typebox'
import type { KeptView } from '../kept-body.ts'
import { keptTab, type TabRead } from '../serve-tab.ts'
import { accountTabDependencies, readAccountTab } from './queries.ts'
import { statementBalance } from './rules.ts'
import { AccountView } from './schemas.ts'

type AccountTab = Awaited<ReturnType<typeof readAccountTab>>
type View = Static<typeof AccountView>

/** What the Account tab shows besides the account's rows: whose account, in which currency. */
export type AccountContext = {
  currency: string
  holderId: number
  holderName: string
  isSelectedPatient: boolean
}

const holderOf = (context: AccountContext): View['holder'] => ({
  id: context.holderId,
  name: context.holderName,
  isSelectedPatient: context.isSelectedPatient,
})

/** An account the user does not represent: whose it is, and nothing of it. */
export function hiddenAccountView(context: AccountContext): View {
  return {
    holder: holderOf(context),
    visible: false,
    currency: context.currency,
    balance: null,
    statements: [],
    payments: [],
  }
}

/** The Account tab: the balance on the latest statement, the statements and the payments. */
export function accountView(tab: AccountTab, context: AccountContext): KeptView<View> {
  return {
    view: {
      holder: holderOf(context),
      visible: true,
      currency: context.currency,
      balance: statementBalance(tab.statements),
      statements: tab.statements.map((statement) => ({
        id: statement.id,
        date: statement.statement_date,
        amountCents: statement.balance_cents,
        status: statement.status,
        hasPdf: statement.pdf_storage_key !== null,
      })),
      payments: tab.payments.map((payment) => ({
        id: payment.id,
        paidAt: payment.paid_at.toISOString(),
        amountCents: payment.amount_cents,
        method: payment.method,
        status: payment.status,
        note: payment.note,
        card:
          payment.card_brand && payment.card_last4
            ? `${payment.card_brand} ····${payment.card_last4}`
            : null,
      })),
    },
  }
}

/** The Account tab as a kept read, of the account holder (the family's guarantor). */
export const keptAccountTab = keptTab({
  name: 'account-tab',
  action: 'account.viewed',
  schema: AccountView,
  load: (db, { practiceId, patientId }: TabRead<null>) => readAccountTab(db, practiceId, patientId),
  dependsOn: accountTabDependencies,
  present: (tab, context: AccountContext) => accountView(tab, context),
})
