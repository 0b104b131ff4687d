import { expect, it } from 'vitest'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { seedPractice } from '../../testing/fixtures.ts'
import { useTestApp } from '../../testing/suite.ts'

describeEachDatabase('public privacy policy', (kind) => {
  const suite = useTestApp(kind)

  it('answers 404 before a practice exists, then the policy the office wrote', async () => {
    expect((await suite.app.inject('/api/public/privacy-policy')).statusCode).toBe(404)
    const practiceId = await seedPractice(suite.db)
    await suite.db
      .insertInto('portal_settings')
      .values({ practice_id: practiceId, privacy_policy: 'We keep your records private.' })
      .onConflict((oc) =>
        oc.column('practice_id').doUpdateSet({ privacy_policy: 'We keep your records private.' }),
      )
      .execute()
    const answer = await suite.app.inject('/api/public/privacy-policy')
    expect(answer.statusCode).toBe(200)
    expect(answer.json()).toEqual({ policy: 'We keep your records private.' })
  })
})
