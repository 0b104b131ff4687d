import type { FastifyReply, FastifyRequest } from 'fastify'

/** Separate cookies, so a staff member can test the portal in the same browser as the console. */
export const SESSION_COOKIES = { portal: 'bitewing_portal', office: 'bitewing_office' } as const
export type CookieRealm = keyof typeof SESSION_COOKIES

export interface CookiePolicy {
  /** `Secure` outside development (DESIGN: sessions). */
  secure: boolean
}

export function setSessionCookie(
  reply: FastifyReply,
  realm: CookieRealm,
  token: string,
  policy: CookiePolicy,
) {
  // No Max-Age: the cookie dies with the browser, the session with its idle/absolute limit.
  reply.setCookie(SESSION_COOKIES[realm], token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
  })
}

export function clearSessionCookie(reply: FastifyReply, realm: CookieRealm, policy: CookiePolicy) {
  reply.clearCookie(SESSION_COOKIES[realm], {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure,
  })
}

export function sessionToken(request: FastifyRequest, realm: CookieRealm): string | undefined {
  const value = request.cookies[SESSION_COOKIES[realm]]
  return value && value.length <= 100 ? value : undefined
}
