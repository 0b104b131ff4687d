import type { FastifyInstance, RouteOptions } from 'fastify'
import { expect, it } from 'vitest'
import type { Database } from '../platform/db/database.ts'
import { describeEachDatabase } from '../platform/db/testing.ts'
import { buildTestApp, TEST_ORIGIN } from '../testing/http.ts'
import { type RouteTarget, routeTargets, validRequest } from '../testing/routes.ts'
import { type SeededFamily, signedInStaff, useFamilyApp } from '../testing/suite.ts'

/**
 * Every route the app registers about one patient, and every staff route, asked by someone who
 * may not use it: no session, or a signed-in patient of another family. The routes come from the
 * app itself (buildApp's onRoute), so a route added tomorrow that forgets the guard fails here.
 */

const PATIENT_ROUTES = /^\/api\/portal\/patients\/:patientId(\/|$)/
const OFFICE_ROUTES = /^\/api\/office\//
/** Staff routes anyone may call: signing in, and signing out (which only clears a cookie). */
// Signing in and out, and first-run setup (its one-time token, not a session, is the guard).
const OFFICE_PUBLIC = new Set([
  'POST /api/office/session',
  'DELETE /api/office/session',
  'GET /api/office/setup',
  'POST /api/office/setup',
])

/** The Garcia family's real ids, so a route that checked only the id after the patient's passes. */
function garciaIds(seeded: SeededFamily): Record<string, number> {
  return {
    patientId: seeded.patients.sofia,
    appointmentId: seeded.appointments.sofiaNext,
    recallId: seeded.recall,
    documentId: seeded.documents.sofiaEarlier,
    statementId: seeded.statements.latestStatement,
  }
}

interface Asker {
  who: string
  cookie: string
  expected: number
}

/** Each target asked by each asker, with a body its schema accepts; the answers that differ. */
async function sweep(
  app: FastifyInstance,
  targets: RouteTarget[],
  askers: Asker[],
  ids: Record<string, number>,
) {
  const wrong: string[] = []
  for (const target of targets) {
    for (const asker of askers) {
      const request = validRequest(target, ids)
      const response = await app.inject({
        ...request,
        headers: { origin: TEST_ORIGIN, ...(asker.cookie ? { cookie: asker.cookie } : {}) },
      })
      if (response.statusCode !== asker.expected) {
        wrong.push(`${target.method} ${target.url} as ${asker.who}: ${response.statusCode}`)
      }
    }
  }
  return wrong
}

const auditRowsAbout = async (db: Database, patientIds: number[]) =>
  (
    await db
      .selectFrom('audit_events')
      .select(({ fn }) => fn.countAll<string>().as('count'))
      .where('patient_id', 'in', patientIds)
      .executeTakeFirstOrThrow()
  ).count

describeEachDatabase('the access guard on every route', (kind) => {
  const routes: RouteOptions[] = []
  const suite = useFamilyApp(kind, { onRoute: (route) => routes.push(route) })

  /** The patient routes among those registered, each asked by three who may not see Sofia. */
  const sweepPatientRoutes = (on: FastifyInstance, registered: RouteOptions[]) => {
    const targets = routeTargets(registered).filter((target) => PATIENT_ROUTES.test(target.url))
    const askedBy = [
      { who: 'nobody', cookie: '', expected: 401 },
      // Ann Smith is of the same practice, another family.
      { who: 'another family', cookie: suite.cookies.ann, expected: 404 },
      // Luis is a Garcia, but Maria represents Sofia, not he.
      { who: 'a relative who does not represent her', cookie: suite.cookies.luis, expected: 404 },
    ]
    return { targets, wrong: sweep(on, targets, askedBy, garciaIds(suite.family)) }
  }

  it('answers 401 without a session and 404 for a patient outside the family, and audits no read of them', async () => {
    const garcia = Object.values(suite.family.patients).filter(
      (id) => id !== suite.family.patients.smith,
    )
    const auditedBefore = await auditRowsAbout(suite.db, garcia)
    const { targets, wrong } = sweepPatientRoutes(suite.app, routes)
    expect(await wrong).toEqual([])
    expect(await auditRowsAbout(suite.db, garcia)).toBe(auditedBefore)
    // Every tab's routes were found: appointments, account, plans, images and summary.
    expect(targets.length).toBeGreaterThanOrEqual(17)
  })

  it('catches a patient route registered without the guard', async () => {
    const registered: RouteOptions[] = []
    const probe = await buildTestApp(suite.database, { onRoute: (route) => registered.push(route) })
    probe.app.get('/api/portal/patients/:patientId/forgot-the-guard', async () => ({ ok: true }))
    try {
      expect(await sweepPatientRoutes(probe.app, registered).wrong).toEqual([
        'GET /api/portal/patients/:patientId/forgot-the-guard as nobody: 200',
        'GET /api/portal/patients/:patientId/forgot-the-guard as another family: 200',
        'GET /api/portal/patients/:patientId/forgot-the-guard as a relative who does not represent her: 200',
      ])
    } finally {
      await probe.close()
    }
  })

  it('answers 401 on every staff route to no session and to a patient’s session', async () => {
    const targets = routeTargets(routes).filter(
      (target) =>
        OFFICE_ROUTES.test(target.url) && !OFFICE_PUBLIC.has(`${target.method} ${target.url}`),
    )
    const wrong = await sweep(
      suite.app,
      targets,
      [
        { who: 'nobody', cookie: '', expected: 401 },
        { who: 'a patient', cookie: suite.cookies.maria, expected: 401 },
      ],
      garciaIds(suite.family),
    )
    expect(wrong).toEqual([])
    expect(targets.length).toBeGreaterThanOrEqual(14)
  })

  it('answers 403 on every staff route to a member who has not replaced a one-time password', async () => {
    const member = await signedInStaff(suite, {
      practiceId: suite.family.practiceId,
      username: 'paper.admin',
      role: 'admin',
      passwordIsTemporary: true,
    })
    const allowed = new Set([
      ...OFFICE_PUBLIC,
      'GET /api/office/session',
      'POST /api/office/session/password',
      // Two-step sign-in (its code, or adding the app the policy asks for) comes first.
      'POST /api/office/session/second-factor',
      'POST /api/office/security/app',
      'POST /api/office/security/app/confirm',
      'POST /api/office/session/second-factor/passkey/options',
      'POST /api/office/session/second-factor/passkey',
      'POST /api/office/security/passkeys/options',
      'POST /api/office/security/passkeys',
    ])
    const targets = routeTargets(routes).filter(
      (target) => OFFICE_ROUTES.test(target.url) && !allowed.has(`${target.method} ${target.url}`),
    )
    const askedBy = [{ who: 'a one-time password holder', cookie: member.cookie, expected: 403 }]
    expect(await sweep(suite.app, targets, askedBy, garciaIds(suite.family))).toEqual([])
    expect(targets.length).toBeGreaterThanOrEqual(14)
  })
})
