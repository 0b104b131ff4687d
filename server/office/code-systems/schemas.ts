import { Type } from 'typebox'
import { Nullable } from '../../practice/schemas.ts'

const ImportView = Type.Object({
  version: Type.String(),
  codeCount: Type.Integer(),
  importedAt: Type.String(),
  importedBy: Nullable(Type.String()),
})

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

export const ImportResultView = Type.Object({
  system: Type.String(),
  version: Type.String(),
  codeCount: Type.Integer(),
  importedAt: Type.String(),
})

export const SnomedUploadQuery = Type.Object({
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
})
