import { enabledFeatures } from '../../platform/auth/access-rules.ts'
import type { PortalContext } from '../../platform/auth/portal-guard.ts'
import { sessionDeadline } from '../../platform/auth/session-rules.ts'

/** The signed-in user as the portal shell sees it: names and switches, no health information. */
export function portalSessionView(context: PortalContext) {
  const { session, user, settings } = context
  return {
    stage: context.stage,
    username: user.username,
    canChangeUsername: user.password_is_temporary && !user.username_change_offered,
    // A password alone shows no one's name: the family waits for the second factor.
    family: (context.stage === 'second-factor' ? [] : context.family).map((member) => ({
      id: member.id,
      firstName: member.first_name,
      lastName: member.last_name,
      preferredName: member.preferred_name,
      status: member.status,
      self: member.id === user.patient_id,
    })),
    features: enabledFeatures(settings),
    idleTimeoutMinutes: session.idle_timeout_minutes,
    expiresAt: sessionDeadline({
      lastSeenAt: session.last_seen_at,
      expiresAt: session.expires_at,
      idleTimeoutMinutes: session.idle_timeout_minutes,
      endedAt: session.ended_at,
    }).toISOString(),
    practiceName: context.practice.name,
    privacyPolicy: settings.privacy_policy,
  }
}
