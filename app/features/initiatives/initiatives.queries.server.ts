import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  businessPlans,
  enterprises,
  initiativeChecklist,
  initiativeFounders,
  initiativeStageHistory,
  initiatives,
  marketNiches,
  organisations,
  participantCategories,
  participants,
  people,
  users,
} from '../../../db/schema/index.ts';
import { type AnyStage, daysInStage, nextMissingItem, STAGES } from './initiative-stages.rules.ts';
import { UUID } from './initiatives-core.server.ts';
import { planContent } from './stage-move-facts.server.ts';

/** Cards shown per stage on the board; the rest behind "show all". */
export const BOARD_CARDS_PER_STAGE = 12;

export type BoardCard = {
  id: string;
  name: string;
  stage: string;
  intendedLegalForm: string;
  founders: number;
  daysInStage: number;
  nextItem: string | null;
};

type CardRow = {
  id: string;
  name: string;
  intended_legal_form: string;
  stage: string;
  stage_changed_at: string | Date;
  founders: number | string;
  ticked: string[] | null;
  total: number | string;
};

function card(r: CardRow, today: string): BoardCard {
  return {
    id: r.id,
    name: r.name,
    stage: r.stage,
    intendedLegalForm: r.intended_legal_form,
    founders: Number(r.founders),
    daysInStage: daysInStage(r.stage_changed_at, today),
    nextItem: nextMissingItem(r.stage as AnyStage, r.ticked ?? []),
  };
}

const cardColumns = sql`i.id, i.name, i.intended_legal_form, i.stage, i.stage_changed_at,
  (select count(*) from initiative_founders f where f.initiative_id = i.id and f.left_on is null) as founders,
  (select array_agg(c.item_key) from initiative_checklist c where c.initiative_id = i.id and c.stage = i.stage) as ticked`;

/**
 * The board: for each stage of the pipeline its count and the newest cards (by the day they
 * entered the stage), and the count of closed ones. One statement, whatever the number of
 * initiatives.
 */
export async function initiativeBoard(
  db: Db,
  opts: { localityId: string; today: string; perStage?: number },
) {
  const per = opts.perStage ?? BOARD_CARDS_PER_STAGE;
  const res = await db.execute(sql`
    select * from (
      select ${cardColumns},
        row_number() over (partition by i.stage order by i.stage_changed_at desc, i.id) as rn,
        count(*) over (partition by i.stage) as total
      from initiatives i
      where i.locality_id = ${opts.localityId}
    ) x
    where x.rn <= case when x.stage = 'closed' then 1 else ${per} end
    order by x.stage, x.rn`);
  const rows = (res as unknown as { rows: CardRow[] }).rows ?? (res as unknown as CardRow[]);
  const stages = STAGES.map((stage) => ({ stage, total: 0, cards: [] as BoardCard[] }));
  let closed = 0;
  for (const r of rows) {
    if (r.stage === 'closed') {
      closed = Number(r.total);
      continue;
    }
    const s = stages.find((x) => x.stage === r.stage);
    if (!s) continue;
    s.total = Number(r.total);
    s.cards.push(card(r, opts.today));
  }
  return { stages, closed };
}

/** One page of a stage's initiatives, newest in the stage first, with the stage's total. */
export async function initiativesInStage(
  db: Db,
  opts: { localityId: string; stage: AnyStage; today: string; offset: number; limit: number },
) {
  const res = await db.execute(sql`
    select ${cardColumns}, count(*) over () as total
    from initiatives i
    where i.locality_id = ${opts.localityId} and i.stage = ${opts.stage}
    order by i.stage_changed_at desc, i.id
    limit ${opts.limit} offset ${opts.offset}`);
  const rows = (res as unknown as { rows: CardRow[] }).rows ?? (res as unknown as CardRow[]);
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && opts.offset > 0) {
    const c = await db.execute(
      sql`select count(*) as n from initiatives where locality_id = ${opts.localityId} and stage = ${opts.stage}`,
    );
    total = Number(((c as unknown as { rows: { n: string }[] }).rows ?? [])[0]?.n ?? 0);
  }
  return { rows: rows.map((r) => card(r, opts.today)), total };
}

/** Everything the initiative's page shows: the initiative, founders, checklist, history, plan, enterprise. */
export async function getInitiative(db: Db, opts: { localityId: string; id: string }) {
  if (!UUID.test(opts.id)) return null;
  const [row] = await db
    .select({ initiative: initiatives, nicheName: marketNiches.name })
    .from(initiatives)
    .leftJoin(marketNiches, eq(marketNiches.id, initiatives.nicheId))
    .where(and(eq(initiatives.id, opts.id), eq(initiatives.localityId, opts.localityId)))
    .limit(1);
  if (!row) return null;
  const id = row.initiative.id;
  const [founders, checklist, history, plan, enterprise] = await Promise.all([
    db
      .select()
      .from(initiativeFounders)
      .where(eq(initiativeFounders.initiativeId, id))
      .orderBy(asc(initiativeFounders.joinedOn), asc(initiativeFounders.createdAt)),
    db
      .select({
        stage: initiativeChecklist.stage,
        item: initiativeChecklist.itemKey,
        doneOn: initiativeChecklist.doneOn,
        note: initiativeChecklist.note,
        by: users.name,
      })
      .from(initiativeChecklist)
      .leftJoin(users, eq(users.id, initiativeChecklist.doneBy))
      .where(eq(initiativeChecklist.initiativeId, id)),
    db
      .select({
        id: initiativeStageHistory.id,
        from: initiativeStageHistory.fromStage,
        to: initiativeStageHistory.toStage,
        reason: initiativeStageHistory.reason,
        checks: initiativeStageHistory.checks,
        at: initiativeStageHistory.at,
        by: users.name,
      })
      .from(initiativeStageHistory)
      .leftJoin(users, eq(users.id, initiativeStageHistory.byUserId))
      .where(eq(initiativeStageHistory.initiativeId, id))
      .orderBy(desc(initiativeStageHistory.at), desc(initiativeStageHistory.id)),
    db.select().from(businessPlans).where(eq(businessPlans.initiativeId, id)).limit(1),
    db
      .select({ id: enterprises.id, organisationId: enterprises.organisationId, name: organisations.name })
      .from(enterprises)
      .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
      .where(eq(enterprises.initiativeId, id))
      .limit(1),
  ]);
  return {
    ...row.initiative,
    nicheName: row.nicheName,
    founders,
    checklist,
    history,
    plan: plan[0]
      ? { ...planContent(plan[0])!, version: plan[0].version, updatedAt: plan[0].updatedAt }
      : null,
    enterprise: enterprise[0] ?? null,
  };
}
export type InitiativeDetail = NonNullable<Awaited<ReturnType<typeof getInitiative>>>;

/** The locality's market niches, for the initiative's form. */
export async function nicheOptions(db: Db, opts: { localityId: string }) {
  return db
    .select({ id: marketNiches.id, name: marketNiches.name })
    .from(marketNiches)
    .where(eq(marketNiches.localityId, opts.localityId))
    .orderBy(asc(marketNiches.name));
}

/** Participants of the locality who can become founders, with whether they have recorded at-risk categories. */
export async function founderPeopleOptions(db: Db, opts: { localityId: string }) {
  return db
    .select({
      id: people.id,
      givenName: people.givenName,
      familyName: people.familyName,
      atRisk: sql<boolean>`exists (select 1 from ${participantCategories} pc where pc.person_id = ${people.id})`,
    })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(and(eq(participants.localityId, opts.localityId), isNull(people.erasedAt)))
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(500);
}

export async function founderOrganisationOptions(db: Db, opts: { localityId: string }) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.localityId, opts.localityId))
    .orderBy(asc(organisations.name))
    .limit(500);
}
