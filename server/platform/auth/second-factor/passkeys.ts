import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server'
import type { Database } from '../../db/database.ts'
import { Conflict, Invalid } from '../../http/problems.ts'
import type { SessionOwner } from '../sessions.ts'
import type { FactorOwner } from './commands.ts'
import { replaceRecoveryCodes } from './commands.ts'
import {
  advanceSignCount,
  type ChallengePurpose,
  claimChallenge,
  deletePasskey,
  findPasskey,
  insertPasskey,
  ownPasskeys,
  type Realm,
  splitTransports,
  storeChallenge,
} from './passkey-queries.ts'
import {
  countUnusedRecoveryCodes,
  deleteAllFactors,
  hasSecondFactor,
  lockFactorOwner,
} from './queries.ts'

/** Who passkeys are made for: the portal's own address (PUBLIC_URL), never the request's Host. */
/** SimpleWebAuthn and its certificate libraries (700 KB of code), loaded with the first passkey use. */
const webAuthn = () => import('@simplewebauthn/server')

export interface RelyingParty {
  id: string
  origin: string
}

export function relyingParty(publicUrl: string): RelyingParty {
  const url = new URL(publicUrl)
  return { id: url.hostname, origin: url.origin }
}

export interface ChallengeFor {
  practiceId: number
  realm: Realm
  purpose: ChallengePurpose
  owner?: SessionOwner
}

/** The challenge a browser signed, read from its client data; null when it is not there. */
export function signedChallenge(clientDataJSON: unknown): string | null {
  if (typeof clientDataJSON !== 'string' || clientDataJSON.length > 4000) return null
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'))
    return typeof data?.challenge === 'string' && data.challenge.length <= 200
      ? data.challenge
      : null
  } catch {
    return null
  }
}

type Transports = NonNullable<RegistrationResponseJSON['response']['transports']>
const transports = (list: string[]) => list as Transports

/**
 * Options for adding a passkey: a discoverable credential (so it can sign in without a user
 * name) verified by the device's own lock, not one the person already has on this device.
 */
export async function passkeyRegistrationOptions(
  db: Database,
  rp: RelyingParty,
  { owner, practiceId }: FactorOwner,
  names: { rpName: string; userName: string; displayName: string },
  now = new Date(),
) {
  const existing = await ownPasskeys(db, owner)
  const { generateRegistrationOptions } = await webAuthn()
  const options = await generateRegistrationOptions({
    rpName: names.rpName,
    rpID: rp.id,
    userName: names.userName,
    userDisplayName: names.displayName,
    attestationType: 'none',
    excludeCredentials: existing.map((key) => ({
      id: key.id,
      transports: transports(key.transports),
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  })
  const realm = owner.kind
  await storeChallenge(
    db,
    { practiceId, realm, purpose: 'register', owner },
    options.challenge,
    now,
  )
  return options
}

const NOT_ADDED = 'The passkey could not be added. Please try again.'

/**
 * Adds the passkey the browser made from our challenge (used up here). With no recovery codes
 * yet, the first passkey comes with them, as an app does: answers their text, shown once.
 */
export async function registerPasskey(
  db: Database,
  rp: RelyingParty,
  factorOwner: FactorOwner,
  body: { label: string; response: RegistrationResponseJSON },
  now = new Date(),
) {
  const { owner, practiceId } = factorOwner
  const challenge = signedChallenge(body.response.response?.clientDataJSON)
  const purpose = { practiceId, realm: owner.kind, purpose: 'register' as const, owner }
  if (!challenge || !(await claimChallenge(db, purpose, challenge, now))) {
    throw new Invalid('This request to add a passkey has expired. Please start again.')
  }
  const { verifyRegistrationResponse } = await webAuthn()
  const verification = await verifyRegistrationResponse({
    response: body.response,
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
  }).catch(() => null)
  if (!verification?.verified || !verification.registrationInfo) throw new Invalid(NOT_ADDED)
  const { credential } = verification.registrationInfo
  return db.transaction().execute(async (tx) => {
    await lockFactorOwner(tx, owner)
    const id = await insertPasskey(
      tx,
      practiceId,
      owner,
      {
        label: body.label.trim() || 'Passkey',
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        signCount: credential.counter,
        transports: credential.transports ?? [],
      },
      now,
    )
    if (id === undefined) throw new Invalid('This passkey was added already.')
    const codes =
      (await countUnusedRecoveryCodes(tx, owner)) === 0
        ? await replaceRecoveryCodes(tx, factorOwner)
        : []
    return { id, codes }
  })
}

/** Options for signing in with a passkey: any of this realm's (no user yet), or the owner's. */
export async function passkeySignInOptions(
  db: Database,
  rp: RelyingParty,
  challenge: ChallengeFor,
  now = new Date(),
) {
  const allowed = challenge.owner ? await ownPasskeys(db, challenge.owner) : []
  const { generateAuthenticationOptions } = await webAuthn()
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: allowed.map((key) => ({
      id: key.id,
      transports: transports(key.transports),
    })),
    userVerification: 'required',
  })
  await storeChallenge(db, challenge, options.challenge, now)
  return options
}

/**
 * Checks a passkey's signature over our challenge (used up whatever the outcome) and moves its
 * counter on; answers whose passkey it is, or null. For the second-factor step the passkey must
 * be the owner's.
 */
export async function checkPasskey(
  db: Database,
  rp: RelyingParty,
  challenge: ChallengeFor,
  response: AuthenticationResponseJSON,
  now = new Date(),
): Promise<{ factorId: number; owner: SessionOwner } | null> {
  const signed = signedChallenge(response.response?.clientDataJSON)
  if (!signed || !(await claimChallenge(db, challenge, signed, now))) return null
  const passkey = await findPasskey(db, challenge.practiceId, challenge.realm, response.id)
  if (!passkey?.public_key || !passkey.credential_id) return null
  const owner: SessionOwner =
    passkey.portal_user_id !== null
      ? { kind: 'portal', portalUserId: passkey.portal_user_id }
      : { kind: 'office', staffUserId: passkey.staff_user_id as number }
  if (challenge.owner && !sameOwner(challenge.owner, owner)) return null
  const { verifyAuthenticationResponse } = await webAuthn()
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: signed,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: true,
    credential: {
      id: passkey.credential_id,
      publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
      counter: Number(passkey.sign_count),
      transports: transports(splitTransports(passkey.transports)),
    },
  }).catch(() => null)
  if (!verification?.verified) return null
  const counter = verification.authenticationInfo.newCounter
  if (!(await advanceSignCount(db, passkey.id, counter, now))) return null
  return { factorId: passkey.id, owner }
}

function sameOwner(a: SessionOwner, b: SessionOwner) {
  if (a.kind === 'portal') return b.kind === 'portal' && a.portalUserId === b.portalUserId
  return b.kind === 'office' && a.staffUserId === b.staffUserId
}

/**
 * Removes one of the owner's passkeys (and, with no factor left, the recovery codes). Refused
 * when the practice requires a second factor and it is the last one.
 */
export async function removePasskey(
  db: Database,
  owner: SessionOwner,
  id: number,
  policy: { required: boolean },
) {
  return db.transaction().execute(async (tx) => {
    await lockFactorOwner(tx, owner)
    if (!(await deletePasskey(tx, owner, id))) return false
    if (!(await hasSecondFactor(tx, owner))) {
      if (policy.required) {
        throw new Conflict('Your dental office requires a second factor; add another first.')
      }
      await deleteAllFactors(tx, owner)
    }
    return true
  })
}
