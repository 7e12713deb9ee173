/**
 * Loading the dated parameters of the legal checks and re-checking enterprises: one enterprise
 * after a job or member change (`recheckEnterprise`), or all of them set-based after a parameter
 * change (`recheckAllEnterprises`: a handful of queries and one batched update). A check that
 * newly fails (was passing or never checked) e-mails the locality's coordinators once; the flag
 * is cleared when the enterprise passes again. The e-mail names the enterprise and the failing
 * rules in words, no personal data.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import {
  enterpriseJobs,
  enterpriseMembers,
  enterpriseStatusDecisions,
  enterprises,
  legalParameters,
  localities,
  memberships,
  organisations,
  users,
} from '../../../../db/schema/index.ts';
import { getI18n, type Locale } from '../../../lib/i18n/i18n.ts';
import type { MailQueue } from '../../../lib/services.ts';
import { checkMessageText, ruleLabel } from './check-message.ts';
import type { CoopMember, PartyKind } from './coop.rules.ts';
import {
  checkEnterprise,
  type EnterpriseCheck,
  type EnterpriseInput,
  type StatusDecision,
} from './enterprise.rules.ts';
import { type EnterpriseParameters, PARAMETER_KEYS, type Param } from './legal.types.ts';
import type { StatusEmployee } from './status.rules.ts';

/** Every parameter of the checks in force on the date, in one query; throws when one is missing. */
export async function loadEnterpriseParameters(db: Db, onDate: string): Promise<EnterpriseParameters> {
  const keys = Object.values(PARAMETER_KEYS);
  const rows = await db
    .select()
    .from(legalParameters)
    .where(
      and(
        inArray(legalParameters.key, keys),
        lte(legalParameters.validFrom, onDate),
        or(isNull(legalParameters.validTo), gte(legalParameters.validTo, onDate)),
      ),
    )
    .orderBy(asc(legalParameters.key), desc(legalParameters.validFrom));
  const byKey = new Map<string, Param<unknown>>();
  for (const r of rows) {
    if (byKey.has(r.key)) continue;
    byKey.set(r.key, {
      key: r.key,
      value: r.value,
      validFrom: r.validFrom,
      source: r.source,
      verified: r.verified,
    });
  }
  const out: Record<string, Param<unknown>> = {};
  for (const [role, key] of Object.entries(PARAMETER_KEYS)) {
    const p = byKey.get(key);
    if (!p) throw new Error(`No legal parameter "${key}" in force on ${onDate}`);
    out[role] = p;
  }
  return out as EnterpriseParameters;
}

/** What is stored in `enterprises.last_check`. */
export type StoredCheck = EnterpriseCheck & { checkedAt: string };

export type RecheckOptions = { today: string; mail: MailQueue; baseUrl: string };

export type RecheckSummary = {
  checked: number;
  failing: number;
  newlyFailing: number;
  checks: Map<string, StoredCheck>;
};

async function recheck(
  db: Db,
  opts: RecheckOptions & { localityId?: string; enterpriseId?: string },
): Promise<RecheckSummary> {
  const params = await loadEnterpriseParameters(db, opts.today);
  const scope = and(
    opts.localityId ? eq(enterprises.localityId, opts.localityId) : undefined,
    opts.enterpriseId ? eq(enterprises.id, opts.enterpriseId) : undefined,
    or(isNull(enterprises.closedOn), sql`${enterprises.closedOn} > ${opts.today}`),
  );
  const rows = await db
    .select({
      id: enterprises.id,
      localityId: enterprises.localityId,
      localitySlug: localities.slug,
      name: organisations.name,
      legalForm: organisations.legalForm,
      publicControl: enterprises.publicControl,
      psAims: enterprises.psAims,
      foundedBy: enterprises.foundedBy,
      registeredOn: enterprises.registeredOn,
      lastCheckPassed: enterprises.lastCheckPassed,
      failureNotifiedAt: enterprises.failureNotifiedAt,
    })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .innerJoin(localities, eq(localities.id, enterprises.localityId))
    .where(scope);
  const empty: RecheckSummary = { checked: 0, failing: 0, newlyFailing: 0, checks: new Map() };
  if (rows.length === 0) return empty;
  const one = rows.length === 1 ? rows[0]?.id : undefined;
  // Children: by the one enterprise, or by the same scope (locality or all) via a sub-select.
  const inScope = (
    col:
      | typeof enterpriseMembers.enterpriseId
      | typeof enterpriseJobs.enterpriseId
      | typeof enterpriseStatusDecisions.enterpriseId,
  ) =>
    one
      ? eq(col, one)
      : opts.localityId
        ? sql`${col} in (select id from enterprises where locality_id = ${opts.localityId})`
        : undefined;
  const [members, jobs, decisions] = await Promise.all([
    db
      .select({
        enterpriseId: enterpriseMembers.enterpriseId,
        kind: enterpriseMembers.kind,
        atRisk: enterpriseMembers.atRisk,
        joinedOn: enterpriseMembers.joinedOn,
        leftOn: enterpriseMembers.leftOn,
        isFounder: enterpriseMembers.isFounder,
        personId: enterpriseMembers.personId,
      })
      .from(enterpriseMembers)
      .where(inScope(enterpriseMembers.enterpriseId)),
    db
      .select({
        enterpriseId: enterpriseJobs.enterpriseId,
        personId: enterpriseJobs.personId,
        contractType: enterpriseJobs.contractType,
        fte: enterpriseJobs.fte,
        atRiskCategory: enterpriseJobs.atRiskCategory,
        startOn: enterpriseJobs.startOn,
        endOn: enterpriseJobs.endOn,
      })
      .from(enterpriseJobs)
      .where(
        and(
          inScope(enterpriseJobs.enterpriseId),
          lte(enterpriseJobs.startOn, opts.today),
          or(isNull(enterpriseJobs.endOn), gte(enterpriseJobs.endOn, opts.today)),
        ),
      ),
    db
      .select({
        enterpriseId: enterpriseStatusDecisions.enterpriseId,
        kind: enterpriseStatusDecisions.kind,
        decidedOn: enterpriseStatusDecisions.decidedOn,
        finalOn: enterpriseStatusDecisions.finalOn,
        validUntil: enterpriseStatusDecisions.validUntil,
      })
      .from(enterpriseStatusDecisions)
      .where(inScope(enterpriseStatusDecisions.enterpriseId)),
  ]);
  const group = <T extends { enterpriseId: string }>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of list) {
      const a = m.get(x.enterpriseId);
      if (a) a.push(x);
      else m.set(x.enterpriseId, [x]);
    }
    return m;
  };
  const membersBy = group(members);
  const jobsBy = group(jobs);
  const decisionsBy = group(decisions);
  const checkedAt = new Date().toISOString();
  const updates: { id: string; chk: StoredCheck; passed: boolean; notify: boolean }[] = [];
  const summary: RecheckSummary = { checked: 0, failing: 0, newlyFailing: 0, checks: new Map() };
  const toNotify: { row: (typeof rows)[number]; check: StoredCheck }[] = [];
  for (const row of rows) {
    const input: EnterpriseInput = {
      legalForm: row.legalForm,
      publicControl: row.publicControl,
      psAims: row.psAims,
      foundedBy: row.foundedBy === 'legal' ? 'legal' : row.foundedBy === 'natural' ? 'natural' : null,
      registeredOn: row.registeredOn,
      members: (membersBy.get(row.id) ?? []).map(
        (m): CoopMember => ({
          kind: (m.kind === 'legal' ? 'legal' : 'natural') as PartyKind,
          atRisk: m.atRisk,
          joinedOn: m.joinedOn,
          leftOn: m.leftOn,
          isFounder: m.isFounder,
          personKey: m.personId,
        }),
      ),
      employees: (jobsBy.get(row.id) ?? []).map(
        (j): StatusEmployee => ({
          personKey: j.personId,
          contractType: j.contractType,
          fte: Number(j.fte),
          atRisk: j.atRiskCategory != null && j.atRiskCategory !== '',
          startOn: j.startOn,
          endOn: j.endOn,
        }),
      ),
      decisions: (decisionsBy.get(row.id) ?? []) as StatusDecision[],
    };
    const result = checkEnterprise(input, params, opts.today);
    const check: StoredCheck = { ...result, checkedAt };
    const notify = !result.passed && row.failureNotifiedAt == null;
    updates.push({ id: row.id, chk: check, passed: result.passed, notify });
    summary.checked++;
    if (!result.passed) summary.failing++;
    if (notify) {
      summary.newlyFailing++;
      toNotify.push({ row, check });
    }
    summary.checks.set(row.id, check);
  }
  await db.execute(sql`
    update enterprises e set
      last_check = v.chk,
      last_check_passed = v.passed,
      last_check_at = ${checkedAt}::timestamptz,
      failure_notified_at = case when v.passed then null when v.notify then ${checkedAt}::timestamptz else e.failure_notified_at end
    from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as v(id uuid, chk jsonb, passed boolean, notify boolean)
    where e.id = v.id`);
  if (toNotify.length > 0) await notifyCoordinators(db, toNotify, opts);
  return summary;
}

async function notifyCoordinators(
  db: Db,
  failing: {
    row: { id: string; localityId: string; localitySlug: string; name: string };
    check: StoredCheck;
  }[],
  opts: RecheckOptions,
) {
  const localityIds = [...new Set(failing.map((f) => f.row.localityId))];
  const coordinators = await db
    .select({ localityId: memberships.localityId, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        inArray(memberships.localityId, localityIds),
        eq(memberships.role, 'coordinator'),
        eq(users.active, true),
      ),
    );
  for (const c of coordinators) {
    const own = failing.filter((f) => f.row.localityId === c.localityId);
    if (own.length === 0) continue;
    const locale: Locale = c.locale === 'en' ? 'en' : 'pl';
    const i18n = getI18n(locale);
    const blocks = own.map(({ row, check }) => {
      const rules = check.results
        .filter((r) => r.passed === false)
        .map((r) => `- ${ruleLabel(i18n, r.rule)}: ${checkMessageText(i18n, r.message)}`)
        .join('\n');
      return i18n.t('legal.mail.failing.enterprise', {
        name: row.name,
        rules,
        link: `${opts.baseUrl}/app/${row.localitySlug}/enterprises/${row.id}/status`,
      });
    });
    await opts.mail.send({
      to: c.email,
      subject:
        own.length === 1
          ? i18n.t('legal.mail.failing.subjectOne', { name: own[0]?.row.name ?? '' })
          : i18n.t('legal.mail.failing.subjectMany', { count: own.length }),
      text: i18n.t('legal.mail.failing.body', { count: own.length, enterprises: blocks.join('\n\n') }),
    });
  }
}

/**
 * Re-checks one enterprise of the locality and stores the result; returns it, or null when the
 * enterprise is not in the locality (or closed). Tolerates enterprises without members or jobs.
 */
export async function recheckEnterprise(
  db: Db,
  opts: RecheckOptions & { enterpriseId: string; localityId: string },
): Promise<StoredCheck | null> {
  const summary = await recheck(db, opts);
  return summary.checks.get(opts.enterpriseId) ?? null;
}

/** Re-checks every open enterprise (of one locality, or all) set-based. */
export async function recheckAllEnterprises(
  db: Db,
  opts: RecheckOptions & { localityId?: string },
): Promise<RecheckSummary> {
  return recheck(db, opts);
}
