import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../../db/client.ts';
import { enterprises, organisations } from '../../../../db/schema/index.ts';

/** The enterprise's name, form and stored check, within the locality (null: not here). */
export async function getEnterpriseStatus(db: Db, opts: { localityId: string; id: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) return null;
  const [row] = await db
    .select({
      id: enterprises.id,
      organisationId: enterprises.organisationId,
      name: organisations.name,
      legalForm: organisations.legalForm,
      closedOn: enterprises.closedOn,
      lastCheck: enterprises.lastCheck,
      lastCheckPassed: enterprises.lastCheckPassed,
      lastCheckAt: enterprises.lastCheckAt,
    })
    .from(enterprises)
    .innerJoin(organisations, eq(organisations.id, enterprises.organisationId))
    .where(and(eq(enterprises.id, opts.id), eq(enterprises.localityId, opts.localityId)))
    .limit(1);
  return row ?? null;
}
