/** The demo practice's sign-ins: a contract with the README and the people trying Bitewing. */
export const DEMO_SIGN_INS = [
  {
    where: 'portal',
    username: 'maria.garcia',
    password: 'Bitewing-demo-1',
    who: 'Maria Garcia, representative of the Garcia family',
  },
  {
    where: 'portal',
    username: 'luis.garcia',
    password: 'Bitewing-demo-1',
    who: 'Luis Garcia, a patient who sees only himself',
  },
  {
    where: 'portal',
    username: 'new.patient',
    password: 'Welcome-2024',
    who: 'one-time password from the office, never used',
  },
  {
    where: 'office',
    username: 'admin',
    password: 'Bitewing-admin-1',
    who: 'practice administrator',
  },
] as const
