/**
 * Whether the mail server refused for good: SMTP's 5xx replies are permanent (RFC 5321 §4.2.1),
 * so sending the same message again can only be refused again; 4xx replies and failures to
 * connect are temporary and worth retrying. Nodemailer puts the reply's code on its errors.
 */
export function isPermanentRefusal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = (error as { responseCode?: unknown }).responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}
