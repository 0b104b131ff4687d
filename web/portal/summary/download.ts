import { ApiError, readProblem } from '../../ui/api.ts'
import { fileNameFrom } from './rules.ts'

/**
 * Saves a file from the API as a real download, under the name the server gives. It is fetched
 * first (not a plain link) so that a refusal is shown as a sentence in the page rather than as
 * a broken download, and so the page knows when the server has recorded the download.
 */
export async function saveDownload(path: string, fallbackName: string): Promise<string> {
  let response: Response
  try {
    response = await fetch(path, { credentials: 'same-origin' })
  } catch {
    throw new ApiError({
      type: 'network',
      title: 'No connection',
      status: 0,
      detail: 'The server could not be reached. Check your connection and try again.',
    })
  }
  if (!response.ok) throw new ApiError(await readProblem(response))
  const name = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName)
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The browser reads the blob after the click returns; give it time before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return name
}
