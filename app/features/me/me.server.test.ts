import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitations, memberships, people } from '../../../db/schema/index.ts';
import { makeLocality, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor, recordingMail } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import type { Role } from '../../lib/roles.ts';
import { registerParticipant } from '../participants/participants.server.ts';
import { acceptInvitation } from '../users/invitations.server.ts';
import { handleSelfServiceIntent, inviteParticipantToSelfService } from './invite.server.ts';
import { findSelf, isOnlyParticipant, loadMyPage, updateMyData } from './me.server.ts';

let t: TestDatabase;
let wg: { id: string; slug: string; name: string };
let pz: { id: string; slug: string; name: string };
let staff: { id: string };
const today = '2026-11-27';

const loc = (l: { id: string; slug: string; name: string }, roles: Role[]): ActorLocality => ({
  localityId: l.id,
  slug: l.slug,
  name: l.name,
  kind: 'urban_rural',
  roles,
  organisationIds: [],
});

beforeAll(async () => {
  t = await createTestDatabase();
  wg = await makeLocality(t.db, { terytCode: '3028011' });
  pz = await makeLocality(t.db, { terytCode: '3064011' });
  staff = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'advisor' }] });
});
afterAll(async () => {
  await t.dispose();
});

async function participant(values: Record<string, string>) {
  return registerParticipant(t.db, {
    actor: actorFor(staff),
    locality: loc(wg, ['advisor']),
    today,
    values: { legalBasis: 'public_task', noPesel: 'on', birthDate: '1990-01-01', sex: 'female', ...values },
  });
}

describe('inviting a participant to self-service', () => {
  it('refuses without an e-mail, leaves other intents alone, and invites with the person linked on acceptance', async () => {
    const mail = recordingMail();
    const ctx = {
      db: t.db,
      mail,
      actor: actorFor(staff),
      locality: loc(wg, ['advisor']),
      baseUrl: 'https://splot.test',
    };
    const noEmail = await participant({ givenName: 'Ala', familyName: 'Bez', email: '' });
    expect(
      await handleSelfServiceIntent({ ...ctx, personId: noEmail, intent: 'close', form: new FormData() }),
    ).toBeNull();
    expect(
      await handleSelfServiceIntent({
        ...ctx,
        personId: noEmail,
        intent: 'inviteSelfService',
        form: new FormData(),
      }),
    ).toEqual({ ok: false, errors: { _form: 'me.invite.noEmail' }, status: 422 });
    expect(mail.sent).toHaveLength(0);

    const id = await participant({ givenName: 'Ewa', familyName: 'Nowa', email: 'ewa.nowa@example.test' });
    const r = await handleSelfServiceIntent({
      ...ctx,
      personId: id,
      intent: 'inviteSelfService',
      form: new FormData(),
    });
    expect(r).toMatchObject({ ok: true, flashKey: 'me.invite.sent' });
    expect(mail.sent.at(-1)!.to).toBe('ewa.nowa@example.test');
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.personId, id));
    expect(inv).toMatchObject({ role: 'participant', localityId: wg.id });

    const token = mail.lastLink()!.split('/invitation/')[1]!;
    const { userId } = await acceptInvitation(t.db, {
      token,
      requestId: 'r1',
      signedInUserId: null,
      newAccount: { name: 'Ewa Nowa', password: 'Bardzo-dobre-haslo-1', locale: 'pl' },
    });
    const [p] = await t.db.select({ userId: people.userId }).from(people).where(eq(people.id, id));
    expect(p!.userId).toBe(userId);
    const [m] = await t.db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.localityId, wg.id)));
    expect(m!.role).toBe('participant');
    // Now it has an account: a second invitation is refused.
    expect(
      await handleSelfServiceIntent({
        ...ctx,
        personId: id,
        intent: 'inviteSelfService',
        form: new FormData(),
      }),
    ).toMatchObject({ ok: false, errors: { _form: 'me.invite.hasAccount' } });
  });

  it('is for staff who manage participants, and a person of another locality is unknown', async () => {
    const mail = recordingMail();
    const id = await participant({ givenName: 'Ola', familyName: 'Inna', email: 'ola@example.test' });
    await expect(
      inviteParticipantToSelfService(t.db, {
        actor: actorFor(staff),
        locality: loc(wg, ['leader']),
        personId: id,
        mail,
        baseUrl: '',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      inviteParticipantToSelfService(t.db, {
        actor: actorFor(staff),
        locality: loc(pz, ['coordinator']),
        personId: id,
        mail,
        baseUrl: '',
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(mail.sent).toHaveLength(0);
  });
});

describe('the self', () => {
  it('is found only from the account, in its own locality; corrections are audited by field', async () => {
    const user = await makeUser(t.db, { roles: [{ localityId: wg.id, role: 'participant' }] });
    const id = await participant({ givenName: 'Jan', familyName: 'Sam', email: 'jan.sam@example.test' });
    await t.db.update(people).set({ userId: user.id }).where(eq(people.id, id));
    const ctx = { actor: actorFor(user), locality: loc(wg, ['participant']) };
    expect(await findSelf(t.db, ctx)).toEqual({ personId: id });
    expect(await findSelf(t.db, { ...ctx, locality: loc(pz, ['participant']) })).toBeNull();
    await expect(findSelf(t.db, { ...ctx, locality: loc(wg, ['leader']) })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const page = await loadMyPage(t.db, ctx);
    expect(page?.person).toMatchObject({ givenName: 'Jan', familyName: 'Sam' });
    expect(
      await updateMyData(t.db, {
        ...ctx,
        input: { givenName: 'Jan', familyName: 'Sam', email: 'jan.sam@example.test', phone: '600 100 200' },
      }),
    ).toEqual(['phone']);
    // Jan's account is linked to him: another person with the same e-mail cannot be invited with it.
    const twin = await participant({ givenName: 'Jan', familyName: 'Drugi', email: user.email });
    await expect(
      inviteParticipantToSelfService(t.db, {
        actor: actorFor(staff),
        locality: loc(wg, ['advisor']),
        personId: twin,
        mail: recordingMail(),
        baseUrl: '',
      }),
    ).rejects.toMatchObject({ messageKey: 'me.invite.emailLinkedElsewhere' });
    expect(isOnlyParticipant(ctx.actor, ctx.locality)).toBe(true);
    expect(isOnlyParticipant(ctx.actor, loc(wg, ['participant', 'leader']))).toBe(false);
  });
});
