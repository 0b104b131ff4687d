/**
 * What is wrong with a field, under it; the field points at `id` with aria-describedby (and
 * aria-invalid) so a screen reader reads it with the field. `announce` also says it at once, for
 * a problem that appears without the person moving to the field.
 */
export function FieldProblem({
  id,
  message,
  announce = false,
}: {
  id: string
  message: string | undefined | null
  announce?: boolean
}) {
  if (!message) return null
  return (
    <p id={id} className="field-error" role={announce ? 'alert' : undefined}>
      {message}
    </p>
  )
}
