import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import { hashPassword } from '../platform/auth/passwords.ts'
import { describeEachDatabase } from '../platform/db/testing.ts'
import { seedPatient, seedPortalUser, seedPractice, seedStaff } from '../testing/fixtures.ts'
import { useTestDatabase } from '../testing/suite.ts'
import { DEMO_SIGN_INS } from './sign-ins.ts'
import { workingDemoSignIns, workingDemoSignInsKept } from './working-sign-ins.ts'

describeEachDatabase('the start banner’s demo sign-ins', (kind) => {
  const suite = useTestDatabase(kind)
  beforeAll(async () => {
    const practiceId = await seedPractice(suite.db)
    for (const signIn of DEMO_SIGN_INS) {
      if (signIn.where === 'office') {
        await seedStaff(suite.db, {
          practiceId,
          username: signIn.username,
          password: signIn.password,
        })
        continue
      }
      const patientId = await seedPatient(suite.db, {
        practiceId,
        first_name: signIn.username,
        last_name: 'Demo',
      })
      await seedPortalUser(suite.db, {
        practiceId,
        patientId,
        username: signIn.username,
        password: signIn.password,
      })
    }
  })

  const usernames = async () =>
    (await workingDemoSignIns(suite.db)).map((signIn) => signIn.username)

  it('checks each stored hash once, and remembers the answer in the data folder', async () => {
    const known = new Map<string, boolean>()
    expect(await workingDemoSignIns(suite.db, known)).toHaveLength(4)
    expect(known.size).toBe(4)
    // What is remembered is what counts: no hash is checked again.
    for (const key of known.keys()) known.set(key, false)
    expect(await workingDemoSignIns(suite.db, known)).toEqual([])

    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bitewing-banner-'))
    try {
      expect(await workingDemoSignInsKept(suite.db, dataDir)).toHaveLength(4)
      const file = path.join(dataDir, 'demo-sign-ins.json')
      const saved = JSON.parse(await fs.readFile(file, 'utf8'))
      expect(Object.values(saved)).toEqual([true, true, true, true])
      await fs.writeFile(file, JSON.stringify(Object.fromEntries(known)))
      expect(await workingDemoSignInsKept(suite.db, dataDir)).toEqual([])
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true })
    }
  })

  it('lists every sign-in while it works, and only those that still work', async () => {
    expect(await usernames()).toEqual(['maria.garcia', 'luis.garcia', 'new.patient', 'admin'])

    await suite.db
      .updateTable('portal_users')
      .set({ password_hash: await hashPassword('Maria-changed-it-1') })
      .where('username', '=', 'maria.garcia')
      .execute()
    await suite.db
      .updateTable('portal_users')
      .set({ removed_at: new Date() })
      .where('username', '=', 'new.patient')
      .execute()
    await suite.db
      .updateTable('staff_users')
      .set({ is_active: false })
      .where('username', '=', 'admin')
      .execute()
    expect(await usernames()).toEqual(['luis.garcia'])

    await suite.db.deleteFrom('portal_users').where('username', '=', 'luis.garcia').execute()
    expect(await usernames()).toEqual([])
  })
})
