import type { Visit } from './appointments.ts'
import type { DemoContext, Member } from './context.ts'
import { addDays, addMonths, type CalendarDate } from './dates.ts'
import type { StatementContent } from './files.ts'
import { between, pick, weighted } from './random.ts'

export interface FamilyVisit {
  member: Member
  visit: Visit
}

/** Share of fees the family's insurer pays (0 for the uninsured), drawn once per family. */
export function drawInsuranceRate(ctx: DemoContext): number {
  return weighted(ctx.faker, [
    [0, 20],
    [0.5, 20],
    [0.6, 25],
    [0.7, 25],
    [0.8, 10],
  ])
}

/**
 * Monthly statements for the last six months and the payments that followed them. The numbers
 * form a ledger: each balance is the previous one plus the period's fees, less insurance and
 * the family's payments, and the PDF prints exactly those lines.
 */
export function generateAccount(
  ctx: DemoContext,
  family: Member[],
  visits: FamilyVisit[],
  insuranceRate: number,
  options: { months?: number; payAll?: boolean } = {},
): void {
  const { faker, today, drafts } = ctx
  const guarantor = family[0]
  if (!guarantor) return
  const months = options.months ?? 6
  const firstOfMonth = `${today.slice(0, 8)}01`
  const dates: CalendarDate[] = []
  for (let back = months - 1; back >= 0; back--) {
    const date = addDays(addMonths(firstOfMonth, -back), 4)
    if (date <= today) dates.push(date)
  }
  const payments: { date: CalendarDate; amountCents: number }[] = []
  let balance = 0
  let previous = addMonths(dates[0] ?? today, -1)
  const head = guarantor.patient
  const cardLast4 = String(between(faker, 1000, 9999))
  const cardBrand = pick(faker, ['Visa', 'Mastercard', 'American Express', 'Discover'])
  for (const date of dates) {
    const lines: StatementContent['lines'] = []
    if (balance !== 0)
      lines.push({ date: previous, description: 'Previous balance', amountCents: balance })
    let charges = 0
    for (const { member, visit } of visits) {
      if (visit.date <= previous || visit.date > date) continue
      for (const planned of visit.procedures) {
        charges += planned.code.feeCents
        const tooth = planned.tooth ? ` #${planned.tooth}` : ''
        lines.push({
          date: visit.date,
          description: `${member.patient.first_name}: ${planned.code.code} ${planned.code.description}${tooth}`,
          amountCents: planned.code.feeCents,
        })
      }
    }
    const insurance = Math.round((charges * insuranceRate) / 100) * 100
    if (insurance > 0)
      lines.push({ date, description: 'Insurance payment', amountCents: -insurance })
    let paid = 0
    for (const payment of payments) {
      if (payment.date <= previous || payment.date > date) continue
      paid += payment.amountCents
      lines.push({
        date: payment.date,
        description: 'Payment - thank you',
        amountCents: -payment.amountCents,
      })
    }
    balance += charges - insurance - paid
    previous = date
    if (lines.length === 0) continue

    const key = ctx.ids.next('statements')
    const processed = date < addDays(today, -3)
    drafts.statements.push({
      external_id: key,
      patient: head.external_id,
      statement_date: date,
      balance_cents: balance,
      status: processed ? 'Processed' : 'Pending',
      delivery: head.email ? 'Email' : 'Mail',
      note: balance > 0 ? 'Payment is due within 30 days.' : null,
      created_at: ctx.clock.at(date, 7 * 60),
      pdf: ctx.ownStatementPdfs
        ? {
            practiceName: ctx.setup.name,
            practiceAddress: ctx.setup.address,
            guarantorName: `${head.first_name} ${head.last_name}`,
            guarantorAddress: [
              [head.address1, head.address2].filter(Boolean).join(', '),
              `${head.city}, ${head.region} ${head.postal_code}`,
            ],
            statementDate: date,
            lines,
            balanceCents: balance,
          }
        : null,
    })
    if (balance <= 0) continue
    const pays = options.payAll
      ? 'full'
      : weighted(faker, [
          ['full', 78],
          ['part', 12],
          ['none', 10],
        ] as const)
    if (pays === 'none') continue
    const paidOn = addDays(date, between(faker, 6, 24))
    if (paidOn > today) continue
    const amount = pays === 'full' ? balance : Math.max(100, Math.round(balance / 200) * 100)
    payments.push({ date: paidOn, amountCents: amount })
    const method = weighted(faker, [
      ['Card', 60],
      ['Check', 25],
      ['Cash', 10],
      ['Debit', 5],
    ] as const)
    const paidAt = ctx.clock.at(paidOn, between(faker, 9 * 60, 16 * 60))
    const pending = paidOn >= addDays(today, -2)
    drafts.payments.push({
      external_id: ctx.ids.next('payments'),
      patient: head.external_id,
      statement: key,
      amount_cents: amount,
      paid_at: paidAt,
      method: method === 'Card' ? 'Credit card' : method,
      status: pending ? 'Pending' : 'Posted',
      note: method === 'Check' ? `Check #${between(faker, 1001, 4999)}` : null,
      card_brand: method === 'Card' ? cardBrand : null,
      card_last4: method === 'Card' ? cardLast4 : null,
      made_online: false,
      posted_at: pending ? null : new Date(paidAt.getTime() + between(faker, 1, 30) * 3_600_000),
      posted_by_staff_id: pending ? null : ctx.setup.staff.frontDesk,
    })
  }
}
