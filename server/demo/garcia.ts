import { type FamilyVisit, generateAccount } from './account.ts'
import {
  addAppointment,
  type PlannedProcedure,
  recallProcedures,
  type Visit,
} from './appointments.ts'
import {
  ALLERGENS,
  CONDITIONS,
  LAB_TESTS,
  MEDICATIONS,
  procedure,
  REACTIONS,
  SMOKING_STATUSES,
  VACCINES,
} from './catalog.ts'
import {
  addAllergy,
  addImmunization,
  addLab,
  addMedication,
  addProblem,
  addSmokingStatus,
  addVitals,
  lastFluSeason,
} from './clinical.ts'
import type { DemoContext, Member } from './context.ts'
import { addDays, addMonths, addYears, type CalendarDate } from './dates.ts'
import { addDocument } from './documents.ts'
import type { PatientDraft } from './drafts.ts'
import { addMembers } from './family.ts'
import { addMessage } from './messages.ts'
import { addPlan } from './plans.ts'

/**
 * The family the README and the sign-in page introduce: Maria Garcia (guarantor, represents
 * everyone), Luis (spouse, sees only himself), Sofia (9 years old today) and Mateo (Archived).
 * Written by hand so every portal screen has something to show for them, all relative to today.
 */
export interface DemoPasswordHashes {
  garcias: string
  newPatient: string
}

const ADDRESS = {
  address1: '9417 Garland Lane N',
  address2: null,
  city: 'Maple Grove',
  region: 'MN',
  postal_code: '55311',
  country: 'US',
}

export function generateGarcias(ctx: DemoContext, hashes: DemoPasswordHashes): number {
  const { today, setup, clock, files } = ctx
  const clinic = setup.clinics[0]
  const member = (
    first: string,
    sex: 'F' | 'M',
    birthdate: CalendarDate,
    relationship: string,
    extra: Partial<PatientDraft> = {},
  ): Member => {
    const externalId = ctx.ids.next('patients')
    return {
      patient: {
        external_id: externalId,
        guarantor: relationship === 'Self' ? externalId : '1',
        relationship_to_guarantor: relationship,
        first_name: first,
        last_name: 'Garcia',
        birthdate,
        birth_sex: sex,
        status: 'Patient',
        phone_home: '(763) 555-0157',
        ...ADDRESS,
        language: 'en',
        race_code: '2106-3',
        ethnicity_code: '2135-2',
        clinic_id: clinic.id,
        primary_provider_id: clinic.dentistId,
        ...extra,
      },
      age: 0,
      clinic,
      isGuarantor: relationship === 'Self',
    }
  }
  const maria = member('Maria', 'F', addDays(addYears(today, -41), -97), 'Self', {
    middle_name: 'Elena',
    email: 'maria.garcia@example.com',
    phone_wireless: '(763) 555-0158',
  })
  const luis = member('Luis', 'M', addDays(addYears(today, -43), -210), 'Spouse', {
    email: 'luis.garcia@example.com',
    phone_wireless: '(763) 555-0159',
    phone_work: '(612) 555-0160',
  })
  // 75 days past her ninth birthday: nine years old on `today` whatever the date.
  const sofia = member('Sofia', 'F', addDays(addYears(today, -9), -75), 'Child')
  const mateo = member('Mateo', 'M', addDays(addYears(today, -19), -150), 'Child', {
    status: 'Archived',
    email: 'mateo.garcia@example.com',
    phone_wireless: '(763) 555-0161',
  })
  maria.age = 41
  luis.age = 43
  sofia.age = 9
  mateo.age = 19
  const family = [maria, luis, sofia, mateo]
  addMembers(ctx, family)

  for (const [who, username] of [
    [maria, 'maria.garcia'],
    [luis, 'luis.garcia'],
  ] as const) {
    ctx.drafts.portalUsers.push({
      patient: who.patient.external_id,
      username,
      password_hash: hashes.garcias,
      password_is_temporary: false,
      username_change_offered: false,
      created_by_staff_id: setup.staff.frontDesk,
      created_at: clock.at(addDays(today, -400), 10 * 60),
      password_changed_at: clock.at(addDays(today, -399), 20 * 60),
      last_sign_in_at: clock.at(addDays(today, who === maria ? -3 : -12), 19 * 60 + 30),
    })
  }

  const visits: FamilyVisit[] = []
  const done = (
    who: Member,
    daysAgo: number,
    kind: Visit['kind'],
    procedures: PlannedProcedure[],
  ) => {
    const visit = addAppointment(ctx, who, {
      date: addDays(today, -daysAgo),
      kind,
      procedures,
      searchForward: false,
    })
    visits.push({ member: who, visit })
    return visit
  }
  const upcoming = (
    who: Member,
    daysAhead: number,
    kind: Visit['kind'],
    procedures: PlannedProcedure[],
    confirmation: 'AwaitingConfirmation' | 'Unconfirmed' | 'Confirmed',
    startMinutes: number,
  ) =>
    addAppointment(ctx, who, {
      date: addDays(today, daysAhead),
      kind,
      procedures,
      status: 'Scheduled',
      confirmation,
      startMinutes,
    })

  // Maria: regular cleanings, a filling, one missed visit, a cleaning in three days to confirm.
  done(maria, 540, 'recall', recallProcedures(maria, true, false))
  const mariaXrays = done(maria, 360, 'recall', recallProcedures(maria, true, false))
  addAppointment(ctx, maria, {
    date: addDays(today, -192),
    kind: 'recall',
    procedures: recallProcedures(maria, false, false),
    status: 'Broken',
    note: 'Called to say she was sick.',
    searchForward: false,
  })
  const mariaLast = done(maria, 180, 'recall', [
    ...recallProcedures(maria, false, false),
    { code: procedure('D0330') },
  ])
  done(maria, 160, 'restorative', [{ code: procedure('D2391'), tooth: '30', surface: 'O' }])
  const mariaNext = upcoming(
    maria,
    3,
    'recall',
    recallProcedures(maria, true, false),
    'AwaitingConfirmation',
    9 * 60,
  )

  // Luis: root canal and build-up done; the crown is seated in five days; his cleaning is due.
  done(luis, 520, 'recall', recallProcedures(luis, false, false))
  const luisXrays = done(luis, 330, 'recall', recallProcedures(luis, true, false))
  const luisEndo = done(luis, 300, 'restorative', [
    { code: procedure('D0220'), tooth: '19' },
    { code: procedure('D3330'), tooth: '19' },
  ])
  done(luis, 270, 'restorative', [{ code: procedure('D2950'), tooth: '19' }])
  const luisLast = done(luis, 150, 'recall', recallProcedures(luis, false, false))
  addAppointment(ctx, luis, {
    date: addDays(today, -60),
    kind: 'restorative',
    procedures: [{ code: procedure('D2740'), tooth: '19' }],
    status: 'UnschedList',
    note: 'Cancelled: waiting for insurance pre-authorization.',
    searchForward: false,
  })
  upcoming(
    luis,
    5,
    'restorative',
    [{ code: procedure('D2740'), tooth: '19' }],
    'AwaitingConfirmation',
    14 * 60,
  )
  upcoming(luis, 47, 'restorative', [{ code: procedure('D9944') }], 'Unconfirmed', 10 * 60 + 30)

  // Sofia: child cleanings and sealants; her next cleaning is due and she was invited to book.
  done(sofia, 550, 'recall', recallProcedures(sofia, false, false))
  const sofiaXrays = done(sofia, 370, 'recall', [
    ...recallProcedures(sofia, false, false),
    { code: procedure('D0272') },
  ])
  const sofiaLast = done(sofia, 172, 'recall', recallProcedures(sofia, false, false))
  done(sofia, 165, 'restorative', [
    { code: procedure('D1351'), tooth: '19' },
    { code: procedure('D1351'), tooth: '30' },
  ])

  // Mateo moved away for college; his chart is archived.
  done(mateo, 1100, 'recall', recallProcedures(mateo, true, false))
  const mateoLast = done(mateo, 920, 'recall', [
    ...recallProcedures(mateo, false, false),
    { code: procedure('D0330') },
  ])

  const recall = (
    who: Member,
    type: number,
    previous: Visit,
    due: CalendarDate,
    status: 'Due' | 'Invited' | 'Scheduled' | 'Dismissed',
    scheduled?: Visit,
  ) =>
    ctx.drafts.recalls.push({
      external_id: ctx.ids.next('recalls'),
      patient: who.patient.external_id,
      recall_type_id: type,
      date_due: due,
      date_previous: previous.date,
      status,
      invited_at: status === 'Invited' ? clock.at(addDays(today, -6), 9 * 60) : null,
      web_sched_enabled: status !== 'Dismissed',
      ...(scheduled ? { scheduledAppointment: scheduled.key } : {}),
    })
  recall(maria, setup.recallTypes.prophy, mariaLast, mariaNext.date, 'Scheduled', mariaNext)
  recall(luis, setup.recallTypes.prophy, luisLast, addDays(today, 24), 'Invited')
  recall(sofia, setup.recallTypes.childProphy, sofiaLast, addDays(today, 10), 'Invited')
  recall(mateo, setup.recallTypes.prophy, mateoLast, addMonths(mateoLast.date, 6), 'Dismissed')

  generateAccount(ctx, family, visits, 0.7, { months: 12, payAll: true })

  const coverage = { primaryRate: 0.8, hasSecondary: true }
  addPlan(ctx, luis, {
    heading: 'Crown on lower left molar',
    date: addDays(luisEndo.date, -14),
    note: 'Root canal first, then a build-up and a porcelain crown on tooth 19.',
    status: 'Saved',
    coverage,
    items: [
      { code: procedure('D3330'), tooth: '19', priority: '1' },
      { code: procedure('D2950'), tooth: '19', priority: '1' },
      { code: procedure('D2740'), tooth: '19', priority: '2' },
    ],
  })
  addPlan(ctx, luis, {
    heading: 'Night guard',
    date: addDays(today, -30),
    note: 'For grinding at night.',
    status: 'Saved',
    coverage,
    discountRate: 0.05,
    items: [{ code: procedure('D9944'), priority: '3' }],
  })
  addPlan(ctx, luis, {
    heading: 'Active Treatment Plan',
    date: addDays(today, -2),
    status: 'Active',
    coverage,
    items: [{ code: procedure('D2391'), tooth: '3', surface: 'O', priority: '2' }],
  })
  addPlan(ctx, maria, {
    heading: 'Replace old fillings',
    date: addDays(today, -45),
    status: 'Saved',
    coverage,
    discountRate: 0.05,
    items: [
      { code: procedure('D2392'), tooth: '14', surface: 'MO', priority: '1' },
      { code: procedure('D2391'), tooth: '3', surface: 'O', priority: '2' },
    ],
  })
  addPlan(ctx, maria, {
    heading: 'Previous plan',
    date: addDays(today, -700),
    status: 'Inactive',
    coverage,
    items: [{ code: procedure('D2150'), tooth: '14', surface: 'MO', priority: '1' }],
  })
  addPlan(ctx, sofia, {
    heading: 'Sealants',
    date: addDays(today, -20),
    status: 'Saved',
    coverage,
    items: [
      { code: procedure('D1351'), tooth: '3', priority: '2' },
      { code: procedure('D1351'), tooth: '14', priority: '2' },
    ],
  })

  const at = (daysAgo: number, minutes: number) => clock.at(addDays(today, -daysAgo), minutes)
  const frontDesk = setup.staff.frontDesk
  const dentist = setup.staff.dentist
  addMessage(ctx, {
    patient: maria.patient.external_id,
    direction: 'ToPatient',
    staffUserId: frontDesk,
    providerId: clinic.dentistId,
    subject: 'Your upcoming visit',
    body: 'Hi Maria,\n\nPlease confirm your cleaning this week from the Appointments tab, or reply here if you need another time.\n\nMaple Grove Dental',
    sentAt: at(1, 9 * 60 + 15),
    readByPracticeAt: at(1, 9 * 60 + 15),
  })
  const sealants = addMessage(ctx, {
    patient: sofia.patient.external_id,
    direction: 'ToPractice',
    portalUserOf: maria.patient.external_id,
    providerId: clinic.dentistId,
    subject: "Sofia's sealants",
    body: 'Hello, Sofia said one of her new sealants feels rough. Should we come in?',
    sentAt: at(25, 20 * 60 + 5),
    readByPatientAt: at(25, 20 * 60 + 5),
    readByPracticeAt: at(24, 8 * 60 + 40),
  })
  addMessage(ctx, {
    patient: sofia.patient.external_id,
    direction: 'ToPatient',
    staffUserId: dentist,
    providerId: clinic.dentistId,
    inReplyTo: sealants,
    subject: "RE: Sofia's sealants",
    body: 'Thanks, Maria. A little roughness usually smooths out within a week. If it still bothers her, we will polish it at her next cleaning.\n\nDr. Lindqvist',
    sentAt: at(24, 9 * 60 + 10),
    readByPatientAt: at(24, 18 * 60),
    readByPracticeAt: at(24, 9 * 60 + 10),
  })
  addMessage(ctx, {
    patient: maria.patient.external_id,
    direction: 'ToPractice',
    portalUserOf: maria.patient.external_id,
    subject: 'New insurance card',
    body: 'Luis changed jobs, so we have new dental insurance. A photo of the card is attached.',
    sentAt: at(60, 12 * 60 + 30),
    readByPatientAt: at(60, 12 * 60 + 30),
    readByPracticeAt: at(59, 8 * 60 + 5),
    attachments: [files.insuranceCard],
  })
  addMessage(ctx, {
    patient: luis.patient.external_id,
    direction: 'ToPatient',
    staffUserId: dentist,
    providerId: clinic.dentistId,
    subject: 'After your visit today',
    body: 'Hi Luis,\n\nYour root canal went well. The attached sheet explains what to expect over the next few days.\n\nDr. Lindqvist',
    sentAt: clock.at(luisEndo.date, 16 * 60),
    readByPatientAt: clock.at(luisEndo.date, 21 * 60),
    readByPracticeAt: clock.at(luisEndo.date, 16 * 60),
    attachments: [files.postOpInstructions],
  })
  const crown = addMessage(ctx, {
    patient: luis.patient.external_id,
    direction: 'ToPractice',
    portalUserOf: luis.patient.external_id,
    providerId: clinic.dentistId,
    subject: 'Crown appointment',
    body: 'Hi, how long will the crown appointment take? I need to plan around work.',
    sentAt: at(10, 7 * 60 + 45),
    readByPatientAt: at(10, 7 * 60 + 45),
    readByPracticeAt: at(10, 8 * 60 + 30),
  })
  addMessage(ctx, {
    patient: luis.patient.external_id,
    direction: 'ToPatient',
    staffUserId: frontDesk,
    providerId: clinic.dentistId,
    inReplyTo: crown,
    subject: 'RE: Crown appointment',
    body: 'Hi Luis, plan for about an hour and a half. See you soon!',
    sentAt: at(9, 10 * 60),
    readByPracticeAt: at(9, 10 * 60),
  })
  addMessage(ctx, {
    patient: maria.patient.external_id,
    direction: 'ToPatient',
    kind: 'SecureEmail',
    staffUserId: frontDesk,
    subject: 'Your account',
    body: "Hi Maria, we received the insurance payment for Luis's root canal; your next statement will show it.\n\nMaple Grove Dental",
    sentAt: at(120, 11 * 60),
    readByPatientAt: at(119, 8 * 60),
    readByPracticeAt: at(120, 11 * 60),
  })

  const { categories } = setup
  const shot = (visit: Visit) => new Date(visit.startsAt.getTime() + 20 * 60_000)
  addDocument(ctx, maria, files.bitewingLeft, categories.xrays, 'Bitewing, left', shot(mariaXrays))
  addDocument(
    ctx,
    maria,
    files.bitewingRight,
    categories.xrays,
    'Bitewing, right',
    shot(mariaXrays),
  )
  addDocument(ctx, maria, files.panoramic, categories.xrays, 'Panoramic', shot(mariaLast))
  addDocument(
    ctx,
    maria,
    files.intraoralPhoto,
    categories.photos,
    'Intraoral photo',
    shot(mariaLast),
  )
  addDocument(
    ctx,
    maria,
    files.consentForm,
    categories.forms,
    'Consent for treatment',
    at(541, 9 * 60),
  )
  addDocument(
    ctx,
    maria,
    files.insuranceCard,
    categories.insurance,
    'Insurance card',
    at(59, 8 * 60 + 10),
  )
  addDocument(ctx, luis, files.bitewingLeft, categories.xrays, 'Bitewing, left', shot(luisXrays))
  addDocument(ctx, luis, files.bitewingRight, categories.xrays, 'Bitewing, right', shot(luisXrays))
  addDocument(
    ctx,
    luis,
    files.consentForm,
    categories.forms,
    'Consent for root canal treatment',
    shot(luisEndo),
  )
  addDocument(
    ctx,
    luis,
    files.postOpInstructions,
    categories.treatmentPlans,
    'After your root canal',
    shot(luisEndo),
  )
  addDocument(ctx, sofia, files.bitewingLeft, categories.xrays, 'Bitewing, left', shot(sofiaXrays))
  addDocument(
    ctx,
    sofia,
    files.bitewingRight,
    categories.xrays,
    'Bitewing, right',
    shot(sofiaXrays),
  )
  addDocument(
    ctx,
    sofia,
    files.medicalHistoryForm,
    categories.forms,
    'Medical history',
    at(551, 9 * 60),
  )
  addDocument(ctx, mateo, files.panoramic, categories.xrays, 'Panoramic', shot(mateoLast))

  // Work done elsewhere years ago, and the crown still to come, as the chart records them.
  const chart = (
    who: Member,
    code: 'D2740' | 'D2150',
    tooth: string,
    on: CalendarDate,
    status: 'Existing' | 'Planned',
  ) =>
    ctx.drafts.clinicalProcedures.push({
      external_id: ctx.ids.next('clinical_procedures'),
      patient: who.patient.external_id,
      provider_id: status === 'Planned' ? clinic.dentistId : null,
      code,
      description: procedure(code).description,
      tooth,
      surface: code === 'D2150' ? 'MO' : null,
      performed_on: on,
      status,
      fee_cents: status === 'Planned' ? procedure(code).feeCents : 0,
    })
  chart(maria, 'D2740', '3', addYears(today, -8), 'Existing')
  chart(luis, 'D2150', '14', addYears(today, -12), 'Existing')
  chart(luis, 'D2740', '19', addDays(today, 5), 'Planned')

  const flu = lastFluSeason(today)
  addProblem(ctx, maria, CONDITIONS.allergicRhinitis, addYears(today, -15))
  addProblem(ctx, maria, CONDITIONS.gingivitis, addDays(today, -560), addDays(today, -360))
  addMedication(ctx, maria, MEDICATIONS.cetirizine, addYears(today, -6))
  addMedication(ctx, maria, MEDICATIONS.amoxicillin, addDays(today, -420), addDays(today, -413))
  addAllergy(ctx, maria, ALLERGENS.penicillin, REACTIONS.hives, 'moderate', addYears(today, -30))
  addImmunization(ctx, maria, VACCINES.tdap, addYears(today, -4))
  addImmunization(ctx, maria, VACCINES.covidPfizer, addDays(flu, 12))
  addImmunization(ctx, maria, VACCINES.influenza, addDays(flu, 12))
  addVitals(ctx, maria, mariaXrays.startsAt, true)
  addVitals(ctx, maria, mariaLast.startsAt, true)
  addSmokingStatus(ctx, maria, SMOKING_STATUSES.never, mariaLast.date)

  addProblem(ctx, luis, CONDITIONS.hypertension, addYears(today, -5))
  addProblem(ctx, luis, CONDITIONS.hyperlipidemia, addYears(today, -3))
  addProblem(ctx, luis, CONDITIONS.bruxism, addDays(today, -30))
  addMedication(ctx, luis, MEDICATIONS.lisinopril, addYears(today, -5))
  addMedication(ctx, luis, MEDICATIONS.atorvastatin, addYears(today, -3))
  addMedication(ctx, luis, MEDICATIONS.ibuprofen, luisEndo.date, addDays(luisEndo.date, 4))
  addAllergy(ctx, luis, ALLERGENS.codeine, REACTIONS.nausea, 'mild', addYears(today, -20))
  addImmunization(ctx, luis, VACCINES.covidModerna, addDays(flu, -20))
  addImmunization(ctx, luis, VACCINES.influenza, addDays(flu, 3), true)
  addVitals(ctx, luis, luisEndo.startsAt, true)
  addVitals(ctx, luis, luisLast.startsAt, true)
  addLab(ctx, luis, LAB_TESTS.cholesterol, clock.at(addDays(today, -90), 8 * 60), true)
  addLab(ctx, luis, LAB_TESTS.glucose, clock.at(addDays(today, -90), 8 * 60))
  addSmokingStatus(ctx, luis, SMOKING_STATUSES.former, luisLast.date)

  const sofiaBirth = sofia.patient.birthdate as CalendarDate
  addProblem(ctx, sofia, CONDITIONS.asthma, addYears(sofiaBirth, 4))
  addMedication(ctx, sofia, MEDICATIONS.albuterol, addYears(sofiaBirth, 4))
  addAllergy(ctx, sofia, ALLERGENS.peanut, REACTIONS.anaphylaxis, 'severe', addYears(sofiaBirth, 2))
  addImmunization(ctx, sofia, VACCINES.hepBPediatric, sofiaBirth)
  addImmunization(ctx, sofia, VACCINES.hepBPediatric, addMonths(sofiaBirth, 1))
  addImmunization(ctx, sofia, VACCINES.dtap, addMonths(sofiaBirth, 2))
  addImmunization(ctx, sofia, VACCINES.dtap, addMonths(sofiaBirth, 4))
  addImmunization(ctx, sofia, VACCINES.dtap, addMonths(sofiaBirth, 6))
  addImmunization(ctx, sofia, VACCINES.hepBPediatric, addMonths(sofiaBirth, 6))
  addImmunization(ctx, sofia, VACCINES.ipv, addMonths(sofiaBirth, 6))
  addImmunization(ctx, sofia, VACCINES.mmr, addMonths(sofiaBirth, 12))
  addImmunization(ctx, sofia, VACCINES.varicella, addMonths(sofiaBirth, 12))
  addImmunization(ctx, sofia, VACCINES.mmr, addYears(sofiaBirth, 5))
  addImmunization(ctx, sofia, VACCINES.influenza, addDays(flu, 12))
  addVitals(ctx, sofia, sofiaLast.startsAt, false)

  addImmunization(ctx, mateo, VACCINES.hpv, addYears(mateo.patient.birthdate as CalendarDate, 12))
  addSmokingStatus(ctx, mateo, SMOKING_STATUSES.never, mateoLast.date)
  addVitals(ctx, mateo, mateoLast.startsAt, true)

  return family.length + generateNewPatient(ctx, hashes)
}

/**
 * A patient the office just gave portal access: a one-time password never used, and the offer
 * to pick another user name at first sign-in.
 */
function generateNewPatient(ctx: DemoContext, hashes: DemoPasswordHashes): number {
  const { today, setup, clock } = ctx
  const clinic = setup.clinics[1]
  const externalId = ctx.ids.next('patients')
  const priya: Member = {
    patient: {
      external_id: externalId,
      guarantor: externalId,
      relationship_to_guarantor: 'Self',
      first_name: 'Priya',
      last_name: 'Shah',
      birthdate: addDays(addYears(today, -34), -41),
      birth_sex: 'F',
      status: 'Patient',
      email: 'priya.shah@example.com',
      phone_wireless: '(952) 555-0133',
      address1: '3920 Annapolis Lane N',
      address2: 'Apt 214',
      city: 'Plymouth',
      region: 'MN',
      postal_code: '55447',
      country: 'US',
      language: 'en',
      race_code: '2028-9',
      ethnicity_code: '2186-5',
      clinic_id: clinic.id,
      primary_provider_id: clinic.dentistId,
    },
    age: 34,
    clinic,
    isGuarantor: true,
  }
  addMembers(ctx, [priya])
  ctx.drafts.portalUsers.push({
    patient: externalId,
    username: 'new.patient',
    password_hash: hashes.newPatient,
    password_is_temporary: true,
    username_change_offered: false,
    created_by_staff_id: setup.staff.frontDesk,
    created_at: clock.at(addDays(today, -1), 16 * 60),
    password_changed_at: null,
    last_sign_in_at: null,
  })
  const visit = addAppointment(ctx, priya, {
    date: addDays(today, -14),
    kind: 'new',
    searchForward: false,
    procedures: [
      { code: procedure('D0150') },
      { code: procedure('D0210') },
      { code: procedure('D1110') },
    ],
  })
  ctx.drafts.recalls.push({
    external_id: ctx.ids.next('recalls'),
    patient: externalId,
    recall_type_id: setup.recallTypes.prophy,
    date_due: addMonths(visit.date, 6),
    date_previous: visit.date,
    status: 'Due',
  })
  addDocument(
    ctx,
    priya,
    ctx.files.consentForm,
    setup.categories.forms,
    'Consent for treatment',
    visit.startsAt,
  )
  return 1
}
