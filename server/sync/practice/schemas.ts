import { type Static, Type } from 'typebox'
import { Opt } from '../collections/fields.ts'

export const SyncPractice = Type.Object(
  {
    npi: Opt(
      Type.String({
        pattern: '^\\d{10}$',
        description:
          "The practice's organization NPI (Type 2): care summaries name their custodian by it.",
      }),
    ),
  },
  { additionalProperties: false, $id: 'SyncPractice', examples: [{ npi: '1234567893' }] },
)
export type SyncPractice = Static<typeof SyncPractice>

export const SyncPracticeView = Type.Object({
  name: Type.String({ description: 'Set in the office console; read only here.' }),
  npi: Type.Union([Type.String(), Type.Null()]),
})
