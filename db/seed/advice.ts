import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  bookSlot,
  listFreeSlots,
  requestAppointment,
} from '../../app/features/advice/appointments.server.ts';
import { recordSession } from '../../app/features/advice/sessions.server.ts';
import { createSlots } from '../../app/features/advice/slots.server.ts';
import type { Actor, ActorLocality } from '../../app/lib/actor.ts';
import type { Role } from '../../app/lib/roles.ts';
import type { Db } from '../client.ts';
import { localities, memberships, organisations, participants, people, users } from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import type { Place } from './partnerships.ts';

async function contextOf(db: Db, place: Place, email: string, role: Role) {
  const [u] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  const [l] = await db
    .select({ kind: localities.kind })
    .from(localities)
    .where(eq(localities.id, place.locality.id));
  if (!u || !l) return null;
  const orgs = await db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, u.id), eq(memberships.localityId, place.locality.id)));
  const locality: ActorLocality = {
    localityId: place.locality.id,
    slug: place.locality.slug,
    name: place.locality.name,
    kind: l.kind as ActorLocality['kind'],
    roles: [role],
    organisationIds: orgs.map((o) => o.id).filter((id): id is string => Boolean(id)),
  };
  const actor: Actor = {
    userId: u.id,
    name: u.name,
    email,
    isPlatformAdmin: false,
    locale: 'pl',
    memberships: [locality],
    requestId: 'seed-demo',
  };
  return { actor, locality, userId: u.id };
}

async function someParticipants(db: Db, place: Place, n: number) {
  const rows = await db
    .select({ id: people.id })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(
      and(eq(participants.localityId, place.locality.id), isNull(people.userId), isNull(people.erasedAt)),
    )
    .orderBy(asc(people.familyName), asc(people.givenName))
    .limit(n);
  return rows.map((r) => r.id);
}

async function organisationNamed(db: Db, place: Place, name: string) {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.localityId, place.locality.id), eq(organisations.name, name)));
  return row?.id ?? null;
}

type Session = [
  days: number,
  kind: string,
  minutes: number,
  topic: string,
  notes: string,
  confidential?: boolean,
];

/**
 * Demo data: doradca@splot.demo keeps slots over the next two weeks in Poznań and Wągrowiec (some
 * booked by participants, one by the labour office), past sessions in both (some confidential,
 * some for organisations and an initiative group) and one open request. The demo participant
 * (uczestnik.poznan@splot.demo) has one booked appointment and one past session.
 */
export async function seedAdvice(
  db: Db,
  places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {
  const { today } = places;
  const pz = await contextOf(db, places.poznan, 'doradca@splot.demo', 'advisor');
  const wg = await contextOf(db, places.wagrowiec, 'doradca@splot.demo', 'advisor');
  if (!pz || !wg) return;

  // Slots on working days (the n-th from today): the same advisor cannot be in two places at
  // once, so the towns get different days; a weekly repeat keeps the weekday.
  const workday = (n: number) => {
    let d = today;
    for (let k = 0; k < n; ) {
      d = daysFrom(d, 1);
      const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) k++;
    }
    return d;
  };
  const slot = (days: number, time: string, kind: string, place: string, repeat = 2) => ({
    date: workday(days),
    time,
    minutes: '60',
    kind,
    place,
    repeat: String(repeat),
  });
  for (const v of [
    slot(1, '10:00', 'legal', 'CES, ul. Św. Marcin 80/82, pok. 12'),
    slot(1, '12:00', 'financial', 'CES, ul. Św. Marcin 80/82, pok. 12'),
    slot(2, '09:00', 'vocational', 'Klub Integracji Społecznej, Jeżyce'),
    slot(3, '13:00', 'business', 'CES, ul. Św. Marcin 80/82, pok. 12'),
  ])
    await createSlots(db, { ...pz, values: v });
  for (const v of [
    slot(4, '10:00', 'legal', 'Dom Kultury, sala 3'),
    slot(4, '11:30', 'accounting', 'Dom Kultury, sala 3'),
    slot(5, '09:00', 'vocational', 'MOPS Wągrowiec, ul. Kościuszki'),
  ])
    await createSlots(db, { ...wg, values: v });

  const pzPeople = await someParticipants(db, places.poznan, 7);
  const wgPeople = await someParticipants(db, places.wagrowiec, 5);
  const [demoPerson] = await db
    .select({ id: people.id })
    .from(people)
    .innerJoin(users, eq(users.id, people.userId))
    .where(
      and(eq(users.email, 'uczestnik.poznan@splot.demo'), eq(people.localityId, places.poznan.locality.id)),
    );

  // Bookings.
  const pzFree = await listFreeSlots(db, {
    localityId: places.poznan.locality.id,
    from: new Date(),
    limit: 20,
  });
  const participant = await contextOf(db, places.poznan, 'uczestnik.poznan@splot.demo', 'participant');
  if (demoPerson && participant && pzFree[2])
    await bookSlot(db, {
      ...participant,
      slotId: pzFree[2].id,
      personId: demoPerson.id,
      topic: 'Jak przygotować CV i list motywacyjny',
    });
  if (pzFree[0] && pzPeople[0])
    await bookSlot(db, { ...pz, slotId: pzFree[0].id, personId: pzPeople[0], topic: 'Zadłużenie czynszowe' });
  if (pzFree[5] && pzPeople[1])
    await bookSlot(db, {
      ...pz,
      slotId: pzFree[5].id,
      personId: pzPeople[1],
      topic: 'Założenie działalności',
    });
  const office = await contextOf(db, places.poznan, 'urzad.pracy.poznan@splot.demo', 'partner_rep');
  if (office?.locality.organisationIds[0] && pzFree[3])
    await bookSlot(db, {
      ...office,
      slotId: pzFree[3].id,
      organisationId: office.locality.organisationIds[0],
      topic: 'Dotacje na zatrudnienie w spółdzielni socjalnej — wspólne spotkanie informacyjne',
    });
  const wgFree = await listFreeSlots(db, {
    localityId: places.wagrowiec.locality.id,
    from: new Date(),
    limit: 20,
  });
  if (wgFree[0] && wgPeople[0])
    await bookSlot(db, { ...wg, slotId: wgFree[0].id, personId: wgPeople[0], topic: 'Alimenty i egzekucja' });
  if (wgFree[2] && wgPeople[1])
    await bookSlot(db, { ...wg, slotId: wgFree[2].id, personId: wgPeople[1], topic: 'Rozliczenie PIT' });

  // One open request, from the parish in Wągrowiec.
  const parish = await contextOf(db, places.wagrowiec, 'partner.wagrowiec@splot.demo', 'partner_rep');
  if (parish?.locality.organisationIds[0])
    await requestAppointment(db, {
      ...parish,
      kind: 'legal',
      organisationId: parish.locality.organisationIds[0],
      topic: 'Umowa użyczenia sali parafialnej na klub seniora',
      preferredTimes: 'czwartki po 16:00',
    });

  // Past sessions.
  const record = async (
    ctx: NonNullable<typeof pz>,
    [days, kind, minutes, topic, notes, confidential]: Session,
    target: Record<string, string>,
  ) =>
    recordSession(db, {
      ...ctx,
      today,
      values: {
        kind,
        givenOn: daysFrom(today, days),
        minutes: String(minutes),
        topic,
        notes,
        ...(confidential ? { confidential: 'on' } : {}),
        ...target,
      },
    });
  const pzSessions: Session[] = [
    [-40, 'legal', 60, 'Eksmisja — prawa lokatora', 'Omówiono ochronę przed eksmisją na bruk.', true],
    [-33, 'financial', 45, 'Plan spłaty długów', 'Przygotowano budżet domowy; wniosek o rozłożenie na raty.'],
    [-27, 'vocational', 60, 'Bilans kompetencji', 'Zainteresowanie pracą w gastronomii.'],
    [
      -20,
      'legal',
      90,
      'Sprawa rodzinna',
      'Przemoc domowa — skierowano do punktu interwencji kryzysowej.',
      true,
    ],
    [-12, 'business', 60, 'Pomysł na spółdzielnię socjalną', 'Omówiono formy prawne i KIS.'],
    [-6, 'accounting', 30, 'Ulga na dzieci', ''],
  ];
  for (const [i, s] of pzSessions.entries()) {
    const personId = pzPeople[(i + 2) % pzPeople.length];
    if (personId) await record(pz, s, { personId });
  }
  if (demoPerson)
    await record(
      pz,
      [-14, 'vocational', 60, 'Rozmowa o ścieżce zawodowej', 'Ustalono szkolenie z obsługi kasy fiskalnej.'],
      { personId: demoPerson.id },
    );
  await record(
    pz,
    [-18, 'business', 120, 'Biznesplan cateringu', 'Kalkulacja kosztów kuchni i wymogi sanepidu.'],
    { initiative: 'Grupa inicjatywna — catering' },
  );
  const pup = await organisationNamed(db, places.poznan, 'Powiatowy Urząd Pracy w Poznaniu');
  if (pup)
    await record(pz, [-9, 'legal', 60, 'Zatrudnienie socjalne — umowy', 'Wzory umów z CIS.'], {
      organisationId: pup,
    });

  const wgSessions: Session[] = [
    [-35, 'legal', 60, 'Umowa najmu', 'Wypowiedzenie umowy przez wynajmującego.'],
    [-21, 'vocational', 45, 'Powrót na rynek pracy', 'Poufne: leczenie odwykowe w toku.', true],
    [-8, 'financial', 60, 'Mikropożyczka', 'Porównanie ofert funduszy pożyczkowych.'],
  ];
  for (const [i, s] of wgSessions.entries()) {
    const personId = wgPeople[(i + 2) % wgPeople.length];
    if (personId) await record(wg, s, { personId });
  }
  const coop = await organisationNamed(db, places.wagrowiec, 'Spółdzielnia Socjalna „Zielona Pracownia”');
  if (coop)
    await record(
      wg,
      [-15, 'accounting', 90, 'Sprawozdanie finansowe spółdzielni', 'Bilans i rachunek wyników.'],
      {
        organisationId: coop,
      },
    );
  await record(wg, [-4, 'business', 60, 'Grupa inicjatywna — pralnia', 'Analiza lokalnego rynku.'], {
    initiative: 'Grupa inicjatywna — pralnia społeczna',
  });
}
