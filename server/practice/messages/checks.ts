import type { Database } from '../../platform/db/database.ts'
import { Invalid, NotFound } from '../../platform/http/problems.ts'
import { findMessage, providerExists } from './queries.ts'

/**
 * What the office and the portal both check before a message is sent: the provider it names is
 * one of the practice's (and may be written to), and the message it answers is one the writer
 * may read (`readable`: the family's patients; the office reads them all), about the same
 * patient, so a reply stays in its thread. Returns the id of the message it answers, or null.
 */
export async function checkProviderAndThread(
  db: Database,
  practiceId: number,
  input: { providerId: number | null; inReplyToId?: number | undefined },
  about: {
    patientId: number
    readable?: readonly number[]
    /** The request's field that names the patient, for the refused reply's problem. */
    patientField: string
    /** What the refused provider's problem says (the office and the family word it apart). */
    providerProblem: string
  },
): Promise<number | null> {
  if (input.providerId !== null && !(await providerExists(db, practiceId, input.providerId))) {
    throw new Invalid('The message cannot be sent.', { providerId: about.providerProblem })
  }
  if (input.inReplyToId === undefined) return null
  const original = await findMessage(db, practiceId, input.inReplyToId, about.readable)
  if (!original) throw new NotFound('No such message.')
  if (original.patient_id !== about.patientId) {
    throw new Invalid('The message cannot be sent.', {
      [about.patientField]: 'A reply is about the same patient as the message it answers.',
    })
  }
  return original.id
}
