import { beforeAll, expect, it } from 'vitest'
import { createBackgroundWorker } from '../../background.ts'
import { describeEachDatabase } from '../../platform/db/testing.ts'
import { seedPortalPatient, seedPractice } from '../../testing/fixtures.ts'
import { TEST_ORIGIN } from '../../testing/http.ts'
import { useTestApp } from '../../testing/suite.ts'

/** Problems, answers and emails come in the language of the page that asked (issue 16). */
describeEachDatabase('sign-in pages in the reader’s language', (kind) => {
  const suite = useTestApp(kind)

  beforeAll(async () => {
    const practiceId = await seedPractice(suite.db)
    await seedPortalPatient(suite.db, {
      practiceId,
      first_name: 'Ana',
      last_name: 'Silva',
      email: 'ana@example.test',
      username: 'ana.silva',
      password: 'ana password 1',
    })
  })

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    suite.app.inject({ method: 'POST', url, payload, headers: { origin: TEST_ORIGIN, ...headers } })

  it('refuses a wrong password in the browser’s language, or the one chosen on the page', async () => {
    const wrong = { username: 'ana.silva', password: 'not it at all' }
    const spanish = await post('/api/portal/session', wrong, {
      'accept-language': 'es-MX,es;q=0.9',
    })
    expect(spanish.statusCode).toBe(401)
    expect(spanish.json()).toMatchObject({
      type: '/problems/sign-in-failed',
      title: 'No se pudo iniciar sesión',
      detail: 'El nombre de usuario o la contraseña no son correctos.',
    })
    const chosen = await post('/api/portal/session', wrong, {
      'accept-language': 'es-MX',
      cookie: 'bitewing-language=fr-CA',
    })
    expect(chosen.json().detail).toBe('Le nom d’utilisateur ou le mot de passe est erroné.')
    const english = await post('/api/portal/session', wrong, {})
    expect(english.json().detail).toBe('The user name or password is not right.')
  })

  it('translates field messages too', async () => {
    const answer = await post(
      '/api/portal/session',
      { username: 'ana.silva' },
      {
        'accept-language': 'fr-CA',
      },
    )
    expect(answer.statusCode).toBe(400)
    expect(answer.json()).toMatchObject({
      detail: 'Certains champs sont manquants ou invalides.',
    })
  })

  it('answers Forgot password and writes the reset email in the page’s language', async () => {
    const asked = await post(
      '/api/public/password-reset',
      { username: 'ana.silva' },
      {
        'accept-language': 'es',
      },
    )
    expect(asked.statusCode).toBe(202)
    expect(asked.json().message).toMatch(/^Si ese nombre de usuario .* 15 minutos\.$/)
    const worker = createBackgroundWorker({
      db: suite.db,
      files: suite.files,
      config: { smtpUrl: undefined, mailFrom: 'office@example.test' },
      secrets: suite.secrets,
    })
    while ((await worker.runDue()) > 0) {}
    const email = await suite.db
      .selectFrom('outgoing_emails')
      .select(['subject', 'text_body'])
      .where('kind', '=', 'password-reset')
      .executeTakeFirstOrThrow()
    expect(email.subject).toBe(
      'Su código para restablecer la contraseña del portal de Maple Grove Dental',
    )
    expect(email.text_body).toContain('Olvidé mi contraseña')
  })
})
