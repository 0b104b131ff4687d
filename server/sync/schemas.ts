import { Type } from 'typebox'
import { ExternalId } from './collections/fields.ts'

/** The HTTP shapes of the sync API around the collections' own schemas. */

export const ExternalIdParams = Type.Object(
  { externalId: ExternalId },
  { additionalProperties: false },
)

export const MAX_BATCH_OPERATIONS = 1000

export const UpsertOutcome = Type.Enum(['created', 'updated', 'unchanged'])
export const RemoveOutcome = Type.Enum(['deleted', 'absent'])

export const BatchOperation = Type.Object(
  {
    op: Type.Enum(['put', 'delete'], { description: 'put: as PUT; delete: as DELETE' }),
    collection: Type.String({ minLength: 1, maxLength: 40, description: 'e.g. patients' }),
    externalId: ExternalId,
    body: Type.Optional(
      Type.Object(
        {},
        {
          additionalProperties: true,
          description: "For put: the collection's PUT body, checked against its schema.",
        },
      ),
    ),
  },
  { additionalProperties: false, $id: 'SyncBatchOperation' },
)

export const BatchRequest = Type.Object(
  {
    operations: Type.Array(BatchOperation, {
      minItems: 1,
      maxItems: MAX_BATCH_OPERATIONS,
      description:
        'Applied in order in one transaction: all or nothing. A reference may name a row put earlier in the batch.',
    }),
  },
  { additionalProperties: false, $id: 'SyncBatchRequest' },
)

export const BatchResult = Type.Object(
  {
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    deleted: Type.Integer(),
    absent: Type.Integer(),
    /** Each operation's outcome, in order. */
    outcomes: Type.Array(Type.Union([UpsertOutcome, RemoveOutcome])),
  },
  { additionalProperties: false, $id: 'SyncBatchResult' },
)

export const ProblemDetails = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Record(Type.String(), Type.String(), {
        description: 'Field errors by path, e.g. operations/3/birthdate',
      }),
    ),
  },
  { $id: 'ProblemDetails' },
)
