import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'

/**
 * A passkey authenticator in software, for server tests: a P-256 key from node:crypto, and the
 * registration ('none' attestation) and assertion bytes the WebAuthn spec lays out (§6.1 the
 * authenticator data, §6.5.4 packed credential public keys as COSE, §6.3.3 the signature over
 * authenticatorData ‖ SHA-256(clientDataJSON)). The server checks them with its real library.
 */
export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(16)
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  signCount = 0
  /** Authenticators that keep no counter (most synced passkeys) always send 0. */
  constructor(
    private readonly origin: string,
    private readonly options: { counter?: boolean; userVerified?: boolean } = {},
  ) {}

  get id(): string {
    return this.credentialId.toString('base64url')
  }

  /** The browser's answer to navigator.credentials.create() with these options. */
  register(options: { challenge: string; rp: { id?: string } }) {
    const rpId = options.rp.id ?? new URL(this.origin).hostname
    const clientData = this.clientData('webauthn.create', options.challenge)
    const jwk = this.keys.publicKey.export({ format: 'jwk' })
    const cose = cbor(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x as string, 'base64url')],
        [-3, Buffer.from(jwk.y as string, 'base64url')],
      ]),
    )
    const idLength = Buffer.alloc(2)
    idLength.writeUInt16BE(this.credentialId.length)
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, cose])
    const authData = Buffer.concat([this.authData(rpId, 0x40), attested])
    const attestationObject = cbor(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    )
    return this.credential({
      clientDataJSON: clientData.toString('base64url'),
      attestationObject: attestationObject.toString('base64url'),
      transports: ['internal'],
    })
  }

  /** The browser's answer to navigator.credentials.get() with these options. */
  assert(options: { challenge: string; rpId?: string }, origin = this.origin) {
    if (this.options.counter) this.signCount += 1
    const rpId = options.rpId ?? new URL(this.origin).hostname
    const clientData = this.clientData('webauthn.get', options.challenge, origin)
    const authData = this.authData(rpId, 0)
    const signed = Buffer.concat([authData, createHash('sha256').update(clientData).digest()])
    return this.credential({
      clientDataJSON: clientData.toString('base64url'),
      authenticatorData: authData.toString('base64url'),
      signature: sign('sha256', signed, this.keys.privateKey).toString('base64url'),
    })
  }

  /** The PublicKeyCredential a browser hands back: this authenticator's id around a response. */
  private credential<Response>(response: Response) {
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      response,
      clientExtensionResults: {},
    }
  }

  private clientData(type: string, challenge: string, origin = this.origin) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }))
  }

  /** rpIdHash, flags (user present, user verified unless told not, plus `extra`), counter. */
  private authData(rpId: string, extra: number) {
    const verified = this.options.userVerified === false ? 0 : 0x04
    const counter = Buffer.alloc(4)
    counter.writeUInt32BE(this.signCount)
    return Buffer.concat([
      createHash('sha256').update(rpId).digest(),
      Buffer.from([0x01 | verified | extra]),
      counter,
    ])
  }
}

/** The little CBOR (RFC 8949) these structures need: integers, text, bytes and maps. */
function cbor(value: unknown): Buffer {
  if (typeof value === 'number') {
    return value >= 0 ? head(0, value) : head(1, -1 - value)
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8')
    return Buffer.concat([head(3, bytes.length), bytes])
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value])
  if (value instanceof Map) {
    const parts = [head(5, value.size)]
    for (const [key, item] of value) parts.push(cbor(key), cbor(item))
    return Buffer.concat(parts)
  }
  throw new Error(`cbor: cannot encode ${typeof value}`)
}

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length])
  if (length < 256) return Buffer.from([(major << 5) | 24, length])
  const buffer = Buffer.alloc(3)
  buffer[0] = (major << 5) | 25
  buffer.writeUInt16BE(length, 1)
  return buffer
}
