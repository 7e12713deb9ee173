import type { Db } from '../../../db/client.ts';
import { type LegalParameter, legalParameter } from '../../lib/legal-parameters.server.ts';
import type { AnnualReportParameter } from './club.rules.ts';

/** A parameter's value with what the page says about it: whether verified, and its source. */
export type ParameterNote = { verified: boolean; source: string };
const note = (p: LegalParameter<unknown>): ParameterNote => ({ verified: p.verified, source: p.source });

/** The art. 1 ust. 2 groups in force on a day (the list the club's members are counted by). */
export async function targetGroups(db: Db, onDate: string) {
  const p = await legalParameter<{ groups: string[] }>(db, 'uzs.targetGroups', onDate);
  return { groups: p.value.groups, ...note(p) };
}

/** Days the voivode has to enter the club in the register, by the law in force on the notification day. */
export async function registerEntryDays(db: Db, notifiedOn: string) {
  try {
    const p = await legalParameter<{ days: number }>(db, 'kis.registerEntryDeadlineDays', notifiedOn);
    return { days: p.value.days, ...note(p) };
  } catch {
    // A notification before the rule's recorded start: no deadline is computed rather than a guessed one.
    return null;
  }
}

/** The annual report's due day and sections, by the law in force at the start of the year it is due. */
export async function annualReportParameter(db: Db, year: number) {
  try {
    const p = await legalParameter<AnnualReportParameter>(db, 'kis.annualReport', `${year + 1}-01-01`);
    return { value: p.value, ...note(p) };
  } catch {
    return null;
  }
}
