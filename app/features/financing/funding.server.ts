import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import {
  fundingApplicationDocuments,
  fundingApplications,
  fundingSources,
  grants,
} from '../../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import type { MaterialStorage } from '../education/materials/storage.server.ts';
import { canManageFinancing } from './financing.policy.ts';
import {
  APPLICATION_COMMANDS,
  type ApplicationCommand,
  checkCommand,
  checkDocument,
  type DocumentFilesParameter,
} from './financing.rules.ts';
import {
  audit,
  belongs,
  type Ctx,
  notFound,
  throwIfErrors,
  toForm,
  UUID,
} from './financing-common.server.ts';
import { applicationSchema, commandSchema, sourceSchema } from './funding.schema.ts';

export function assertManage(ctx: Ctx) {
  if (!canManageFinancing(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
}

export async function sourceOf(db: Db, localityId: string, id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select({ id: fundingSources.id })
    .from(fundingSources)
    .where(and(eq(fundingSources.id, id), eq(fundingSources.localityId, localityId)));
  return row ?? null;
}

/** A funding source of the locality (EFS+ via OWES, the Labour Fund via PUP, PFRON, the gmina, ...). */
export async function createSource(db: Db, ctx: Ctx & { values: Record<string, string> }): Promise<string> {
  assertManage(ctx);
  const parsed = parseForm(toForm(ctx.values), sourceSchema);
  if (!parsed.ok) throwIfErrors(parsed.errors);
  if (!parsed.ok) throw new Error('unreachable');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fundingSources)
      .values({ localityId: ctx.locality.localityId, ...parsed.data })
      .returning({ id: fundingSources.id });
    await audit(tx, ctx, 'funding.source.create', 'funding_source', row!.id, { name: parsed.data.name });
    return row!.id;
  });
}

/** A planned application to a call: source, call, deadline, amount, for an enterprise or initiative. */
export async function createApplication(
  db: Db,
  ctx: Ctx & { values: Record<string, string> },
): Promise<string> {
  assertManage(ctx);
  const parsed = parseForm(toForm(ctx.values), applicationSchema);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const localityId = ctx.locality.localityId;
  if (parsed.ok) {
    if (!(await sourceOf(db, localityId, parsed.data.sourceId))) errors.sourceId = 'financing.form.unknown';
    if (!(await belongs(db, 'enterprises', localityId, parsed.data.enterpriseId)))
      errors.enterpriseId = 'financing.form.unknown';
    if (!(await belongs(db, 'initiatives', localityId, parsed.data.initiativeId)))
      errors.initiativeId = 'financing.form.unknown';
  }
  throwIfErrors(errors);
  if (!parsed.ok) throw new Error('unreachable');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fundingApplications)
      .values({ localityId, ...parsed.data, status: 'planned', createdBy: ctx.actor.userId })
      .returning({ id: fundingApplications.id });
    await audit(tx, ctx, 'funding.application.create', 'funding_application', row!.id, {
      callName: parsed.data.callName,
    });
    return row!.id;
  });
}

export async function applicationRow(db: Db, localityId: string, id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select()
    .from(fundingApplications)
    .where(and(eq(fundingApplications.id, id), eq(fundingApplications.localityId, localityId)));
  return row ?? null;
}

/**
 * Runs a named command on an application (submit, grant, reject, withdraw) under its rules; every
 * rule that fails is reported in words. Granting returns the grant to create or link: the caller
 * goes on to the grant form with the application chosen (a grant needs its amount and schedule).
 */
export async function runApplicationCommand(
  db: Db,
  ctx: Ctx & { id: string; command: ApplicationCommand; values: Record<string, string>; today: string },
): Promise<{ status: string; grantId: string | null }> {
  assertManage(ctx);
  const parsed = parseForm(toForm(ctx.values), commandSchema);
  if (!parsed.ok) throwIfErrors(parsed.errors);
  if (!parsed.ok) throw new Error('unreachable');
  return db.transaction(async (tx) => {
    const app = await applicationRow(tx, ctx.locality.localityId, ctx.id);
    if (!app) notFound();
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(fundingApplicationDocuments)
      .where(eq(fundingApplicationDocuments.applicationId, app.id))) as [{ n: number }];
    const problems = checkCommand(
      ctx.command,
      { status: app.status, submittedOn: app.submittedOn, documents: n },
      parsed.data,
      ctx.today,
    );
    if (problems.length > 0) {
      const errors: FieldErrors = {};
      for (const p of problems) {
        const key = `financing.command.${p.key}` as MessageKey;
        if (p.field === '_form' && errors._form) errors._form = 'financing.command.several';
        else errors[p.field] = key;
      }
      throw new AppError('DOMAIN_RULE', 'financing.command.refused', {}, errors);
    }
    const to = APPLICATION_COMMANDS[ctx.command].to;
    await tx
      .update(fundingApplications)
      .set({
        status: to,
        ...(ctx.command === 'submit' ? { submittedOn: parsed.data.submittedOn } : {}),
        ...(ctx.command === 'grant' || ctx.command === 'reject' ? { decidedOn: parsed.data.decidedOn } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(fundingApplications.id, app.id));
    let grantId: string | null = null;
    if (ctx.command === 'grant') {
      const [linked] = await tx
        .select({ id: grants.id })
        .from(grants)
        .where(and(eq(grants.applicationId, app.id), eq(grants.localityId, ctx.locality.localityId)));
      grantId = linked?.id ?? null;
    }
    await audit(tx, ctx, `funding.application.${ctx.command}`, 'funding_application', app.id, {
      from: app.status,
      to,
    });
    return { status: to, grantId };
  });
}

export async function documentFilesParameter(db: Db, today: string) {
  return (await legalParameter<DocumentFilesParameter>(db, 'financing.documentFiles', today)).value;
}

/**
 * Attaches a document to an application: type and size checked against `financing.documentFiles`
 * (the type from the name, confirmed by the bytes); stored like the education materials, the row
 * written after the file and the file removed again if the row fails.
 */
export async function attachDocument(
  db: Db,
  storage: MaterialStorage,
  ctx: Ctx & { id: string; file: { name: string; bytes: Uint8Array } | null; today: string },
): Promise<void> {
  assertManage(ctx);
  const app = await applicationRow(db, ctx.locality.localityId, ctx.id);
  if (!app) notFound();
  if (!ctx.file) throwIfErrors({ file: 'financing.document.required' });
  const file = ctx.file as { name: string; bytes: Uint8Array };
  const params = await documentFilesParameter(db, ctx.today);
  const check = checkDocument(file, params);
  if (!check.ok)
    throwIfErrors({
      file: check.values
        ? { key: `financing.document.${check.key}` as MessageKey, values: check.values }
        : (`financing.document.${check.key}` as MessageKey),
    });
  if (!check.ok) return;
  const key = `financing/${ctx.locality.localityId}/${app.id}/${randomUUID()}`;
  await storage.put(key, file.bytes, check.contentType);
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(fundingApplicationDocuments)
        .values({
          localityId: ctx.locality.localityId,
          applicationId: app.id,
          fileName: file.name.trim().slice(0, 200),
          contentType: check.contentType,
          sizeBytes: file.bytes.length,
          storageKey: key,
          uploadedBy: ctx.actor.userId,
        })
        .returning({ id: fundingApplicationDocuments.id });
      await audit(tx, ctx, 'funding.document.attach', 'funding_application', app.id, {
        documentId: row!.id,
        fileName: file.name,
      });
    });
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
}

/**
 * Removes a document attached to an application by mistake (confirmed in the form). The row and
 * its audit entry (with the file's name) go in one transaction; the stored file is deleted after
 * it commits, so a failed removal never leaves a row pointing at a missing file.
 */
export async function removeDocument(
  db: Db,
  storage: MaterialStorage,
  ctx: Ctx & { id: string; documentId: string; confirmed: boolean },
): Promise<void> {
  assertManage(ctx);
  const app = await applicationRow(db, ctx.locality.localityId, ctx.id);
  if (!app) notFound();
  const errors: FieldErrors = {};
  if (!UUID.test(ctx.documentId)) errors.documentId = 'financing.document.remove.unknown';
  if (!ctx.confirmed) errors.confirm = 'financing.document.remove.confirm.required';
  throwIfErrors(errors, 'financing.document.remove.invalid');
  const removed = await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(fundingApplicationDocuments)
      .where(
        and(
          eq(fundingApplicationDocuments.id, ctx.documentId),
          eq(fundingApplicationDocuments.applicationId, app.id),
        ),
      )
      .returning({
        id: fundingApplicationDocuments.id,
        fileName: fundingApplicationDocuments.fileName,
        storageKey: fundingApplicationDocuments.storageKey,
      });
    if (!row)
      throwIfErrors({ documentId: 'financing.document.remove.unknown' }, 'financing.document.remove.invalid');
    await audit(tx, ctx, 'funding.document.remove', 'funding_application', app.id, {
      documentId: row!.id,
      fileName: row!.fileName,
    });
    return row!;
  });
  await storage.delete(removed.storageKey).catch(() => undefined);
}
