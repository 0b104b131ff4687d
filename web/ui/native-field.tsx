import { type ReactNode, useId } from 'react'
import { FieldProblem } from './field-problem.tsx'

/** What the native control in a `NativeField` takes: the label's target and its problem's ARIA. */
export interface NativeControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/**
 * A native control (`<input>`, `<select>`) with its label and, under it, its problem, which marks
 * the control invalid and describes it. For controls React Aria does not draw: the sign-in page
 * loads without it (bench `web`), and a native `<select>` is the quickest to search by typing.
 */
export function NativeField({
  label,
  problem,
  children,
}: {
  label: ReactNode
  problem?: string | undefined | null
  children: (control: NativeControlProps) => ReactNode
}) {
  const id = useId()
  const problemId = `${id}-problem`
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': problem ? true : undefined,
        'aria-describedby': problem ? problemId : undefined,
      })}
      <FieldProblem id={problemId} message={problem} />
    </div>
  )
}
