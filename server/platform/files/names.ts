/**
 * A file name safe inside a Content-Disposition header and on any disk, keeping the extension:
 * what a patient or the PMS named a file is never trusted as it is.
 */
export function safeFileName(fileName: string, fallback: string): string {
  const cleaned = fileName
    .replace(/[^\w.\- ]+/g, '_')
    .replace(/^[.\s]+/, '')
    .slice(0, 100)
  return cleaned || fallback
}
