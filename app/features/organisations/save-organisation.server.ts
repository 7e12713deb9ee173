import { and, eq, like, ne, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { organisations } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { foldForSearch } from '../../lib/text.ts';
import { canManageDirectory } from './organisation.policy.ts';
import { derivePes, nameKey, type PesParameter, similarNames } from './organisation.rules.ts';
import type { OrganisationInput } from './organisation.schema.ts';

export type SimilarOrganisation = { id: string; name: string };

/** Organisations of the locality that share an identifier, or have a near-identical name. */
export async function findDuplicates(
  db: Db,
  opts: {
    localityId: string;
    input: Pick<OrganisationInput, 'name' | 'nip' | 'regon' | 'krs'>;
    excludeId?: string;
  },
): Promise<{
  clash: { field: 'nip' | 'regon' | 'krs'; id: string; name: string } | null;
  similar: SimilarOrganisation[];
}> {
  const { input } = opts;
  const key = nameKey(foldForSearch(input.name));
  const idMatches = [
    input.nip ? eq(organisations.nip, input.nip) : undefined,
    input.regon ? eq(organisations.regon, input.regon) : undefined,
    input.krs ? eq(organisations.krs, input.krs) : undefined,
  ].filter(Boolean);
  const prefix = key.slice(0, 3).replace(/[\\%_]/g, (c) => `\\${c}`);
  const candidates = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      nameKey: organisations.nameKey,
      nip: organisations.nip,
      regon: organisations.regon,
      krs: organisations.krs,
    })
    .from(organisations)
    .where(
      and(
        eq(organisations.localityId, opts.localityId),
        opts.excludeId ? ne(organisations.id, opts.excludeId) : undefined,
        or(...idMatches, key ? like(organisations.nameKey, `${prefix}%`) : undefined),
      ),
    )
    .limit(200);
  let clash: { field: 'nip' | 'regon' | 'krs'; id: string; name: string } | null = null;
  for (const c of candidates) {
    for (const field of ['nip', 'regon', 'krs'] as const) {
      if (!clash && input[field] && c[field] === input[field]) clash = { field, id: c.id, name: c.name };
    }
  }
  const similar = candidates
    .filter((c) => similarNames(c.nameKey, key))
    .map((c) => ({ id: c.id, name: c.name }));
  return { clash, similar };
}

export type SaveResult = { ok: true; id: string } | { ok: false; similar: SimilarOrganisation[] };

/**
 * Creates or updates a directory entry. Identifiers must be unique in the locality (a clash
 * names the existing entry); a near-identical name needs a confirmation that it is a
 * different organisation. Whether it is a social-economy entity is derived, never typed.
 */
export async function saveOrganisation(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; id?: string; input: OrganisationInput; today: string },
): Promise<SaveResult> {
  const { actor, locality, input } = opts;
  if (!canManageDirectory(actor, locality))
    throw new AppError('FORBIDDEN', 'organisations.errors.cannotManage');
  return db.transaction(async (tx) => {
    let existingVersion: number | null = null;
    if (opts.id) {
      const [row] = await tx
        .select({ version: organisations.version })
        .from(organisations)
        .where(and(eq(organisations.id, opts.id), eq(organisations.localityId, locality.localityId)))
        .limit(1);
      if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
      existingVersion = row.version;
      if (input.version !== undefined && input.version !== row.version)
        throw new AppError('CONFLICT', 'organisations.errors.conflict');
    }
    const dup = await findDuplicates(tx, { localityId: locality.localityId, input, excludeId: opts.id });
    if (dup.clash) {
      throw new AppError(
        'CONFLICT',
        `organisations.form.${dup.clash.field}.taken`,
        { name: dup.clash.name },
        {
          [dup.clash.field]: {
            key: `organisations.form.${dup.clash.field}.taken`,
            values: { name: dup.clash.name },
          },
        },
      );
    }
    if (dup.similar.length > 0 && !input.confirmDistinct) return { ok: false, similar: dup.similar };

    const pesParam = await legalParameter<PesParameter>(tx, 'pes.entities', opts.today);
    const pes = derivePes({ kind: input.kind, legalForm: input.legalForm }, pesParam.value);
    const folded = foldForSearch(input.name);
    const values = {
      name: input.name,
      nameFolded: folded,
      nameKey: nameKey(folded),
      kind: input.kind,
      legalForm: input.legalForm,
      nip: input.nip,
      regon: input.regon,
      krs: input.krs,
      isPes: pes.isPes,
      pesLetter: pes.letter,
      street: input.street,
      houseNo: input.houseNo,
      flatNo: input.flatNo,
      postalCode: input.postalCode,
      city: input.city,
      phone: input.phone,
      email: input.email,
      website: input.website,
      notes: input.notes,
    };
    let id: string;
    if (opts.id && existingVersion !== null) {
      await tx
        .update(organisations)
        .set({ ...values, version: existingVersion + 1, updatedAt: new Date() })
        .where(and(eq(organisations.id, opts.id), eq(organisations.localityId, locality.localityId)));
      id = opts.id;
    } else {
      const [created] = await tx
        .insert(organisations)
        .values({ ...values, localityId: locality.localityId })
        .returning({ id: organisations.id });
      id = created!.id;
    }
    await writeAudit(tx, {
      actorUserId: actor.userId,
      localityId: locality.localityId,
      requestId: actor.requestId,
      action: opts.id ? 'organisation.update' : 'organisation.create',
      entityType: 'organisation',
      entityId: id,
      details: { name: input.name, isPes: pes.isPes },
    });
    return { ok: true, id };
  });
}
