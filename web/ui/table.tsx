/** A column of a data table: its heading, `num` for right-aligned amounts, `hidden` for screen readers only. */
export type Column = string | { label: string; num?: boolean; hidden?: boolean }

/** The header row of a data table, every heading with `scope="col"`. */
export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const {
            label,
            num = false,
            hidden = false,
          } = typeof column === 'string' ? { label: column } : column
          return (
            <th key={label} scope="col" className={num ? 'num' : undefined}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}
