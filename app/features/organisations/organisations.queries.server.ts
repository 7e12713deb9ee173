import { and, asc, count, desc, eq, like, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.ts';
import { contactEvents, organisationContacts, organisations, users } from '../../../db/schema/index.ts';
import { foldForSearch } from '../../lib/text.ts';
import type { OrganisationKind } from './organisation.rules.ts';

export type DirectoryFilter = { q: string; kind: OrganisationKind | null; pes: boolean | null };

function escapeLike(v: string) {
  return v.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function directoryWhere(localityId: string, f: DirectoryFilter): SQL | undefined {
  const parts: SQL[] = [eq(organisations.localityId, localityId)];
  const q = foldForSearch(f.q);
  if (q) parts.push(like(organisations.nameFolded, `%${escapeLike(q)}%`));
  if (f.kind) parts.push(eq(organisations.kind, f.kind));
  if (f.pes !== null) parts.push(eq(organisations.isPes, f.pes));
  return and(...parts);
}

const listColumns = {
  id: organisations.id,
  name: organisations.name,
  kind: organisations.kind,
  legalForm: organisations.legalForm,
  isPes: organisations.isPes,
  nip: organisations.nip,
  city: organisations.city,
};

/** One page of the locality's directory, searched by name ignoring case and diacritics. */
export async function searchOrganisations(
  db: Db,
  opts: { localityId: string; filter: DirectoryFilter; offset: number; limit: number },
) {
  const where = directoryWhere(opts.localityId, opts.filter);
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(organisations)
      .where(where)
      .orderBy(asc(organisations.nameFolded), asc(organisations.id))
      .limit(opts.limit)
      .offset(opts.offset),
    db.select({ n: count() }).from(organisations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every organisation matching the filter, for export (all columns a spreadsheet needs). */
export async function exportOrganisations(db: Db, opts: { localityId: string; filter: DirectoryFilter }) {
  return db
    .select({
      name: organisations.name,
      kind: organisations.kind,
      legalForm: organisations.legalForm,
      isPes: organisations.isPes,
      nip: organisations.nip,
      regon: organisations.regon,
      krs: organisations.krs,
      street: organisations.street,
      houseNo: organisations.houseNo,
      flatNo: organisations.flatNo,
      postalCode: organisations.postalCode,
      city: organisations.city,
      phone: organisations.phone,
      email: organisations.email,
      website: organisations.website,
    })
    .from(organisations)
    .where(directoryWhere(opts.localityId, opts.filter))
    .orderBy(asc(organisations.nameFolded));
}

export async function getOrganisation(db: Db, opts: { localityId: string; id: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) return null;
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.localityId, opts.localityId), eq(organisations.id, opts.id)))
    .limit(1);
  return row ?? null;
}

export async function listContacts(db: Db, opts: { localityId: string; organisationId: string }) {
  return db
    .select()
    .from(organisationContacts)
    .where(
      and(
        eq(organisationContacts.localityId, opts.localityId),
        eq(organisationContacts.organisationId, opts.organisationId),
      ),
    )
    .orderBy(asc(organisationContacts.name));
}

export async function listContactEvents(
  db: Db,
  opts: { localityId: string; organisationId: string; limit?: number },
) {
  const owner = alias(users, 'owner');
  const author = alias(users, 'author');
  return db
    .select({
      id: contactEvents.id,
      happenedOn: contactEvents.happenedOn,
      channel: contactEvents.channel,
      summary: contactEvents.summary,
      contactName: organisationContacts.name,
      followUp: contactEvents.followUp,
      followUpDue: contactEvents.followUpDue,
      followUpDoneAt: contactEvents.followUpDoneAt,
      ownerName: owner.name,
      authorName: author.name,
    })
    .from(contactEvents)
    .leftJoin(organisationContacts, eq(organisationContacts.id, contactEvents.contactId))
    .leftJoin(owner, eq(owner.id, contactEvents.followUpOwnerId))
    .leftJoin(author, eq(author.id, contactEvents.createdBy))
    .where(
      and(
        eq(contactEvents.localityId, opts.localityId),
        eq(contactEvents.organisationId, opts.organisationId),
      ),
    )
    .orderBy(desc(contactEvents.happenedOn), desc(contactEvents.id))
    .limit(opts.limit ?? 100);
}
