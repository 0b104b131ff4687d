import type { FastifyRequest } from 'fastify'
import { recordAudit } from '../platform/audit/audit.ts'
import { clientAddress } from '../platform/auth/client.ts'
import type { PortalContext } from '../platform/auth/portal-guard.ts'
import type { Database } from '../platform/db/database.ts'

/** Every read or export of health information is audited: who, which patient, what. */
export async function auditPatientRead(
  db: Database,
  request: FastifyRequest,
  access: PortalContext & { patientId: number },
  action: string,
  target?: { type: string; id: number },
) {
  await recordAudit(db, {
    practiceId: access.user.practice_id,
    actor: { type: 'portal_user', portalUserId: access.user.id },
    action,
    patientId: access.patientId,
    ip: clientAddress(request),
    ...(target ? { targetType: target.type, targetId: target.id } : {}),
  })
}
