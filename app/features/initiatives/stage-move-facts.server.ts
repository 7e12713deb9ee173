import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  businessPlans,
  enterpriseMonthlyFigures,
  enterprises,
  initiativeChecklist,
  initiativeFounders,
  type initiatives,
} from '../../../db/schema/index.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import type { PlanContent } from './business-plan.rules.ts';
import { coopFoundingChecks } from './coop-founding.server.ts';
import type { MoveFacts, SelfSufficiencyParameter } from './initiative-stages.rules.ts';

type Initiative = typeof initiatives.$inferSelect;

export function planContent(row: typeof businessPlans.$inferSelect | undefined): PlanContent | null {
  if (!row) return null;
  return {
    offer: row.offer,
    customers: row.customers,
    niche: row.niche,
    team: row.team,
    breakEvenNote: row.breakEvenNote,
    startupCosts: (row.startupCosts ?? []) as PlanContent['startupCosts'],
    monthly: (row.monthly ?? []) as PlanContent['monthly'],
    fundingSources: (row.fundingSources ?? []) as PlanContent['fundingSources'],
  };
}

/** The facts the move out of the initiative's current stage is judged on. */
export async function loadMoveFacts(db: Db, initiative: Initiative, today: string): Promise<MoveFacts> {
  const [ticked, founders] = await Promise.all([
    db
      .select({ item: initiativeChecklist.itemKey })
      .from(initiativeChecklist)
      .where(
        and(
          eq(initiativeChecklist.initiativeId, initiative.id),
          eq(initiativeChecklist.stage, initiative.stage),
        ),
      ),
    db
      .select({ kind: initiativeFounders.kind, atRisk: initiativeFounders.atRisk })
      .from(initiativeFounders)
      .where(and(eq(initiativeFounders.initiativeId, initiative.id), isNull(initiativeFounders.leftOn))),
  ]);
  const facts: MoveFacts = {
    stage: initiative.stage as MoveFacts['stage'],
    ticked: ticked.map((r) => r.item),
    founders: founders.map((f) => ({ kind: f.kind === 'legal' ? 'legal' : 'natural', atRisk: f.atRisk })),
    plan: null,
    intendedLegalForm: initiative.intendedLegalForm,
  };
  if (initiative.stage === 'business_plan') {
    const [plan] = await db
      .select()
      .from(businessPlans)
      .where(eq(businessPlans.initiativeId, initiative.id))
      .limit(1);
    facts.plan = planContent(plan);
  }
  if (initiative.stage === 'founding' && initiative.intendedLegalForm === 'social_cooperative') {
    facts.coopChecks = await coopFoundingChecks(db, facts.founders, today);
  }
  if (initiative.stage === 'incubation') {
    const param = await legalParameter<SelfSufficiencyParameter>(db, 'initiatives.selfSufficiency', today);
    facts.selfSufficiency = param.value;
    const [ent] = await db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.initiativeId, initiative.id))
      .limit(1);
    if (ent) {
      const rows = await db
        .select({
          month: enterpriseMonthlyFigures.month,
          own: enterpriseMonthlyFigures.ownRevenuePln,
          costs: enterpriseMonthlyFigures.costsPln,
        })
        .from(enterpriseMonthlyFigures)
        .where(eq(enterpriseMonthlyFigures.enterpriseId, ent.id))
        .orderBy(desc(enterpriseMonthlyFigures.month))
        .limit(param.value.months);
      facts.figures = rows.map((r) => ({
        month: r.month,
        ownRevenue: Number(r.own),
        costs: Number(r.costs),
      }));
    } else facts.figures = [];
  }
  return facts;
}
