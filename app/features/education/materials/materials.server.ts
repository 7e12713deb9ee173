import { createHash, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import {
  curricula,
  curriculumModules,
  localities,
  materialModules,
  materials,
  materialVersions,
  users,
} from '../../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../../lib/actor.ts';
import { writeAudit } from '../../../lib/audit.server.ts';
import { AppError } from '../../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../../lib/forms.ts';
import { legalParameter } from '../../../lib/legal-parameters.server.ts';
import { foldForSearch } from '../../../lib/text.ts';
import { canManageEducation } from '../programmes/programmes.policy.ts';
import { UUID } from '../programmes/programmes.server.ts';
import { type MaterialInput, materialSchema } from './material.schema.ts';
import {
  checkMaterialFile,
  MATERIAL_KINDS,
  type MaterialFilesParameter,
  type MaterialVisibility,
  visibleAudiences,
} from './materials.rules.ts';
import type { MaterialStorage } from './storage.server.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

/** A file as submitted: its name, the declared type (ignored: the bytes decide) and bytes. */
export type UploadedFile = { name: string; type: string; bytes: Uint8Array };

export function audiencesFor(ctx: Ctx): MaterialVisibility[] {
  return visibleAudiences(ctx.locality.roles, ctx.actor.isPlatformAdmin);
}

function assertManage(ctx: Ctx) {
  if (!canManageEducation(ctx.actor, ctx.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
}

function invalid(errors: FieldErrors): never {
  throw new AppError('BAD_REQUEST', 'education.materials.form.invalid', {}, errors);
}

async function audit(db: Db, ctx: Ctx, action: string, id: string, details: Record<string, unknown>) {
  await writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'material',
    entityId: id,
    details,
  });
}

export async function materialFilesParameter(db: Db, today: string) {
  return (await legalParameter<MaterialFilesParameter>(db, 'education.materialFiles', today)).value;
}

/** Module ids from the form that belong to this locality's programmes; unknown ones are an error. */
async function checkedModules(db: Db, localityId: string, form: FormData, errors: FieldErrors) {
  const ids = [...new Set(form.getAll('modules').map(String).filter(Boolean))];
  if (ids.length === 0) return [];
  if (!ids.every((id) => UUID.test(id))) {
    errors.modules = 'education.materials.form.modules.unknown';
    return [];
  }
  const found = await db
    .select({ id: curriculumModules.id })
    .from(curriculumModules)
    .where(and(inArray(curriculumModules.id, ids), eq(curriculumModules.localityId, localityId)));
  if (found.length !== ids.length) errors.modules = 'education.materials.form.modules.unknown';
  return found.map((r) => r.id);
}

function fileError(file: UploadedFile | null, params: MaterialFilesParameter, errors: FieldErrors) {
  if (!file || file.bytes.length === 0) return null;
  const check = checkMaterialFile({ name: file.name, size: file.bytes.length, bytes: file.bytes }, params);
  if (!check.ok) {
    errors.file = check.values ? { key: check.key, values: check.values } : check.key;
    return null;
  }
  return check.contentType;
}

function storageKey(localityId: string, materialId: string, version: number) {
  return `${localityId}/${materialId}/v${version}-${randomUUID()}`;
}

/**
 * Stores the file, then runs the database write; if the write fails the file is removed again,
 * so nothing is half-saved.
 */
async function withStoredFile<T>(
  storage: MaterialStorage,
  key: string,
  bytes: Uint8Array,
  contentType: string,
  write: () => Promise<T>,
): Promise<T> {
  await storage.put(key, bytes, contentType);
  try {
    return await write();
  } catch (error) {
    await storage.delete(key).catch(() => undefined);
    throw error;
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Creates a material (a file's first version, or a link) with the modules it serves. */
export async function createMaterial(
  db: Db,
  storage: MaterialStorage,
  ctx: Ctx,
  input: { form: FormData; file: UploadedFile | null; today: string },
): Promise<string> {
  assertManage(ctx);
  const errors: FieldErrors = {};
  const parsed = parseForm(input.form, materialSchema);
  if (!parsed.ok) Object.assign(errors, parsed.errors);
  const moduleIds = await checkedModules(db, ctx.locality.localityId, input.form, errors);
  const params = await materialFilesParameter(db, input.today);
  const isLink = parsed.ok && parsed.data.kind === 'link';
  let contentType: string | null = null;
  if (!isLink) {
    if (!input.file || input.file.bytes.length === 0) errors.file = 'education.materials.file.missing';
    else contentType = fileError(input.file, params, errors);
  }
  if (!parsed.ok || Object.keys(errors).length > 0) invalid(errors);
  const data: MaterialInput = parsed.data;
  const materialId = randomUUID();
  const write = () =>
    db.transaction(async (tx) => {
      await tx.insert(materials).values({
        id: materialId,
        localityId: ctx.locality.localityId,
        title: data.title,
        description: data.description,
        kind: data.kind,
        language: data.language,
        licence: data.licence,
        visibility: data.visibility,
        url: isLink ? data.url : '',
        createdBy: ctx.actor.userId,
      });
      if (moduleIds.length)
        await tx
          .insert(materialModules)
          .values(
            moduleIds.map((moduleId) => ({ materialId, moduleId, localityId: ctx.locality.localityId })),
          );
      if (key && input.file && contentType)
        await tx.insert(materialVersions).values({
          materialId,
          localityId: ctx.locality.localityId,
          version: 1,
          storageKey: key,
          fileName: input.file.name,
          contentType,
          sizeBytes: input.file.bytes.length,
          sha256: sha256(input.file.bytes),
          uploadedBy: ctx.actor.userId,
        });
      await audit(tx, ctx, 'education.material.created', materialId, {
        title: data.title,
        kind: data.kind,
        visibility: data.visibility,
        modules: moduleIds.length,
        ...(input.file && contentType
          ? { fileName: input.file.name, sizeBytes: input.file.bytes.length }
          : {}),
      });
      return materialId;
    });
  const key =
    !isLink && input.file && contentType ? storageKey(ctx.locality.localityId, materialId, 1) : null;
  if (!key || !input.file || !contentType) return write();
  return withStoredFile(storage, key, input.file.bytes, contentType, write);
}

/** Corrects a material's description, audience, licence and modules (kind stays). */
export async function updateMaterial(db: Db, ctx: Ctx, materialId: string, form: FormData) {
  assertManage(ctx);
  const current = await findMaterialRow(db, ctx.locality.localityId, materialId);
  if (!current) throw new AppError('NOT_FOUND', 'errors.404.body');
  form.set('kind', current.kind);
  const errors: FieldErrors = {};
  const parsed = parseForm(form, materialSchema);
  if (!parsed.ok) Object.assign(errors, parsed.errors);
  const moduleIds = await checkedModules(db, ctx.locality.localityId, form, errors);
  if (!parsed.ok || Object.keys(errors).length > 0) invalid(errors);
  const data = parsed.data;
  await db.transaction(async (tx) => {
    await tx
      .update(materials)
      .set({
        title: data.title,
        description: data.description,
        language: data.language,
        licence: data.licence,
        visibility: data.visibility,
        url: current.kind === 'link' ? data.url : '',
        updatedAt: new Date(),
      })
      .where(and(eq(materials.id, materialId), eq(materials.localityId, ctx.locality.localityId)));
    await tx.delete(materialModules).where(eq(materialModules.materialId, materialId));
    if (moduleIds.length)
      await tx
        .insert(materialModules)
        .values(moduleIds.map((moduleId) => ({ materialId, moduleId, localityId: ctx.locality.localityId })));
    await audit(tx, ctx, 'education.material.updated', materialId, {
      title: data.title,
      visibility: data.visibility,
      previousVisibility: current.visibility,
      modules: moduleIds.length,
    });
  });
}

/** Uploads a new version of a material's file: the next number, the file checked like the first. */
export async function addMaterialVersion(
  db: Db,
  storage: MaterialStorage,
  ctx: Ctx,
  materialId: string,
  input: { file: UploadedFile | null; note: string; today: string },
): Promise<number> {
  assertManage(ctx);
  const current = await findMaterialRow(db, ctx.locality.localityId, materialId);
  if (!current) throw new AppError('NOT_FOUND', 'errors.404.body');
  if (current.kind === 'link') throw new AppError('DOMAIN_RULE', 'education.materials.version.linkHasNoFile');
  const errors: FieldErrors = {};
  const note = input.note.trim();
  if (note.length > 500) errors.note = 'education.materials.form.tooLong';
  const params = await materialFilesParameter(db, input.today);
  let contentType: string | null = null;
  if (!input.file || input.file.bytes.length === 0) errors.file = 'education.materials.file.missing';
  else contentType = fileError(input.file, params, errors);
  if (Object.keys(errors).length > 0 || !input.file || !contentType) invalid(errors);
  const file = input.file;
  const [last] = await db
    .select({ v: sql<number>`coalesce(max(${materialVersions.version}), 0)::int` })
    .from(materialVersions)
    .where(eq(materialVersions.materialId, materialId));
  const version = (last?.v ?? 0) + 1;
  const key = storageKey(ctx.locality.localityId, materialId, version);
  try {
    return await withStoredFile(storage, key, file.bytes, contentType, () =>
      db.transaction(async (tx) => {
        await tx.insert(materialVersions).values({
          materialId,
          localityId: ctx.locality.localityId,
          version,
          storageKey: key,
          fileName: file.name,
          contentType,
          sizeBytes: file.bytes.length,
          sha256: sha256(file.bytes),
          note,
          uploadedBy: ctx.actor.userId,
        });
        await tx.update(materials).set({ updatedAt: new Date() }).where(eq(materials.id, materialId));
        await audit(tx, ctx, 'education.material.versionAdded', materialId, {
          version,
          fileName: file.name,
          sizeBytes: file.bytes.length,
        });
        return version;
      }),
    );
  } catch (error) {
    // Someone else uploaded the same number a moment earlier.
    if (
      (error as { code?: string; cause?: { code?: string } }).code === '23505' ||
      (error as { cause?: { code?: string } }).cause?.code === '23505'
    )
      throw new AppError('CONFLICT', 'education.materials.version.conflict');
    throw error;
  }
}

async function findMaterialRow(db: Db, localityId: string, materialId: string) {
  if (!UUID.test(materialId)) return null;
  const [row] = await db
    .select({ id: materials.id, kind: materials.kind, visibility: materials.visibility })
    .from(materials)
    .where(and(eq(materials.id, materialId), eq(materials.localityId, localityId)))
    .limit(1);
  return row ?? null;
}

export type MaterialFilter = { q: string; kind: string; module: string; language: string };

export function materialFilter(url: URL): MaterialFilter {
  const p = url.searchParams;
  const kind = p.get('kind') ?? '';
  const module = p.get('module') ?? '';
  const language = p.get('language') ?? '';
  return {
    q: (p.get('q') ?? '').trim().slice(0, 100),
    kind: (MATERIAL_KINDS as readonly string[]).includes(kind) ? kind : '',
    module: UUID.test(module) ? module : '',
    language: /^[a-z]{2}$/.test(language) ? language : '',
  };
}

/** The library for one audience set: filtered, paginated, one statement (total via a window). */
export async function searchMaterials(
  db: Db,
  opts: {
    localityId: string;
    audiences: MaterialVisibility[];
    filter: MaterialFilter;
    offset: number;
    limit: number;
  },
) {
  const { filter } = opts;
  const where = [eq(materials.localityId, opts.localityId), inArray(materials.visibility, opts.audiences)];
  if (filter.q) {
    for (const word of foldForSearch(filter.q).split(/\s+/).filter(Boolean))
      where.push(sql`${materials.searchFolded} like ${`%${word.replace(/[\\%_]/g, '\\$&')}%`}`);
  }
  if (filter.kind) where.push(eq(materials.kind, filter.kind));
  if (filter.language) where.push(eq(materials.language, filter.language));
  if (filter.module)
    where.push(
      sql`exists (select 1 from ${materialModules} mm where mm.material_id = "materials"."id" and mm.module_id = ${filter.module})`,
    );
  const rows = await db
    .select({
      id: materials.id,
      title: materials.title,
      kind: materials.kind,
      language: materials.language,
      licence: materials.licence,
      visibility: materials.visibility,
      url: materials.url,
      updatedAt: materials.updatedAt,
      latestVersion: sql<
        number | null
      >`(select max(v.version) from ${materialVersions} v where v.material_id = "materials"."id")`,
      modules: sql<
        string[]
      >`coalesce((select json_agg(m.title order by m.position) from ${materialModules} mm join ${curriculumModules} m on m.id = mm.module_id where mm.material_id = "materials"."id"), '[]'::json)`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(materials)
    .where(and(...where))
    .orderBy(asc(materials.title), asc(materials.id))
    .limit(opts.limit)
    .offset(opts.offset);
  return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** When the page is past the end, the count comes from a second statement (rare). */
export async function countMaterials(db: Db, localityId: string, audiences: MaterialVisibility[]) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(materials)
    .where(and(eq(materials.localityId, localityId), inArray(materials.visibility, audiences)));
  return row?.n ?? 0;
}

/**
 * One material with the modules it serves and its versions (who, when, size): one statement.
 * Null when unknown here or not for this audience.
 */
export async function getMaterial(
  db: Db,
  opts: { localityId: string; materialId: string; audiences: MaterialVisibility[] },
) {
  if (!UUID.test(opts.materialId)) return null;
  const [row] = await db
    .select({
      id: materials.id,
      title: materials.title,
      description: materials.description,
      kind: materials.kind,
      language: materials.language,
      licence: materials.licence,
      visibility: materials.visibility,
      url: materials.url,
      createdAt: materials.createdAt,
      updatedAt: materials.updatedAt,
      modules: sql<{ id: string; title: string; curriculumId: string; curriculumName: string }[]>`coalesce((
        select json_agg(json_build_object('id', m.id, 'title', m.title, 'curriculumId', c.id, 'curriculumName', c.name) order by c.name, m.position)
        from ${materialModules} mm join ${curriculumModules} m on m.id = mm.module_id join ${curricula} c on c.id = m.curriculum_id
        where mm.material_id = "materials"."id"), '[]'::json)`,
      versions: sql<
        {
          version: number;
          fileName: string;
          contentType: string;
          sizeBytes: number;
          sha256: string;
          note: string;
          uploadedAt: string;
          uploadedBy: string | null;
        }[]
      >`coalesce((
        select json_agg(json_build_object('version', v.version, 'fileName', v.file_name, 'contentType', v.content_type,
          'sizeBytes', v.size_bytes, 'sha256', v.sha256, 'note', v.note, 'uploadedAt', v.uploaded_at, 'uploadedBy', u.name)
          order by v.version desc)
        from ${materialVersions} v left join ${users} u on u.id = v.uploaded_by
        where v.material_id = "materials"."id"), '[]'::json)`,
    })
    .from(materials)
    .where(
      and(
        eq(materials.id, opts.materialId),
        eq(materials.localityId, opts.localityId),
        inArray(materials.visibility, opts.audiences),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** A version's stored file for download, when the material is for this audience; else null. */
export async function findVersion(
  db: Db,
  opts: {
    localityId: string;
    materialId: string;
    version: number | 'latest';
    audiences: MaterialVisibility[];
  },
) {
  if (!UUID.test(opts.materialId)) return null;
  const [row] = await db
    .select({
      title: materials.title,
      version: materialVersions.version,
      storageKey: materialVersions.storageKey,
      fileName: materialVersions.fileName,
      contentType: materialVersions.contentType,
      sizeBytes: materialVersions.sizeBytes,
      sha256: materialVersions.sha256,
    })
    .from(materialVersions)
    .innerJoin(materials, eq(materials.id, materialVersions.materialId))
    .where(
      and(
        eq(materialVersions.materialId, opts.materialId),
        eq(materials.localityId, opts.localityId),
        inArray(materials.visibility, opts.audiences),
        ...(opts.version === 'latest' ? [] : [eq(materialVersions.version, opts.version)]),
      ),
    )
    .orderBy(desc(materialVersions.version))
    .limit(1);
  return row ?? null;
}

/** Modules of the locality's programmes, for the "modules served" checkboxes and the filter. */
export async function moduleOptions(db: Db, localityId: string) {
  return db
    .select({
      id: curriculumModules.id,
      title: curriculumModules.title,
      curriculumId: curricula.id,
      curriculumName: curricula.name,
    })
    .from(curriculumModules)
    .innerJoin(curricula, eq(curricula.id, curriculumModules.curriculumId))
    .where(eq(curriculumModules.localityId, localityId))
    .orderBy(desc(curricula.isLeadersProgramme), asc(curricula.name), asc(curriculumModules.position));
}

/** A locality for a public page, by its address. */
export async function findLocalityBySlug(db: Db, slug: string) {
  const [row] = await db
    .select({ id: localities.id, slug: localities.slug, name: localities.name })
    .from(localities)
    .where(eq(localities.slug, slug))
    .limit(1);
  return row ?? null;
}

/** Materials for one module of a programme page, visible to the audience: one statement. */
export async function materialsByModule(
  db: Db,
  opts: { localityId: string; curriculumId: string; audiences: MaterialVisibility[] },
) {
  return db
    .select({
      moduleId: materialModules.moduleId,
      id: materials.id,
      title: materials.title,
      kind: materials.kind,
      url: materials.url,
    })
    .from(materialModules)
    .innerJoin(materials, eq(materials.id, materialModules.materialId))
    .innerJoin(curriculumModules, eq(curriculumModules.id, materialModules.moduleId))
    .where(
      and(
        eq(curriculumModules.curriculumId, opts.curriculumId),
        eq(materials.localityId, opts.localityId),
        inArray(materials.visibility, opts.audiences),
      ),
    )
    .orderBy(asc(materials.title));
}

/**
 * Deletes a material with all its versions (a wrong upload, a licence withdrawn), confirmed in
 * the form. The rows and the audit entry (title and file names) go in one transaction; the
 * stored files are deleted after it commits.
 */
export async function deleteMaterial(
  db: Db,
  storage: MaterialStorage,
  ctx: Ctx,
  materialId: string,
  confirmed: boolean,
): Promise<{ title: string }> {
  assertManage(ctx);
  const current = await findMaterialRow(db, ctx.locality.localityId, materialId);
  if (!current) throw new AppError('NOT_FOUND', 'errors.404.body');
  if (!confirmed)
    throw new AppError(
      'BAD_REQUEST',
      'education.materials.delete.invalid',
      {},
      {
        confirm: 'education.materials.delete.confirm.required',
      },
    );
  const removed = await db.transaction(async (tx) => {
    const files = await tx
      .select({ storageKey: materialVersions.storageKey, fileName: materialVersions.fileName })
      .from(materialVersions)
      .where(eq(materialVersions.materialId, current.id));
    const [row] = await tx
      .delete(materials)
      .where(and(eq(materials.id, current.id), eq(materials.localityId, ctx.locality.localityId)))
      .returning({ title: materials.title });
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    await audit(tx, ctx, 'education.material.deleted', current.id, {
      title: row.title,
      visibility: current.visibility,
      files: files.map((f) => f.fileName),
    });
    return { title: row.title, keys: files.map((f) => f.storageKey).filter(Boolean) };
  });
  for (const key of removed.keys) await storage.delete(key).catch(() => undefined);
  return { title: removed.title };
}
