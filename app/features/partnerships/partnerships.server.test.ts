import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inKindEntries } from '../../../db/schema/index.ts';
import { makeLocality, makeOrganisation, makeUser } from '../../../tests/factories/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../tests/setup/db.ts';
import { actorFor } from '../../../tests/setup/services.ts';
import type { ActorLocality } from '../../lib/actor.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import type { Role } from '../../lib/roles.ts';
import { liveEvidence } from '../roadmap/roadmap.evidence.server.ts';
import { addCommitment, deliverCommitment } from './commitments.server.ts';
import { addMember, designateLeader, removeMember, savePartnership } from './manage-partnership.server.ts';
import { commitmentSchema } from './partnership.schema.ts';
import { agreementDocument } from './partnership-agreement.server.ts';
import { getPartnership, listCommitments, listMembers } from './partnerships.queries.server.ts';

let t: TestDatabase;
let kwilcz: { id: string; slug: string; name: string };
let poznan: { id: string; slug: string; name: string };
let gops: { id: string };
let parish: { id: string };
let school: { id: string };
let poznanOrg: { id: string };
let coordinator: { id: string };
let partnerUser: { id: string };
let partnershipId: string;
const TODAY = '2026-11-27';

beforeAll(async () => {
  t = await createTestDatabase();
  kwilcz = await makeLocality(t.db, { terytCode: '3014022' });
  poznan = await makeLocality(t.db, { terytCode: '3064011' });
  gops = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Gminny Ośrodek Pomocy Społecznej w Kwilczu',
    kind: 'ops',
  });
  parish = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Parafia pw. św. Wawrzyńca',
    kind: 'parish',
  });
  school = await makeOrganisation(t.db, {
    localityId: kwilcz.id,
    name: 'Szkoła Podstawowa w Kwilczu',
    kind: 'school',
  });
  poznanOrg = await makeOrganisation(t.db, {
    localityId: poznan.id,
    name: 'Fundacja z Poznania',
    kind: 'foundation',
  });
  coordinator = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'coordinator' }] });
  partnerUser = await makeUser(t.db, { roles: [{ localityId: kwilcz.id, role: 'partner_rep' }] });
});
afterAll(async () => {
  await t.dispose();
});

const loc = (roles: Role[], organisationIds: string[] = []): ActorLocality => ({
  localityId: kwilcz.id,
  slug: kwilcz.slug,
  name: kwilcz.name,
  kind: 'rural',
  roles,
  organisationIds,
});
const coord = () => ({ actor: actorFor(coordinator), locality: loc(['coordinator']) });
const commitment = (fields: Record<string, string>) => commitmentSchema.parse(fields);

describe('the local partnership', () => {
  it('is set up by the coordinator, with members from the directory only', async () => {
    partnershipId = await savePartnership(t.db, {
      ...coord(),
      input: {
        name: 'Partnerstwo dla Kwilcza',
        aim: 'Nowe miejsca pracy przez samopomoc',
        formedOn: '2026-10-01',
      },
    });
    await addMember(t.db, {
      ...coord(),
      partnershipId,
      organisationId: gops.id,
      role: 'partner',
      joinedOn: '2026-10-01',
    });
    await addMember(t.db, {
      ...coord(),
      partnershipId,
      organisationId: parish.id,
      role: 'partner',
      joinedOn: null,
    });
    await addMember(t.db, {
      ...coord(),
      partnershipId,
      organisationId: school.id,
      role: 'observer',
      joinedOn: null,
    });
    await expect(
      addMember(t.db, {
        ...coord(),
        partnershipId,
        organisationId: parish.id,
        role: 'partner',
        joinedOn: null,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      addMember(t.db, {
        ...coord(),
        partnershipId,
        organisationId: poznanOrg.id,
        role: 'partner',
        joinedOn: null,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { organisationId: 'partnerships.members.organisation.unknown' },
    });
    await expect(
      savePartnership(t.db, {
        actor: actorFor(partnerUser),
        locality: loc(['partner_rep']),
        input: { name: 'X', aim: '', formedOn: null },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('designates the leader by a recorded decision, and the roadmap shows it', async () => {
    await expect(
      designateLeader(t.db, {
        ...coord(),
        partnershipId,
        organisationId: gops.id,
        decision: 'Uchwała nr 1/2026',
        decidedOn: '2026-12-01',
        today: TODAY,
      }),
    ).rejects.toMatchObject({
      code: 'DOMAIN_RULE',
      fieldErrors: { decidedOn: 'partnerships.leader.date.future' },
    });
    await designateLeader(t.db, {
      ...coord(),
      partnershipId,
      organisationId: gops.id,
      decision: 'Uchwała nr 1/2026 zgromadzenia partnerów',
      decidedOn: '2026-10-15',
      today: TODAY,
    });
    const p = await getPartnership(t.db, { localityId: kwilcz.id, id: partnershipId });
    expect(p).toMatchObject({
      leaderName: 'Gminny Ośrodek Pomocy Społecznej w Kwilczu',
      leaderDecidedOn: '2026-10-15',
    });
    const members = await listMembers(t.db, { localityId: kwilcz.id, partnershipId });
    expect(members[0]).toMatchObject({ name: 'Gminny Ośrodek Pomocy Społecznej w Kwilczu', role: 'leader' });
    const leaderMember = members[0]!;
    await expect(
      removeMember(t.db, { ...coord(), partnershipId, memberId: leaderMember.id }),
    ).rejects.toMatchObject({ code: 'DOMAIN_RULE' });

    const evidence = await liveEvidence(t.db, { localityId: kwilcz.id });
    const { t: tr } = getI18n('pl');
    expect(tr(evidence.leader_organisation!.key, evidence.leader_organisation!.values)).toBe(
      'Organizacja lider: Gminny Ośrodek Pomocy Społecznej w Kwilczu (Uchwała nr 1/2026 zgromadzenia partnerów, 15.10.2026)',
    );
    // Observers do not count as partners gathered.
    expect(tr(evidence.local_partners!.key, evidence.local_partners!.values)).toBe(
      '2 organizacje w partnerstwie',
    );
  });

  it('lets a partner representative record and deliver only their own organisation’s commitments', async () => {
    const members = await listMembers(t.db, { localityId: kwilcz.id, partnershipId });
    const parishMember = members.find((m) => m.organisationId === parish.id)!;
    const gopsMember = members.find((m) => m.organisationId === gops.id)!;
    const priest = { actor: actorFor(partnerUser), locality: loc(['partner_rep'], [parish.id]) };
    const id = await addCommitment(t.db, {
      ...priest,
      partnershipId,
      input: commitment({
        memberId: parishMember.id,
        kind: 'premises',
        description: 'Sala parafialna na spotkania klubu',
        quantity: '12',
        unit: 'month',
        valuePln: '6 000',
        periodFrom: '1.01.2027',
        periodTo: '31.12.2027',
      }),
    });
    await expect(
      addCommitment(t.db, {
        ...priest,
        partnershipId,
        input: commitment({
          memberId: gopsMember.id,
          kind: 'money',
          description: 'Dotacja',
          valuePln: '1000',
        }),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      addCommitment(t.db, {
        ...coord(),
        partnershipId,
        input: commitment({
          memberId: gopsMember.id,
          kind: 'volunteers',
          description: 'Pomoc',
          periodFrom: '1.02.2027',
          periodTo: '1.01.2027',
        }),
      }),
    ).rejects.toMatchObject({
      code: 'DOMAIN_RULE',
      fieldErrors: { periodTo: 'partnerships.commitments.periodOrder' },
    });
    const money = await addCommitment(t.db, {
      ...coord(),
      partnershipId,
      input: commitment({
        memberId: gopsMember.id,
        kind: 'money',
        description: 'Wkład własny do wniosku',
        valuePln: '2500,50',
      }),
    });

    await deliverCommitment(t.db, {
      ...priest,
      partnershipId,
      commitmentId: id,
      deliveredOn: '2026-11-20',
      today: TODAY,
    });
    await deliverCommitment(t.db, {
      ...coord(),
      partnershipId,
      commitmentId: money,
      deliveredOn: '2026-11-20',
      today: TODAY,
    });
    await expect(
      deliverCommitment(t.db, {
        ...coord(),
        partnershipId,
        commitmentId: id,
        deliveredOn: '2026-11-21',
        today: TODAY,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    // Only the in-kind commitment lowers costs in the ledger; money does not.
    const ledger = await t.db.select().from(inKindEntries).where(eq(inKindEntries.localityId, kwilcz.id));
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      kind: 'premises',
      valuePln: '6000.00',
      occurredFrom: '2027-01-01',
      occurredTo: '2027-12-31',
      source: 'commitment',
      sourceId: id,
    });
  });

  it('generates the agreement from the data, with the parties, leader and commitments', async () => {
    const i18n = getI18n('pl');
    const partnership = (await getPartnership(t.db, { localityId: kwilcz.id, id: partnershipId }))!;
    const doc = agreementDocument({
      i18n,
      localityName: 'Kwilcz',
      partnership,
      members: await listMembers(t.db, { localityId: kwilcz.id, partnershipId }),
      commitments: await listCommitments(t.db, { localityId: kwilcz.id, partnershipId }),
    });
    expect(doc.title).toBe('Porozumienie o partnerstwie lokalnym: Partnerstwo dla Kwilcza');
    const signatures = doc.blocks.find((b) => b.kind === 'signatures');
    // Observers do not sign.
    expect(signatures && 'parties' in signatures ? signatures.parties.map((p) => p.name) : []).toEqual([
      'Gminny Ośrodek Pomocy Społecznej w Kwilczu',
      'Parafia pw. św. Wawrzyńca',
    ]);
    const pdf = await renderPdf(doc);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    expect(JSON.stringify(doc.blocks)).toContain('Sala parafialna na spotkania klubu');
    expect(JSON.stringify(doc.blocks)).toMatch(/6000,00\s?zł/u);
  });
});
