import type { PatientStatus } from '../../platform/db/schema.ts'

/** Only these patients may download shared images (SPEC: Images); others may only view them. */
const MAY_DOWNLOAD: PatientStatus[] = ['Patient', 'NonPatient', 'Inactive']

export function mayDownloadImages(status: PatientStatus): boolean {
  return MAY_DOWNLOAD.includes(status)
}

export { type ServedType, sniffContentType } from '../../platform/files/types.ts'

import type { ServedType } from '../../platform/files/types.ts'

export function isImage(type: ServedType | undefined): boolean {
  return type?.startsWith('image/') ?? false
}
