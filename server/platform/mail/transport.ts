import nodemailer from 'nodemailer'

/** An SMTP transport from `SMTP_URL`, or undefined to keep emails in the database only. */
export function createMailTransport(smtpUrl: string | undefined) {
  if (!smtpUrl) return undefined
  return nodemailer.createTransport(smtpUrl)
}
