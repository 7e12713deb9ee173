import { and, count, eq } from 'drizzle-orm';
import { todayInWarsaw } from '../../app/lib/i18n/i18n.ts';
import type { Role } from '../../app/lib/roles.ts';
import { makeLocality, makeUser, setStep } from '../../tests/factories/index.ts';
import type { Db } from '../client.ts';
import { localities, memberships, organisations, users } from '../schema/index.ts';
import { seedAdvice } from './advice.ts';
import { seedClub } from './club.ts';
import { seedCostsReports } from './costs-reports.ts';
import { seedDataProtection } from './data-protection.ts';
import { daysFrom } from './dates.ts';
import { seedEducationCascade } from './education-cascade.ts';
import { seedEducationGroups } from './education-groups.ts';
import { seedEducationProgrammes } from './education-programmes.ts';
import { seedEducationReports } from './education-reports.ts';
import { seedEnterprises } from './enterprises.ts';
import { seedInitiatives } from './initiatives.ts';
import { seedMeetings } from './meetings.ts';
import { seedNichesFinancing } from './niches-financing.ts';
import { seedOrganisations } from './organisations.ts';
import { seedParticipants } from './participants.ts';
import { seedPartnerships } from './partnerships.ts';
import { seedPlans } from './plans.ts';
import { seedProblems } from './problems.ts';
import { seedProgramme } from './programme.ts';
import { seedReferrals } from './referrals.ts';
import { seedVolunteers } from './volunteers.ts';

export const DEMO_PASSWORD = 'Splot-demo-2026';

/** The seed's three kinds of place (real gminas and TERYT codes; approximate populations). */
export const DEMO_LOCALITIES = {
  kwilcz: { terytCode: '3014022', population: 6_300 },
  wagrowiec: { terytCode: '3028011', population: 24_500 },
  poznan: { terytCode: '3064011', population: 540_000 },
} as const;

type DemoUser = {
  email: string;
  name: string;
  admin?: boolean;
  roles: [keyof typeof DEMO_LOCALITIES, Role][];
  /** For a partner representative or enterprise member: the organisation (by name) they speak for. */
  speaksFor?: string;
};

/** Invented people, one or more for every role. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@splot.demo', name: 'Anna Administratorska', admin: true, roles: [] },
  { email: 'koordynator.kwilcz@splot.demo', name: 'Katarzyna Nowak', roles: [['kwilcz', 'coordinator']] },
  {
    email: 'koordynator.wagrowiec@splot.demo',
    name: 'Tomasz Wiśniewski',
    roles: [['wagrowiec', 'coordinator']],
  },
  {
    email: 'koordynator.poznan@splot.demo',
    name: 'Małgorzata Lewandowska',
    roles: [['poznan', 'coordinator']],
  },
  {
    email: 'doradca@splot.demo',
    name: 'Piotr Zieliński',
    roles: [
      ['poznan', 'advisor'],
      ['wagrowiec', 'advisor'],
    ],
  },
  { email: 'animator.kwilcz@splot.demo', name: 'Jan Kowalczyk', roles: [['kwilcz', 'animator']] },
  { email: 'lider.poznan@splot.demo', name: 'Ewa Szymańska', roles: [['poznan', 'leader']] },
  // Kwilcz's directory starts empty: the coordinator links this account once the parish is in it.
  { email: 'partner.kwilcz@splot.demo', name: 'Ks. Marek Dąbrowski', roles: [['kwilcz', 'partner_rep']] },
  {
    email: 'partner.wagrowiec@splot.demo',
    name: 'Ks. Paweł Jankowski',
    roles: [['wagrowiec', 'partner_rep']],
    speaksFor: 'Parafia pw. św. Jana Chrzciciela w Wągrowcu',
  },
  {
    email: 'przedsiebiorstwo.wagrowiec@splot.demo',
    name: 'Zofia Kamińska',
    roles: [['wagrowiec', 'enterprise_member']],
    speaksFor: 'Spółdzielnia Socjalna „Zielona Pracownia”',
  },
  { email: 'animator.poznan@splot.demo', name: 'Agata Pawlak', roles: [['poznan', 'animator']] },
  {
    email: 'urzad.pracy.poznan@splot.demo',
    name: 'Robert Michalak',
    roles: [['poznan', 'partner_rep']],
    speaksFor: 'Powiatowy Urząd Pracy w Poznaniu',
  },
  { email: 'uczestnik.poznan@splot.demo', name: 'Łukasz Wójcik', roles: [['poznan', 'participant']] },
];

export async function hasDemoData(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.email, 'admin@splot.demo'));
  return (row?.n ?? 0) > 0;
}

/**
 * Seeds the three demo localities, their users and roadmaps at different stages.
 * Idempotent: records that exist are left as they are.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<{ created: boolean }> {
  const today = todayInWarsaw(now);
  const [existing] = await db
    .select({ n: count() })
    .from(localities)
    .where(eq(localities.terytCode, DEMO_LOCALITIES.poznan.terytCode));
  const fresh = (existing?.n ?? 0) === 0;
  const loc = {
    kwilcz: await makeLocality(db, DEMO_LOCALITIES.kwilcz),
    wagrowiec: await makeLocality(db, DEMO_LOCALITIES.wagrowiec),
    poznan: await makeLocality(db, DEMO_LOCALITIES.poznan),
  };
  const ids: Record<string, string> = {};
  for (const u of DEMO_USERS) {
    const made = await makeUser(db, {
      email: u.email,
      name: u.name,
      password: DEMO_PASSWORD,
      isPlatformAdmin: u.admin ?? false,
      roles: u.roles.map(([l, role]) => ({ localityId: loc[l].id, role })),
    });
    ids[u.email] = made.id;
  }
  if (!fresh) return { created: false };
  const coordinatorOf = (email: string) => {
    const u = DEMO_USERS.find((x) => x.email === email)!;
    return { id: ids[email]!, name: u.name, email };
  };
  await seedOrganisations(db, loc);
  for (const u of DEMO_USERS) {
    if (!u.speaksFor) continue;
    for (const [l, role] of u.roles) {
      const [org] = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.localityId, loc[l].id), eq(organisations.name, u.speaksFor)));
      if (!org) throw new Error(`Demo seed: no "${u.speaksFor}" in ${loc[l].name}`);
      await db
        .update(memberships)
        .set({ organisationId: org.id })
        .where(
          and(
            eq(memberships.userId, ids[u.email]!),
            eq(memberships.localityId, loc[l].id),
            eq(memberships.role, role),
          ),
        );
    }
  }
  const places = {
    today,
    kwilcz: { locality: loc.kwilcz, coordinator: coordinatorOf('koordynator.kwilcz@splot.demo') },
    wagrowiec: { locality: loc.wagrowiec, coordinator: coordinatorOf('koordynator.wagrowiec@splot.demo') },
    poznan: { locality: loc.poznan, coordinator: coordinatorOf('koordynator.poznan@splot.demo') },
  };
  await seedPartnerships(db, places);
  await seedProblems(db, places);
  await seedProgramme(db, places);
  await seedMeetings(db, places);
  await seedClub(db, places);
  await seedParticipants(db, places);
  await seedVolunteers(db, places);
  await seedPlans(db, places);
  await seedAdvice(db, places);
  await seedReferrals(db, places);
  await seedDataProtection(db, places);
  await seedEducationProgrammes(db, places);
  await seedEducationCascade(db, places);
  await seedEducationGroups(db, places);
  await seedEducationReports(db, places);
  // Issue 6: creating enterprises. Order matters: niches and sources first would be natural,
  // but initiatives (every stage) come first, enterprises are founded from the advanced ones,
  // then niches, offers, applications and grants link to both; costs and donations last.
  await seedInitiatives(db, places);
  await seedEnterprises(db, places);
  await seedNichesFinancing(db, places);
  await seedCostsReports(db, places);

  const at = (days: number) => new Date(`${daysFrom(today, days)}T10:00:00Z`);
  // Poznań: far along.
  const pz = { localityId: loc.poznan.id, actorUserId: ids['koordynator.poznan@splot.demo'] };
  const pzCoord = ids['koordynator.poznan@splot.demo'];
  const doneSteps = [
    ['leader_organisation', -420, 'Uchwała zgromadzenia partnerów: liderem została fundacja prowadząca CES.'],
    [
      'local_partners',
      -380,
      'Porozumienie podpisało 14 partnerów: MOPR, PUP, 3 parafie, 6 organizacji, 2 szkoły, 2 firmy.',
    ],
    ['leaders_trained', -300, 'Kurs liderów ukończyło 18 osób (2 edycje).'],
    ['club_premises', -290, 'Miasto użyczyło lokal przy ul. Św. Marcin na 5 lat.'],
    ['animator_employed', -270, 'Animatorka zatrudniona na umowę o pracę od 1 lutego.'],
    ['programmes_and_funding', -200, 'Program przyjęty; złożono 2 wnioski do FEW 2021–2027.'],
    ['centre_created', -150, 'CES działa w lokalu klubu; dyżury doradców 3 dni w tygodniu.'],
  ] as const;
  for (const [stepKey, d, note] of doneSteps) {
    await setStep(db, {
      ...pz,
      stepKey,
      status: 'done',
      responsibleUserId: pzCoord,
      doneOn: daysFrom(today, d),
      startedOn: daysFrom(today, d - 45),
      dueDate: daysFrom(today, d + 10),
      evidenceNotes: note,
      at: at(d),
    });
  }
  await setStep(db, {
    ...pz,
    stepKey: 'study_groups_started',
    status: 'in_progress',
    responsibleUserId: ids['lider.poznan@splot.demo'],
    dueDate: daysFrom(today, 30),
    startedOn: daysFrom(today, -60),
    evidenceNotes: 'Działają 4 grupy na Jeżycach i Wildzie.',
    at: at(-60),
  });
  await setStep(db, {
    ...pz,
    stepKey: 'enterprises_founded',
    status: 'in_progress',
    responsibleUserId: ids['doradca@splot.demo'],
    dueDate: daysFrom(today, 90),
    startedOn: daysFrom(today, -40),
    at: at(-40),
  });
  await setStep(db, {
    ...pz,
    stepKey: 'cooperation_promoted',
    status: 'not_started',
    dueDate: daysFrom(today, 180),
  });

  // Wągrowiec: midway, one step overdue.
  const wg = { localityId: loc.wagrowiec.id, actorUserId: ids['koordynator.wagrowiec@splot.demo'] };
  const wgCoord = ids['koordynator.wagrowiec@splot.demo'];
  await setStep(db, {
    ...wg,
    stepKey: 'leader_organisation',
    status: 'done',
    responsibleUserId: wgCoord,
    doneOn: daysFrom(today, -200),
    startedOn: daysFrom(today, -240),
    evidenceNotes:
      'Liderem partnerstwa został Miejski Ośrodek Pomocy Społecznej (uchwała zgromadzenia partnerów).',
    at: at(-200),
  });
  await setStep(db, {
    ...wg,
    stepKey: 'local_partners',
    status: 'done',
    responsibleUserId: wgCoord,
    doneOn: daysFrom(today, -150),
    startedOn: daysFrom(today, -200),
    evidenceNotes: 'Partnerstwo: MOPS, PUP, parafia, 3 organizacje, spółdzielnia mieszkaniowa.',
    at: at(-150),
  });
  await setStep(db, {
    ...wg,
    stepKey: 'club_premises',
    status: 'done',
    responsibleUserId: wgCoord,
    doneOn: daysFrom(today, -90),
    startedOn: daysFrom(today, -120),
    evidenceNotes: 'Gmina użyczyła salę w domu kultury.',
    at: at(-90),
  });
  await setStep(db, {
    ...wg,
    stepKey: 'leaders_trained',
    status: 'in_progress',
    responsibleUserId: ids['doradca@splot.demo'],
    dueDate: daysFrom(today, -14),
    startedOn: daysFrom(today, -80),
    at: at(-80),
  });
  await setStep(db, {
    ...wg,
    stepKey: 'animator_employed',
    status: 'in_progress',
    responsibleUserId: wgCoord,
    dueDate: daysFrom(today, 21),
    startedOn: daysFrom(today, -20),
    at: at(-20),
  });
  await setStep(db, {
    ...wg,
    stepKey: 'programmes_and_funding',
    status: 'not_started',
    dueDate: daysFrom(today, 60),
  });

  // Kwilcz: early; the club premises are overdue.
  const kw = { localityId: loc.kwilcz.id, actorUserId: ids['koordynator.kwilcz@splot.demo'] };
  const kwCoord = ids['koordynator.kwilcz@splot.demo'];
  await setStep(db, {
    ...kw,
    stepKey: 'leader_organisation',
    status: 'done',
    responsibleUserId: kwCoord,
    doneOn: daysFrom(today, -45),
    startedOn: daysFrom(today, -75),
    evidenceNotes: 'Liderem został Gminny Ośrodek Pomocy Społecznej (zarządzenie wójta).',
    at: at(-45),
  });
  await setStep(db, {
    ...kw,
    stepKey: 'local_partners',
    status: 'in_progress',
    responsibleUserId: kwCoord,
    dueDate: daysFrom(today, 14),
    startedOn: daysFrom(today, -40),
    evidenceNotes: 'Zgłosili się: parafia, szkoła podstawowa, koło gospodyń wiejskich.',
    at: at(-40),
  });
  await setStep(db, {
    ...kw,
    stepKey: 'club_premises',
    status: 'in_progress',
    responsibleUserId: ids['animator.kwilcz@splot.demo'],
    dueDate: daysFrom(today, -7),
    startedOn: daysFrom(today, -30),
    at: at(-30),
  });
  await setStep(db, {
    ...kw,
    stepKey: 'leaders_trained',
    status: 'not_started',
    dueDate: daysFrom(today, 45),
  });
  return { created: true };
}
