import type { Db } from '../../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import type { PlanCtx } from './plan-context.server.ts';
import {
  addAction,
  editAction,
  holdReview,
  recordOutcome,
  scheduleReview,
  setActionStatus,
} from './plan-items.server.ts';
import { agreePlan, closePlan, startPlan, updatePlan } from './plans.server.ts';

type Args = PlanCtx & { personId: string; planId: string; values: Record<string, string>; today: string };

/** Every form of the plan page: its use case, the flash message and where on the page to return. */
const INTENTS: Record<
  string,
  { run: (db: Db, args: Args) => Promise<unknown>; flash: MessageKey; anchor: string }
> = {
  update: { run: updatePlan, flash: 'plans.flash.saved', anchor: '' },
  agree: { run: agreePlan, flash: 'plans.flash.agreed', anchor: '' },
  start: { run: startPlan, flash: 'plans.flash.started', anchor: '' },
  close: { run: closePlan, flash: 'plans.flash.closed', anchor: '' },
  addAction: { run: addAction, flash: 'plans.flash.actionAdded', anchor: '#actions' },
  editAction: { run: editAction, flash: 'plans.flash.actionSaved', anchor: '#actions' },
  actionStatus: { run: setActionStatus, flash: 'plans.flash.actionStatus', anchor: '#actions' },
  scheduleReview: { run: scheduleReview, flash: 'plans.flash.reviewScheduled', anchor: '#reviews' },
  holdReview: { run: holdReview, flash: 'plans.flash.reviewHeld', anchor: '#reviews' },
  recordOutcome: { run: recordOutcome, flash: 'plans.flash.outcomeRecorded', anchor: '#outcomes' },
};

/** Runs the plan page's form named by `intent`; an unknown intent is a 400. */
export async function runPlanIntent(
  db: Db,
  args: Args & { intent: string },
): Promise<{ flash: MessageKey; anchor: string }> {
  const entry = Object.hasOwn(INTENTS, args.intent) ? INTENTS[args.intent] : undefined;
  if (!entry) throw new AppError('BAD_REQUEST', 'errors.400.body');
  await entry.run(db, args);
  return { flash: entry.flash, anchor: entry.anchor };
}
