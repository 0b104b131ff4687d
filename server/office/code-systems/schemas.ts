import { Type } from 'typebox'
import { Nullable } from '../../practice/schemas.ts'

/** What an import brought in, as the status and the import's own answer show it. */
const Imported = {
  version: Type.String(),
  codeCount: Type.Integer(),
  importedAt: Type.String(),
}

const ImportView = Type.Object({ ...Imported, importedBy: Nullable(Type.String()) })

export const CodeSystemsView = Type.Object({
  /** Both systems imported: care summaries are created for this practice's patients. */
  ready: Type.Boolean(),
  systems: Type.Array(
    Type.Object({
      system: Type.Union([Type.Literal('SNOMEDCT'), Type.Literal('CVX')]),
      label: Type.String(),
      latest: Nullable(ImportView),
    }),
  ),
})

export const ImportResultView = Type.Object({ system: Type.String(), ...Imported })

export const SnomedUploadQuery = Type.Object({
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
})
