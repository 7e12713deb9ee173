import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  enterpriseMembers,
  enterprises,
  initiativeFounders,
  type initiatives,
} from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { organisationSchema } from '../organisations/organisation.schema.ts';
import { saveOrganisation } from '../organisations/save-organisation.server.ts';
import type { FoundingInput } from './initiative.schema.ts';
import type { Ctx } from './initiatives-core.server.ts';

/** The directory's kind for each intended legal form. */
const KIND_BY_FORM: Record<string, string> = {
  social_cooperative: 'social_coop',
  worker_cooperative: 'worker_coop',
  association: 'association',
  foundation: 'foundation',
  non_profit_company: 'business',
  other: 'other',
};

export { PS_AIMS } from './initiative-stages.rules.ts';

/**
 * Founds the entity inside the caller's transaction: the organisation in the directory (through
 * the directory's own use-case and validation), the enterprise profile linked to the initiative,
 * and the members from the active founders (founders, with their at-risk status).
 */
export async function foundEnterprise(
  tx: Db,
  ctx: Ctx & {
    initiative: typeof initiatives.$inferSelect;
    input: FoundingInput;
    psAims: string[];
    today: string;
  },
): Promise<{ organisationId: string; enterpriseId: string }> {
  const { initiative, input } = ctx;
  const parsed = organisationSchema.safeParse({
    name: input.organisationName,
    kind: KIND_BY_FORM[initiative.intendedLegalForm] ?? 'other',
    legalForm: initiative.intendedLegalForm,
    krs: input.krs,
    nip: input.nip ?? '',
    regon: input.regon ?? '',
    confirmDistinct: '1',
  });
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'initiatives.form.invalid');
  const saved = await saveOrganisation(tx, {
    actor: ctx.actor,
    locality: ctx.locality,
    input: parsed.data,
    today: ctx.today,
  });
  if (!saved.ok) throw new AppError('BAD_REQUEST', 'initiatives.form.invalid');
  const founders = await tx
    .select()
    .from(initiativeFounders)
    .where(and(eq(initiativeFounders.initiativeId, initiative.id), isNull(initiativeFounders.leftOn)));
  const foundedBy = founders.length > 0 && founders.every((f) => f.kind === 'legal') ? 'legal' : 'natural';
  const [ent] = await tx
    .insert(enterprises)
    .values({
      localityId: ctx.locality.localityId,
      organisationId: saved.id,
      initiativeId: initiative.id,
      registeredOn: input.registeredOn,
      foundedBy,
      psAims: ctx.psAims,
      createdBy: ctx.actor.userId,
    })
    .returning({ id: enterprises.id });
  if (founders.length > 0)
    await tx.insert(enterpriseMembers).values(
      founders.map((f) => ({
        localityId: ctx.locality.localityId,
        enterpriseId: ent!.id,
        kind: f.kind,
        personId: f.personId,
        organisationId: f.organisationId,
        displayName: f.displayName,
        atRisk: f.atRisk,
        atRiskCategory: f.atRiskCategory,
        isFounder: true,
        joinedOn: input.registeredOn,
      })),
    );
  return { organisationId: saved.id, enterpriseId: ent!.id };
}
