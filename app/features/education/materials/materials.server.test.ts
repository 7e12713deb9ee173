import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, materialModules, materialVersions } from '../../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/db.ts';
import { actorFor } from '../../../../tests/setup/services.ts';
import type { ActorLocality } from '../../../lib/actor.ts';
import { AppError } from '../../../lib/errors.ts';
import type { Role } from '../../../lib/roles.ts';
import {
  addModule,
  ensureLeadersProgramme,
  loadCurriculum,
  moveModule,
  removeModule,
} from '../programmes/programmes.server.ts';
import {
  addMaterialVersion,
  createMaterial,
  findVersion,
  getMaterial,
  materialFilter,
  searchMaterials,
  updateMaterial,
} from './materials.server.ts';
import type { MaterialStorage } from './storage.server.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let user: { id: string };
const today = '2026-11-27';

/** Storage in memory that remembers every key it was asked to keep or drop. */
function memoryStorage() {
  const objects = new Map<string, Uint8Array>();
  const deleted: string[] = [];
  const storage: MaterialStorage = {
    async put(key, bytes) {
      objects.set(key, bytes);
    },
    async get(key) {
      return objects.get(key) ?? null;
    },
    async delete(key) {
      deleted.push(key);
      objects.delete(key);
    },
  };
  return { storage, objects, deleted };
}

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  user = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'coordinator' }] });
});
afterAll(async () => {
  await t.dispose();
});

const ctx = (roles: Role[] = ['coordinator'], loc = wg) => ({
  actor: actorFor(user),
  locality: {
    localityId: loc.id,
    slug: loc.slug,
    name: loc.name,
    kind: 'urban',
    roles,
    organisationIds: [],
  } as ActorLocality,
});

function form(values: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const x of [v].flat()) f.append(k, x);
  return f;
}
const pdf = (text = 'x') => ({
  name: 'plik.pdf',
  type: 'application/pdf',
  bytes: new TextEncoder().encode(`%PDF-1.4\n${text}`),
});
const base = {
  title: 'Spółdzielnia krok po kroku',
  description: '',
  kind: 'document',
  language: 'pl',
  licence: 'CC BY 4.0',
};

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('the leaders’ programme', () => {
  it('is created once per locality, with modules in order, and loads in two statements', async () => {
    const id = await ensureLeadersProgramme(t.db, { localityId: wg.id, actorUserId: user.id });
    expect(await ensureLeadersProgramme(t.db, { localityId: wg.id, actorUserId: user.id })).toBe(id);
    const loaded = (await loadCurriculum(t.db, { localityId: wg.id, curriculumId: id }))!;
    expect(loaded.curriculum.isLeadersProgramme).toBe(true);
    expect(loaded.modules.length).toBeGreaterThanOrEqual(6);
    expect(loaded.modules.map((m) => m.position)).toEqual(loaded.modules.map((_, i) => i + 1));
    expect(loaded.modules.map((m) => m.title)).toContain('Budowanie lokalnych partnerstw');
    expect(loaded.totalHours).toBe(loaded.modules.reduce((s, m) => s + m.plannedHours, 0));
    expect(await loadCurriculum(t.db, { localityId: pz.id, curriculumId: id })).toBeNull();
  });

  it('adds, moves and removes modules, auditing each change', async () => {
    const id = await ensureLeadersProgramme(t.db, { localityId: wg.id, actorUserId: user.id });
    const added = await addModule(
      t.db,
      ctx(),
      id,
      form({ title: 'Wizyta studyjna', objectives: '', plannedHours: '2,5' }),
    );
    let loaded = (await loadCurriculum(t.db, { localityId: wg.id, curriculumId: id }))!;
    const n = loaded.modules.length;
    expect(loaded.modules.at(-1)).toMatchObject({ id: added, position: n, plannedHours: 2.5 });
    await moveModule(t.db, ctx(), id, added, 'up');
    loaded = (await loadCurriculum(t.db, { localityId: wg.id, curriculumId: id }))!;
    expect(loaded.modules[n - 2]!.id).toBe(added);
    await removeModule(t.db, ctx(), id, added);
    loaded = (await loadCurriculum(t.db, { localityId: wg.id, curriculumId: id }))!;
    expect(loaded.modules.map((m) => m.position)).toEqual(loaded.modules.map((_, i) => i + 1));
    const [a] = await t.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, added));
    expect(a!.n).toBe(3);
    const bad = await errorOf(addModule(t.db, ctx(), id, form({ title: '', plannedHours: '0' })));
    expect(bad.fieldErrors).toEqual({
      title: 'education.programmes.form.title.required',
      plannedHours: 'education.programmes.form.hours.invalid',
    });
    expect(
      (await errorOf(addModule(t.db, ctx(['leader']), id, form({ title: 'x', plannedHours: '1' })))).code,
    ).toBe('FORBIDDEN');
    // Another locality's programme is not found.
    expect(
      (await errorOf(addModule(t.db, ctx(['coordinator'], pz), id, form({ title: 'x', plannedHours: '1' }))))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('materials', () => {
  it('stores a file, numbers versions 1, 2, 3 and keeps each file', async () => {
    const { storage, objects } = memoryStorage();
    const curriculumId = await ensureLeadersProgramme(t.db, { localityId: wg.id, actorUserId: user.id });
    const mod = (await loadCurriculum(t.db, { localityId: wg.id, curriculumId }))!.modules[4]!;
    const id = await createMaterial(t.db, storage, ctx(), {
      form: form({ ...base, visibility: 'leaders', modules: mod.id }),
      file: pdf('v1'),
      today,
    });
    expect(
      await addMaterialVersion(t.db, storage, ctx(), id, { file: pdf('v2'), note: 'poprawki', today }),
    ).toBe(2);
    expect(await addMaterialVersion(t.db, storage, ctx(), id, { file: pdf('v3'), note: '', today })).toBe(3);
    const versions = await t.db
      .select()
      .from(materialVersions)
      .where(eq(materialVersions.materialId, id))
      .orderBy(materialVersions.version);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(versions[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(versions[1]!.note).toBe('poprawki');
    expect(objects.size).toBe(3);
    const m = (await getMaterial(t.db, { localityId: wg.id, materialId: id, audiences: ['leaders'] }))!;
    expect(m.versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(m.modules.map((x) => x.id)).toEqual([mod.id]);
    const [audits] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'education.material.versionAdded')));
    expect(audits!.n).toBe(2);
  });

  it('removes the stored file when the database write fails', async () => {
    const { storage, objects, deleted } = memoryStorage();
    const spy = vi.spyOn(t.db, 'transaction').mockRejectedValueOnce(new Error('disk full'));
    await expect(
      createMaterial(t.db, storage, ctx(), {
        form: form({ ...base, visibility: 'staff' }),
        file: pdf(),
        today,
      }),
    ).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(deleted).toHaveLength(1);
    expect(objects.size).toBe(0);
  });

  it('stores nothing for a refused file, and explains', async () => {
    const { storage, objects } = memoryStorage();
    const e = await errorOf(
      createMaterial(t.db, storage, ctx(), {
        form: form({ ...base, visibility: 'staff' }),
        file: { name: 'fałszywy.pdf', type: 'application/pdf', bytes: new TextEncoder().encode('<html>') },
        today,
      }),
    );
    expect(e.fieldErrors.file).toEqual({
      key: 'education.materials.file.notWhatItSays',
      values: { type: 'PDF' },
    });
    expect(objects.size).toBe(0);
    const link = await errorOf(
      createMaterial(t.db, storage, ctx(), {
        form: form({ ...base, kind: 'link', visibility: 'public', url: 'javascript:alert(1)' }),
        file: null,
        today,
      }),
    );
    expect(link.fieldErrors.url).toBe('education.materials.form.url.invalid');
  });

  it('shows each audience only its materials, and nothing across localities', async () => {
    const { storage } = memoryStorage();
    const ids: Record<string, string> = {};
    for (const visibility of ['staff', 'leaders', 'participants', 'public']) {
      ids[visibility] = await createMaterial(t.db, storage, ctx(), {
        form: form({
          ...base,
          title: `Żółta karta ${visibility}`,
          kind: 'link',
          url: 'https://example.org',
          visibility,
        }),
        file: null,
        today,
      });
    }
    const search = async (
      audiences: ('staff' | 'leaders' | 'participants' | 'public')[],
      q = 'zolta KARTA',
    ) =>
      (
        await searchMaterials(t.db, {
          localityId: wg.id,
          audiences,
          filter: materialFilter(new URL(`http://x/?q=${encodeURIComponent(q)}`)),
          offset: 0,
          limit: 20,
        })
      ).rows.map((r) => r.title);
    expect(await search(['participants', 'public'])).toEqual([
      'Żółta karta participants',
      'Żółta karta public',
    ]);
    expect((await search(['staff', 'leaders', 'participants', 'public'])).length).toBe(4);
    expect(
      await getMaterial(t.db, {
        localityId: wg.id,
        materialId: ids.staff!,
        audiences: ['participants', 'public'],
      }),
    ).toBeNull();
    expect(
      await getMaterial(t.db, { localityId: pz.id, materialId: ids.public!, audiences: ['public'] }),
    ).toBeNull();
    // Editing from another locality: 404.
    expect(
      (
        await errorOf(
          updateMaterial(
            t.db,
            ctx(['coordinator'], pz),
            ids.public!,
            form({ ...base, visibility: 'public' }),
          ),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('a version download needs the audience and the locality', async () => {
    const { storage } = memoryStorage();
    const id = await createMaterial(t.db, storage, ctx(), {
      form: form({ ...base, visibility: 'staff' }),
      file: pdf(),
      today,
    });
    expect(
      await findVersion(t.db, { localityId: wg.id, materialId: id, version: 1, audiences: ['staff'] }),
    ).not.toBeNull();
    expect(
      await findVersion(t.db, { localityId: wg.id, materialId: id, version: 1, audiences: ['participants'] }),
    ).toBeNull();
    expect(
      await findVersion(t.db, { localityId: pz.id, materialId: id, version: 1, audiences: ['staff'] }),
    ).toBeNull();
    const [links] = await t.db
      .select({ n: count() })
      .from(materialModules)
      .where(eq(materialModules.materialId, id));
    expect(links!.n).toBe(0);
  });
});
