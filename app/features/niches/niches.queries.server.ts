import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { initiatives, marketNiches, nicheEvidence, organisations } from '../../../db/schema/index.ts';
import type { MessageKey, Translate } from '../../lib/i18n/i18n.ts';
import { UUID } from '../financing/financing-common.server.ts';
import { type Criterion, DEFAULT_CRITERIA, NICHE_STATUSES, nicheScore } from './niches.rules.ts';
import { ensureCriteria } from './niches.server.ts';

/** A criterion's name: the one typed, or the default criterion's name in the user's language. */
export function criterionLabel(t: Translate, c: { key: string; label: string }): string {
  if (c.label) return c.label;
  return DEFAULT_CRITERIA.some((d) => d.key === c.key)
    ? t(`financing.criterion.${c.key}` as MessageKey)
    : c.key;
}

export async function labelledCriteria(db: Db, localityId: string, t: Translate) {
  const rows = await ensureCriteria(db, localityId);
  return rows.map((r) => ({ ...r, name: criterionLabel(t, r) }));
}

export type NicheFilter = { status: string; sector: string };
export function nicheFilter(url: URL): NicheFilter {
  const status = url.searchParams.get('status') ?? '';
  return {
    status: (NICHE_STATUSES as readonly string[]).includes(status) ? status : '',
    sector: (url.searchParams.get('sector') ?? '').trim().slice(0, 120),
  };
}

/** The locality's niches with their score, best first (unscored last), filtered by status and sector. */
export async function listNiches(
  db: Db,
  opts: { localityId: string; filter: NicheFilter; criteria: Criterion[] },
) {
  const where = [eq(marketNiches.localityId, opts.localityId)];
  if (opts.filter.status) where.push(eq(marketNiches.status, opts.filter.status));
  if (opts.filter.sector) where.push(eq(marketNiches.sector, opts.filter.sector));
  const [rows, sectors] = await Promise.all([
    db
      .select({
        id: marketNiches.id,
        name: marketNiches.name,
        sector: marketNiches.sector,
        status: marketNiches.status,
        competition: marketNiches.competition,
        estimatedDemandPln: marketNiches.estimatedDemandPln,
        scores: marketNiches.scores,
      })
      .from(marketNiches)
      .where(and(...where))
      .limit(500),
    db
      .selectDistinct({ sector: marketNiches.sector })
      .from(marketNiches)
      .where(eq(marketNiches.localityId, opts.localityId))
      .orderBy(asc(marketNiches.sector)),
  ]);
  const niches = rows.map(({ scores, estimatedDemandPln, ...r }) => {
    const s = nicheScore(opts.criteria, (scores ?? {}) as Record<string, unknown>);
    return {
      ...r,
      estimatedDemand: estimatedDemandPln === null ? null : Number(estimatedDemandPln),
      score: s.score,
      scored: s.scored,
      total: s.total,
    };
  });
  niches.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'pl'));
  return { niches, sectors: sectors.map((s) => s.sector) };
}

/** One niche with its evidence and the initiatives pursuing it; null when not of this locality. */
export async function getNiche(db: Db, opts: { localityId: string; id: string }) {
  if (!UUID.test(opts.id)) return null;
  const [niche] = await db
    .select()
    .from(marketNiches)
    .where(and(eq(marketNiches.id, opts.id), eq(marketNiches.localityId, opts.localityId)));
  if (!niche) return null;
  const [evidence, pursuing] = await Promise.all([
    db
      .select({
        id: nicheEvidence.id,
        source: nicheEvidence.source,
        description: nicheEvidence.description,
        amountPln: nicheEvidence.amountPln,
        recordedOn: nicheEvidence.recordedOn,
        organisationName: organisations.name,
      })
      .from(nicheEvidence)
      .leftJoin(organisations, eq(organisations.id, nicheEvidence.organisationId))
      .where(eq(nicheEvidence.nicheId, niche.id))
      .orderBy(desc(nicheEvidence.recordedOn)),
    db
      .select({ id: initiatives.id, name: initiatives.name, stage: initiatives.stage })
      .from(initiatives)
      .where(and(eq(initiatives.nicheId, niche.id), eq(initiatives.localityId, opts.localityId)))
      .orderBy(asc(initiatives.name)),
  ]);
  return {
    niche: {
      id: niche.id,
      name: niche.name,
      sector: niche.sector,
      description: niche.description,
      estimatedDemandPln: niche.estimatedDemandPln,
      competition: niche.competition,
      status: niche.status,
      scores: (niche.scores ?? {}) as Record<string, number>,
    },
    evidence: evidence.map((e) => ({ ...e, amount: e.amountPln === null ? null : Number(e.amountPln) })),
    initiatives: pursuing,
  };
}
