import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { organisations, participants, people } from '../../../db/schema/index.ts';

export type ShareConsentOption = { organisationId: string; organisationName: string; givenOn: string };

/**
 * What the "refer a person" form needs, in two statements: the participant (null when unknown
 * here or erased) with the organisations they agreed to share data with, and the locality's
 * directory with its partnership leaders (the Centre's organisation) first.
 */
export async function loadReferralForm(db: Db, opts: { localityId: string; personId: string | null }) {
  const [personRows, orgs] = await Promise.all([
    opts.personId
      ? db
          .select({
            id: people.id,
            givenName: people.givenName,
            familyName: people.familyName,
            consents: sql<ShareConsentOption[]>`coalesce((
              select json_agg(json_build_object('organisationId', c.organisation_id,
                'organisationName', o.name, 'givenOn', c.given_on) order by o.name)
              from participant_consents c
              join organisations o on o.id = c.organisation_id
              where c.person_id = people.id and c.locality_id = ${opts.localityId}
                and c.purpose = 'share_partner' and c.withdrawn_on is null
            ), '[]'::json)`,
          })
          .from(participants)
          .innerJoin(people, eq(people.id, participants.personId))
          .where(
            and(
              eq(participants.personId, opts.personId),
              eq(participants.localityId, opts.localityId),
              isNull(people.erasedAt),
            ),
          )
          .limit(1)
      : Promise.resolve([]),
    db
      .select({
        id: organisations.id,
        name: organisations.name,
        leads: sql<boolean>`exists (select 1 from partnerships p
          where p.locality_id = ${opts.localityId} and p.leader_organisation_id = organisations.id)`,
      })
      .from(organisations)
      .where(eq(organisations.localityId, opts.localityId))
      .orderBy(asc(organisations.nameFolded)),
  ]);
  return { person: personRows[0] ?? null, organisations: orgs };
}
