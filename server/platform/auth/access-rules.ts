/** The portal's tabs (and payments), each switched on or off in Portal Settings. */
export const PORTAL_FEATURES = [
  'appointments',
  'account',
  'plan',
  'messages',
  'summary',
  'images',
  'payments',
] as const
export type PortalFeature = (typeof PORTAL_FEATURES)[number]

export interface FeatureSwitches {
  feature_appointments: boolean
  feature_account: boolean
  feature_treatment_plan: boolean
  feature_webmail: boolean
  feature_care_summary: boolean
  feature_images: boolean
  feature_make_payments: boolean
}

// Portal Settings' column for each feature (names follow the office console's labels).
const SWITCH: Record<PortalFeature, keyof FeatureSwitches> = {
  appointments: 'feature_appointments',
  account: 'feature_account',
  plan: 'feature_treatment_plan',
  messages: 'feature_webmail',
  summary: 'feature_care_summary',
  images: 'feature_images',
  payments: 'feature_make_payments',
}

export function featureEnabled(settings: FeatureSwitches, feature: PortalFeature): boolean {
  return settings[SWITCH[feature]]
}

export function enabledFeatures(settings: FeatureSwitches): PortalFeature[] {
  return PORTAL_FEATURES.filter((feature) => featureEnabled(settings, feature))
}

/** Where a signed-in portal user stands: a step still owed before the portal opens, or ready. */
export type SignInStage =
  | 'second-factor'
  | 'change-password'
  | 'verify'
  | 'second-factor-setup'
  | 'ready'

export function signInStage(input: {
  passwordIsTemporary: boolean
  verificationRequired: boolean
  verifiedAt: Date | null
  /** The session's second_factor_step: a code owed comes first, an app to add after the rest. */
  secondFactorStep?: string
}): SignInStage {
  if (input.secondFactorStep === 'answer') return 'second-factor'
  if (input.passwordIsTemporary) return 'change-password'
  if (input.verificationRequired && !input.verifiedAt) return 'verify'
  if (input.secondFactorStep === 'enroll') return 'second-factor-setup'
  return 'ready'
}

/**
 * After this many wrong answers to "verify personal information", the session is ended and the
 * account locked (signing in again gives no new tries) until the office unlocks it or the lock
 * runs out.
 */
export const VERIFICATION_ATTEMPTS = 3
export const VERIFICATION_LOCK_HOURS = 24

/** Whether an account's verification misses lock it now. */
export function verificationLocked(
  account: { failures: number; lastFailedAt: Date | null },
  now: Date,
): boolean {
  if (account.failures < VERIFICATION_ATTEMPTS || !account.lastFailedAt) return false
  return now.getTime() - account.lastFailedAt.getTime() < VERIFICATION_LOCK_HOURS * 3_600_000
}
