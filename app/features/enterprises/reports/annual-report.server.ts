import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import {
  enterpriseJobs,
  enterpriseMembers,
  enterpriseMonthlyFigures,
  enterpriseStatusDecisions,
  enterprises,
  organisations,
} from '../../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import { AppError } from '../../../lib/errors.ts';
import { canManageEnterprises, memberOrganisations } from '../enterprises.policy.ts';
import type { CoopMember } from '../legal/coop.rules.ts';
import {
  COOPERATIVE_FORMS,
  checkEnterprise,
  type EnterpriseCheck,
  psStatusOn,
} from '../legal/enterprise.rules.ts';
import { loadEnterpriseParameters } from '../legal/legal.server.ts';
import type { MinEmployeesValue } from '../legal/legal.types.ts';
import { annualReportDue } from '../legal/status.rules.ts';
import { type AnnualFigures, annualFigures, type MissingItem, missingItems } from './annual-report.rules.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who sees an enterprise's annual report draft: coordinators and advisors, and the enterprise's
 * own members (an enterprise member speaking for its organisation). Anyone else: 404.
 */
export function canReadAnnualReport(actor: Actor, locality: ActorLocality, organisationId: string): boolean {
  return canManageEnterprises(actor, locality) || memberOrganisations(locality).includes(organisationId);
}

export type AnnualReportDraft = {
  year: number;
  enterpriseId: string;
  organisation: {
    name: string;
    legalForm: string;
    nip: string | null;
    regon: string | null;
    krs: string | null;
    address: string;
  };
  registeredOn: string | null;
  psStatus: { kind: string; decidedOn: string; number: string; authority: string } | null;
  aims: string[];
  servicesToLocality: string;
  beneficiaries: string;
  figures: AnnualFigures;
  minEmployees: MinEmployeesValue;
  check: EnterpriseCheck;
  dueOn: string;
  missing: MissingItem[];
};

/** The draft of an enterprise's annual report for a year, built from its data (6 queries). */
export async function annualReportDraft(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; enterpriseId: string; year: number },
): Promise<AnnualReportDraft> {
  if (!UUID.test(opts.enterpriseId)) throw new AppError('NOT_FOUND', 'errors.404.body');
  const [e] = await db
    .select({
      id: enterprises.id,
      organisationId: enterprises.organisationId,
      registeredOn: enterprises.registeredOn,
      foundedBy: enterprises.foundedBy,
      psAims: enterprises.psAims,
      publicControl: enterprises.publicControl,
      servicesToLocality: enterprises.servicesToLocality,
      beneficiaries: enterprises.beneficiaries,
      name: organisations.name,
      legalForm: organisations.legalForm,
      nip: organisations.nip,
      regon: organisations.regon,
      krs: organisations.krs,
      street: organisations.street,
      postalCode: organisations.postalCode,
      city: organisations.city,
    })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .where(and(eq(enterprises.id, opts.enterpriseId), eq(enterprises.localityId, opts.locality.localityId)))
    .limit(1);
  if (!e || !canReadAnnualReport(opts.actor, opts.locality, e.organisationId))
    throw new AppError('NOT_FOUND', 'errors.404.body');
  const yearEnd = `${opts.year}-12-31`;
  const [jobs, members, months, decisions, params] = await Promise.all([
    db
      .select({
        id: enterpriseJobs.id,
        personId: enterpriseJobs.personId,
        contractType: enterpriseJobs.contractType,
        fte: enterpriseJobs.fte,
        atRiskCategory: enterpriseJobs.atRiskCategory,
        startOn: enterpriseJobs.startOn,
        endOn: enterpriseJobs.endOn,
      })
      .from(enterpriseJobs)
      .where(eq(enterpriseJobs.enterpriseId, e.id)),
    db
      .select({
        kind: enterpriseMembers.kind,
        atRisk: enterpriseMembers.atRisk,
        joinedOn: enterpriseMembers.joinedOn,
        leftOn: enterpriseMembers.leftOn,
        isFounder: enterpriseMembers.isFounder,
        personId: enterpriseMembers.personId,
      })
      .from(enterpriseMembers)
      .where(eq(enterpriseMembers.enterpriseId, e.id)),
    db
      .select({
        month: enterpriseMonthlyFigures.month,
        ownRevenuePln: enterpriseMonthlyFigures.ownRevenuePln,
        grantsPln: enterpriseMonthlyFigures.grantsPln,
        costsPln: enterpriseMonthlyFigures.costsPln,
      })
      .from(enterpriseMonthlyFigures)
      .where(eq(enterpriseMonthlyFigures.enterpriseId, e.id)),
    db
      .select({
        kind: enterpriseStatusDecisions.kind,
        decidedOn: enterpriseStatusDecisions.decidedOn,
        finalOn: enterpriseStatusDecisions.finalOn,
        validUntil: enterpriseStatusDecisions.validUntil,
        number: enterpriseStatusDecisions.number,
        authority: enterpriseStatusDecisions.authority,
      })
      .from(enterpriseStatusDecisions)
      .where(eq(enterpriseStatusDecisions.enterpriseId, e.id))
      .orderBy(asc(enterpriseStatusDecisions.decidedOn)),
    loadEnterpriseParameters(db, yearEnd),
  ]);
  const isCooperative =
    (COOPERATIVE_FORMS as readonly string[]).includes(e.legalForm) || e.legalForm.endsWith('cooperative');
  const employees = jobs.map((j) => ({
    personKey: j.personId,
    jobKey: j.id,
    contractType: j.contractType,
    fte: Number(j.fte),
    atRisk: j.atRiskCategory != null && j.atRiskCategory !== '',
    startOn: j.startOn,
    endOn: j.endOn,
  }));
  const figures = annualFigures({
    year: opts.year,
    jobs: employees,
    members: isCooperative ? members : null,
    months: months.map((m) => ({
      month: m.month,
      ownRevenuePln: Number(m.ownRevenuePln),
      grantsPln: Number(m.grantsPln),
      costsPln: Number(m.costsPln),
    })),
    rule: params.minEmployees.value,
  });
  const check = checkEnterprise(
    {
      legalForm: e.legalForm,
      publicControl: e.publicControl,
      psAims: e.psAims,
      foundedBy: e.foundedBy === 'legal' ? 'legal' : e.foundedBy === 'natural' ? 'natural' : null,
      registeredOn: e.registeredOn,
      members: members.map(
        (m): CoopMember => ({
          kind: m.kind === 'legal' ? 'legal' : 'natural',
          atRisk: m.atRisk,
          joinedOn: m.joinedOn,
          leftOn: m.leftOn,
          isFounder: m.isFounder,
          personKey: m.personId,
        }),
      ),
      employees,
      decisions,
    },
    params,
    yearEnd,
  );
  const status = psStatusOn(decisions, yearEnd);
  const psDecision = status
    ? decisions.find((d) => d.kind === status.kind && d.decidedOn === status.decidedOn)!
    : null;
  const due = annualReportDue(`${opts.year + 1}-01-01`, params);
  const organisation = {
    name: e.name,
    legalForm: e.legalForm,
    nip: e.nip,
    regon: e.regon,
    krs: e.krs,
    address: [e.street, [e.postalCode, e.city].filter(Boolean).join(' ')].filter((s) => s.trim()).join(', '),
  };
  return {
    year: opts.year,
    enterpriseId: e.id,
    organisation,
    registeredOn: e.registeredOn,
    psStatus: psDecision
      ? {
          kind: psDecision.kind,
          decidedOn: psDecision.decidedOn,
          number: psDecision.number,
          authority: psDecision.authority,
        }
      : null,
    aims: e.psAims,
    servicesToLocality: e.servicesToLocality,
    beneficiaries: e.beneficiaries,
    figures,
    minEmployees: params.minEmployees.value,
    check,
    dueOn: due.dueOn,
    missing: missingItems({
      organisation: { nip: e.nip, regon: e.regon, krs: e.krs, street: e.street, city: e.city },
      hasPsDecision: psDecision?.kind === 'ps_granted',
      aims: e.psAims,
      jobs: jobs.length,
      figures,
      servicesToLocality: e.servicesToLocality,
      beneficiaries: e.beneficiaries,
      isCooperative,
    }),
  };
}
