import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  enterpriseJobs,
  enterprises,
  fundingApplicationDocuments,
  fundingApplications,
  fundingSources,
  grants,
  users,
} from '../../../db/schema/index.ts';
import { UUID } from './financing-common.server.ts';
import { instalmentsOf } from './grants.server.ts';

const recipientName = sql<string | null>`coalesce(
  (select o.name from enterprises e join organisations o on o.id = e.organisation_id where e.id = ${grants.enterpriseId}),
  (select i.name from initiatives i where i.id = ${grants.initiativeId}))`;

export async function listSources(db: Db, localityId: string) {
  return db
    .select({
      id: fundingSources.id,
      name: fundingSources.name,
      kind: fundingSources.kind,
      description: fundingSources.description,
      url: fundingSources.url,
    })
    .from(fundingSources)
    .where(eq(fundingSources.localityId, localityId))
    .orderBy(asc(fundingSources.name));
}

/** The overview: sources, applications (deadline first) and grants with what was paid. */
export async function financingOverview(db: Db, opts: { localityId: string }) {
  const [sources, applications, grantRows] = await Promise.all([
    listSources(db, opts.localityId),
    db
      .select({
        id: fundingApplications.id,
        callName: fundingApplications.callName,
        sourceName: fundingSources.name,
        deadline: fundingApplications.deadline,
        amountPln: fundingApplications.amountPln,
        status: fundingApplications.status,
      })
      .from(fundingApplications)
      .innerJoin(fundingSources, eq(fundingSources.id, fundingApplications.sourceId))
      .where(eq(fundingApplications.localityId, opts.localityId))
      .orderBy(asc(fundingApplications.deadline))
      .limit(300),
    listGrants(db, { localityId: opts.localityId, organisations: null }),
  ]);
  return { sources, applications, grants: grantRows };
}

/** Grants of the locality; for enterprise members only those of their enterprise. */
export async function listGrants(db: Db, opts: { localityId: string; organisations: string[] | null }) {
  const where = [eq(grants.localityId, opts.localityId)];
  if (opts.organisations !== null) {
    if (opts.organisations.length === 0) return [];
    where.push(
      inArray(
        grants.enterpriseId,
        db
          .select({ id: enterprises.id })
          .from(enterprises)
          .where(inArray(enterprises.organisationId, opts.organisations)),
      ),
    );
  }
  return db
    .select({
      id: grants.id,
      title: grants.title,
      kind: grants.kind,
      sourceName: fundingSources.name,
      recipient: recipientName,
      amountPln: grants.amountPln,
      awardedOn: grants.awardedOn,
      obligationUntil: grants.obligationUntil,
      paidPln: sql<string>`(select coalesce(sum(gi.amount_pln), 0) from grant_instalments gi where gi.grant_id = ${grants.id} and gi.paid_on is not null)`,
    })
    .from(grants)
    .innerJoin(fundingSources, eq(fundingSources.id, grants.sourceId))
    .where(and(...where))
    .orderBy(desc(grants.awardedOn))
    .limit(300);
}

export async function getApplication(db: Db, opts: { localityId: string; id: string }) {
  if (!UUID.test(opts.id)) return null;
  const [app] = await db
    .select({
      id: fundingApplications.id,
      callName: fundingApplications.callName,
      sourceId: fundingApplications.sourceId,
      sourceName: fundingSources.name,
      deadline: fundingApplications.deadline,
      amountPln: fundingApplications.amountPln,
      status: fundingApplications.status,
      submittedOn: fundingApplications.submittedOn,
      decidedOn: fundingApplications.decidedOn,
      notes: fundingApplications.notes,
      enterpriseId: fundingApplications.enterpriseId,
      initiativeId: fundingApplications.initiativeId,
      forName: sql<string | null>`coalesce(
        (select o.name from enterprises e join organisations o on o.id = e.organisation_id where e.id = ${fundingApplications.enterpriseId}),
        (select i.name from initiatives i where i.id = ${fundingApplications.initiativeId}))`,
    })
    .from(fundingApplications)
    .innerJoin(fundingSources, eq(fundingSources.id, fundingApplications.sourceId))
    .where(and(eq(fundingApplications.id, opts.id), eq(fundingApplications.localityId, opts.localityId)));
  if (!app) return null;
  const [documents, linked] = await Promise.all([
    db
      .select({
        id: fundingApplicationDocuments.id,
        fileName: fundingApplicationDocuments.fileName,
        sizeBytes: fundingApplicationDocuments.sizeBytes,
        uploadedAt: fundingApplicationDocuments.uploadedAt,
        uploadedBy: users.name,
      })
      .from(fundingApplicationDocuments)
      .leftJoin(users, eq(users.id, fundingApplicationDocuments.uploadedBy))
      .where(eq(fundingApplicationDocuments.applicationId, app.id))
      .orderBy(asc(fundingApplicationDocuments.uploadedAt)),
    db.select({ id: grants.id, title: grants.title }).from(grants).where(eq(grants.applicationId, app.id)),
  ]);
  return { application: app, documents, grants: linked };
}

export async function getDocument(db: Db, opts: { localityId: string; applicationId: string; id: string }) {
  if (!UUID.test(opts.id) || !UUID.test(opts.applicationId)) return null;
  const [row] = await db
    .select()
    .from(fundingApplicationDocuments)
    .where(
      and(
        eq(fundingApplicationDocuments.id, opts.id),
        eq(fundingApplicationDocuments.applicationId, opts.applicationId),
        eq(fundingApplicationDocuments.localityId, opts.localityId),
      ),
    );
  return row ?? null;
}

/** One grant with its schedule and, for job-creation grants, the jobs it funds; null when not visible. */
export async function getGrant(
  db: Db,
  opts: { localityId: string; id: string; organisations: string[] | null },
) {
  if (!UUID.test(opts.id)) return null;
  const [g] = await db
    .select({
      id: grants.id,
      title: grants.title,
      kind: grants.kind,
      sourceName: fundingSources.name,
      applicationId: grants.applicationId,
      applicationCall: fundingApplications.callName,
      enterpriseId: grants.enterpriseId,
      enterpriseOrganisationId: enterprises.organisationId,
      recipient: recipientName,
      amountPln: grants.amountPln,
      awardedOn: grants.awardedOn,
      obligation: grants.obligation,
      obligationUntil: grants.obligationUntil,
    })
    .from(grants)
    .innerJoin(fundingSources, eq(fundingSources.id, grants.sourceId))
    .leftJoin(fundingApplications, eq(fundingApplications.id, grants.applicationId))
    .leftJoin(enterprises, eq(enterprises.id, grants.enterpriseId))
    .where(and(eq(grants.id, opts.id), eq(grants.localityId, opts.localityId)));
  if (!g) return null;
  if (opts.organisations !== null && !opts.organisations.includes(g.enterpriseOrganisationId ?? ''))
    return null;
  const [instalments, jobs] = await Promise.all([
    instalmentsOf(db, g.id),
    db
      .select({
        id: enterpriseJobs.id,
        position: enterpriseJobs.position,
        fte: enterpriseJobs.fte,
        startOn: enterpriseJobs.startOn,
        endOn: enterpriseJobs.endOn,
        keepUntil: enterpriseJobs.keepUntil,
      })
      .from(enterpriseJobs)
      .where(and(eq(enterpriseJobs.grantId, g.id), eq(enterpriseJobs.localityId, opts.localityId)))
      .orderBy(asc(enterpriseJobs.startOn)),
  ]);
  return { grant: g, instalments, jobs };
}

/** Applications that may carry a grant (granted, no grant yet) — for the grant form's select. */
export async function grantableApplications(db: Db, localityId: string) {
  return db
    .select({
      id: fundingApplications.id,
      callName: fundingApplications.callName,
      sourceId: fundingApplications.sourceId,
      amountPln: fundingApplications.amountPln,
      enterpriseId: fundingApplications.enterpriseId,
      initiativeId: fundingApplications.initiativeId,
    })
    .from(fundingApplications)
    .leftJoin(grants, eq(grants.applicationId, fundingApplications.id))
    .where(
      and(
        eq(fundingApplications.localityId, localityId),
        eq(fundingApplications.status, 'granted'),
        isNull(grants.id),
      ),
    )
    .orderBy(asc(fundingApplications.callName));
}
