import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { treatmentPlans } from './plans.ts'
import { useSyncedFamily } from './testing.ts'

const plan = {
  patientExternalId: 'sofia',
  heading: 'Sealants',
  planDate: '2026-04-02',
  note: 'Before the summer',
  status: 'Saved',
  rows: [
    { priority: '1', tooth: '3', code: 'D1351', description: 'Sealant', feeCents: 5_500 },
    {
      priority: '1',
      tooth: '14',
      surface: 'O',
      code: 'D1351',
      description: 'Sealant',
      feeCents: 5_500,
      primaryInsuranceCents: 4_400,
      patientPortionCents: 1_100,
    },
  ],
}

describeEachDatabase('sync collections: treatment plans', (kind) => {
  const family = useSyncedFamily(kind)

  const plansTab = async () =>
    (await family.portal(`${family.seeded.patients.sofia}/plans`)).json().plans
  const rowIds = () =>
    family.db.selectFrom('treatment_plan_rows').select('id').orderBy('id').execute()

  it('creates a saved plan the Plan tab shows, rows in order with totals', async () => {
    expect(await family.put(treatmentPlans, 'tp-1', plan)).toBe('created')
    const [shown] = await plansTab()
    expect(shown).toMatchObject({
      heading: 'Sealants',
      date: '2026-04-02',
      note: 'Before the summer',
    })
    expect(shown.rows).toEqual([
      expect.objectContaining({
        tooth: '3',
        surface: null,
        feeCents: 5_500,
        patientPortionCents: 0,
      }),
      expect.objectContaining({ tooth: '14', surface: 'O', primaryInsuranceCents: 4_400 }),
    ])
    expect(shown.totals).toMatchObject({ feeCents: 11_000, patientPortionCents: 1_100 })
  })

  it('writes nothing, rows included, when the same plan comes again', async () => {
    const rows = await rowIds()
    const version = await family.rowVersion('treatment_plans', 'tp-1')
    expect(await family.put(treatmentPlans, 'tp-1', plan)).toBe('unchanged')
    expect(await rowIds()).toEqual(rows)
    expect(await family.rowVersion('treatment_plans', 'tp-1')).toBe(version)
  })

  it('updates changed rows', async () => {
    const changed = { ...plan, rows: [plan.rows[1]] }
    expect(await family.put(treatmentPlans, 'tp-1', changed)).toBe('updated')
    const [shown] = await plansTab()
    expect(shown.rows.map((row: { tooth: string }) => row.tooth)).toEqual(['14'])
    expect(await family.put(treatmentPlans, 'tp-1', changed)).toBe('unchanged')
  })

  it('keeps the working (Active) plan from the portal', async () => {
    expect(await family.put(treatmentPlans, 'tp-1', { ...plan, status: 'Active' })).toBe('updated')
    expect(await plansTab()).toEqual([])
    await family.put(treatmentPlans, 'tp-1', plan)
  })

  it('refuses an unknown patient with 422 naming the field', async () => {
    const refused = family.put(treatmentPlans, 'tp-2', { ...plan, patientExternalId: 'nobody' })
    await expect(refused).rejects.toMatchObject({
      status: 422,
      errors: { patientExternalId: expect.any(String) },
    })
  })

  it('hides a deleted plan with its rows; a second delete changes nothing', async () => {
    expect(await family.remove(treatmentPlans, 'tp-1')).toBe(true)
    expect(await plansTab()).toEqual([])
    expect(await family.read(treatmentPlans, 'tp-1')).toBeNull()
    expect(await family.remove(treatmentPlans, 'tp-1')).toBe(false)
  })
})
