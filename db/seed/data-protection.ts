import { and, asc, eq, isNull, notExists, sql } from 'drizzle-orm';
import { requestErasure } from '../../app/features/data-protection/erasure.server.ts';
import type { Db } from '../client.ts';
import { participants, people, supportPlans } from '../schema/index.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

/**
 * Data protection in the demo: in Poznań one closed participant (no open plan, no account)
 * has asked to be erased, recorded by the coordinator on their behalf through the same use
 * case as the app, so the data-protection page has a request waiting. Run after participants
 * and plans. Wire it in db/seed/demo.ts after seedReferrals: `await seedDataProtection(db, places);`
 */
export async function seedDataProtection(db: Db, places: { poznan: Place }): Promise<void> {
  const ctx = await coordinatorContext(db, places.poznan);
  const [candidate] = await db
    .select({ id: people.id })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(
      and(
        eq(participants.localityId, places.poznan.locality.id),
        eq(participants.status, 'closed'),
        isNull(people.userId),
        isNull(people.erasedAt),
        notExists(
          db
            .select({ one: sql`1` })
            .from(supportPlans)
            .where(and(eq(supportPlans.personId, people.id), sql`${supportPlans.step} <> 'closed'`)),
        ),
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(1);
  if (!candidate) return;
  await requestErasure(db, { ...ctx, personId: candidate.id });
}
