import { z } from 'zod';
import { IdSchema, TimestampInputSchema, TimestampSchema, boundedText, pageSchema } from './common.js';

const isoCurrencies = new Set(Intl.supportedValuesOf('currency'));

/** An amount in minor units (cents), a positive integer (contract § Marketplace flow). */
export const MinorUnitsSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** An ISO 4217 currency code such as `EUR`, checked against the runtime's ICU currency list. */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
  .refine((code) => isoCurrencies.has(code), 'is not an ISO 4217 currency code');

// ---- requests -------------------------------------------------------------------------------

export const RequestStatusSchema = z.enum(['open', 'converted', 'closed']);

/** `POST /api/requests` body (clients only). `budget` is in minor units. */
export const CreateRequestBodySchema = z.object({
  title: boundedText(200),
  description: boundedText(10_000),
  budget: MinorUnitsSchema.optional(),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBodySchema>;

export const RequestSchema = z
  .object({
    id: IdSchema,
    clientId: IdSchema,
    title: z.string(),
    description: z.string(),
    budget: z.number().nullable(),
    status: RequestStatusSchema,
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Request' });
export type Request = z.infer<typeof RequestSchema>;

export const RequestPageSchema = pageSchema(RequestSchema);
export type RequestPage = z.infer<typeof RequestPageSchema>;

// ---- proposals ------------------------------------------------------------------------------

export const ProposalStatusSchema = z.enum(['pending', 'accepted', 'rejected', 'withdrawn']);

/** `POST /api/requests/:id/proposals` body (providers and agencies). Both timestamps must lie in the future. */
export const CreateProposalBodySchema = z.object({
  price: MinorUnitsSchema,
  currency: CurrencySchema,
  scope: boundedText(10_000),
  deadline: TimestampInputSchema,
  expiresAt: TimestampInputSchema,
});
export type CreateProposalBody = z.infer<typeof CreateProposalBodySchema>;

export const ProposalSchema = z
  .object({
    id: IdSchema,
    requestId: IdSchema,
    providerId: IdSchema,
    price: z.number(),
    currency: z.string(),
    scope: z.string(),
    deadline: TimestampSchema,
    expiresAt: TimestampSchema,
    status: ProposalStatusSchema,
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Proposal' });
export type Proposal = z.infer<typeof ProposalSchema>;

export const ProposalListSchema = z.object({ items: z.array(ProposalSchema) });
export type ProposalList = z.infer<typeof ProposalListSchema>;

// ---- projects -------------------------------------------------------------------------------

export const ProjectStatusSchema = z.enum(['active', 'completed', 'cancelled']);
export type ProjectStatus = z.infer<typeof ProjectStatusSchema>;

/** The terms copied from the accepted proposal and locked (`price` in minor units). */
export const ProjectTermsSchema = z.object({
  price: z.number(),
  currency: z.string(),
  scope: z.string(),
  deadline: TimestampSchema,
});

export const ProjectSchema = z
  .object({
    id: IdSchema,
    requestId: IdSchema,
    proposalId: IdSchema,
    clientId: IdSchema,
    providerId: IdSchema,
    agencyId: IdSchema.nullable(),
    title: z.string(),
    terms: ProjectTermsSchema,
    termsLockedAt: TimestampSchema,
    status: ProjectStatusSchema,
    workerIds: z.array(IdSchema),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectPageSchema = pageSchema(ProjectSchema);
export type ProjectPage = z.infer<typeof ProjectPageSchema>;

/**
 * `PATCH /api/projects/:id` body. Only `status` may change; naming `terms` or any of its fields
 * is accepted by the schema so that the service can answer `409 TERMS_LOCKED` (contract § Marketplace flow).
 */
export const PatchProjectBodySchema = z.object({
  status: z.enum(['completed', 'cancelled']).optional(),
  terms: z.unknown().optional(),
  price: z.unknown().optional(),
  currency: z.unknown().optional(),
  scope: z.unknown().optional(),
  deadline: z.unknown().optional(),
});
export type PatchProjectBody = z.infer<typeof PatchProjectBodySchema>;

/** `POST /api/projects/:id/workers` body (the project's agency). */
export const AssignWorkerBodySchema = z.object({ userId: IdSchema });
export type AssignWorkerBody = z.infer<typeof AssignWorkerBodySchema>;
