import { drawInsuranceRate, type FamilyVisit, generateAccount } from './account.ts'
import { generateHistory, generateRecall } from './appointments.ts'
import { generateClinical } from './clinical.ts'
import type { DemoContext, Member } from './context.ts'
import { addDays } from './dates.ts'
import { generateDocuments } from './documents.ts'
import { generateMessages } from './messages.ts'
import { generateFamilyMembers } from './people.ts'
import { generatePlans } from './plans.ts'
import { between, chance } from './random.ts'

/** Writes a family's people and who represents whom into the drafts. */
export function addMembers(ctx: DemoContext, members: Member[]) {
  const head = members[0]
  for (const member of members) {
    ctx.drafts.patients.push(member.patient)
    if (head && member !== head) {
      ctx.drafts.representatives.push({
        external_id: ctx.ids.next('patient_representatives'),
        representative: head.patient.external_id,
        patient: member.patient.external_id,
        relationship: member.patient.relationship_to_guarantor === 'Child' ? 'Parent' : 'Guarantor',
      })
    }
  }
}

/**
 * A portal account the office set up and the patient has since used. Generated accounts share
 * one hash of an unpublished password: argon2 is deliberately slow, and nobody signs in as them.
 */
function addPortalUser(ctx: DemoContext, member: Member) {
  const { faker, today, clock } = ctx
  const created = addDays(today, -between(faker, 30, 900))
  const username = `${member.patient.first_name}${member.patient.external_id}`
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
  ctx.drafts.portalUsers.push({
    patient: member.patient.external_id,
    username,
    password_hash: ctx.setup.sharedPortalHash,
    password_is_temporary: false,
    username_change_offered: false,
    created_by_staff_id: ctx.setup.staff.frontDesk,
    created_at: clock.at(created, 10 * 60),
    password_changed_at: clock.at(addDays(created, between(faker, 0, 5)), 20 * 60),
    last_sign_in_at: clock.at(
      addDays(today, -between(faker, 0, 120)),
      between(faker, 7 * 60, 22 * 60),
    ),
  })
}

/** Generates one family and everything about it; returns how many patients it has. */
export function generateFamily(ctx: DemoContext, maxSize: number): number {
  const { faker } = ctx
  const members = generateFamilyMembers(
    faker,
    ctx.today,
    ctx.setup.clinics,
    () => ctx.ids.next('patients'),
    maxSize,
  )
  addMembers(ctx, members)
  const head = members[0] as Member
  const usesPortal =
    head.patient.status === 'Patient' && head.patient.email !== null && chance(faker, 0.35)
  if (usesPortal) addPortalUser(ctx, head)

  const insuranceRate = drawInsuranceRate(ctx)
  const coverage = {
    primaryRate: insuranceRate,
    hasSecondary: insuranceRate > 0 && chance(faker, 0.1),
  }
  const visits: FamilyVisit[] = []
  for (const member of members) {
    const history = generateHistory(ctx, member)
    generateRecall(ctx, member, history)
    for (const visit of history.completed) visits.push({ member, visit })
    generatePlans(ctx, member, coverage)
    generateDocuments(ctx, member, history)
    generateClinical(ctx, member, history)
  }
  generateAccount(ctx, members, visits, insuranceRate)
  generateMessages(ctx, members, usesPortal ? head.patient.external_id : undefined)
  return members.length
}
