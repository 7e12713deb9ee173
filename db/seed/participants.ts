import { and, eq } from 'drizzle-orm';
import {
  closeParticipant,
  registerParticipant,
} from '../../app/features/participants/participants.server.ts';
import { makePesel } from '../../app/features/participants/pesel.ts';
import { handleSideIntent } from '../../app/features/participants/side.server.ts';
import type { Actor, ActorLocality } from '../../app/lib/actor.ts';
import { dateInputValue } from '../../app/lib/dates.ts';
import type { Role } from '../../app/lib/roles.ts';
import type { Db } from '../client.ts';
import { localities, people, users } from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import type { Place } from './partnerships.ts';

const WOMEN = [
  'Anna',
  'Maria',
  'Katarzyna',
  'Agnieszka',
  'Barbara',
  'Ewa',
  'Krystyna',
  'Joanna',
  'Beata',
  'Monika',
  'Danuta',
  'Renata',
  'Halina',
  'Jadwiga',
  'Irena',
  'Aleksandra',
  'Dorota',
  'Natalia',
  'Wiktoria',
  'Justyna',
];
const MEN = [
  'Piotr',
  'Krzysztof',
  'Andrzej',
  'Tomasz',
  'Paweł',
  'Marcin',
  'Michał',
  'Grzegorz',
  'Józef',
  'Marek',
  'Adam',
  'Zbigniew',
  'Jerzy',
  'Ryszard',
  'Dariusz',
  'Mateusz',
  'Kamil',
  'Stanisław',
  'Wojciech',
  'Sebastian',
];
/** Family names as [male, female] forms. */
const FAMILY: [string, string][] = [
  ['Nowak', 'Nowak'],
  ['Kowalski', 'Kowalska'],
  ['Wiśniewski', 'Wiśniewska'],
  ['Wójcik', 'Wójcik'],
  ['Kamiński', 'Kamińska'],
  ['Lewandowski', 'Lewandowska'],
  ['Zieliński', 'Zielińska'],
  ['Szymański', 'Szymańska'],
  ['Woźniak', 'Woźniak'],
  ['Dąbrowski', 'Dąbrowska'],
  ['Kozłowski', 'Kozłowska'],
  ['Jankowski', 'Jankowska'],
  ['Mazur', 'Mazur'],
  ['Kwiatkowski', 'Kwiatkowska'],
  ['Krawczyk', 'Krawczyk'],
  ['Piotrowski', 'Piotrowska'],
  ['Grabowski', 'Grabowska'],
  ['Nowakowski', 'Nowakowska'],
  ['Pawłowski', 'Pawłowska'],
  ['Michalski', 'Michalska'],
  ['Król', 'Król'],
  ['Wieczorek', 'Wieczorek'],
  ['Jabłoński', 'Jabłońska'],
  ['Majewski', 'Majewska'],
  ['Olszewski', 'Olszewska'],
  ['Stępień', 'Stępień'],
  ['Górski', 'Górska'],
  ['Rutkowski', 'Rutkowska'],
  ['Michalak', 'Michalak'],
  ['Sikora', 'Sikora'],
  ['Ostrowski', 'Ostrowska'],
  ['Baran', 'Baran'],
  ['Duda', 'Duda'],
  ['Szewczyk', 'Szewczyk'],
  ['Tomaszewski', 'Tomaszewska'],
  ['Pietrzak', 'Pietrzak'],
  ['Marciniak', 'Marciniak'],
  ['Wróblewski', 'Wróblewska'],
  ['Zalewski', 'Zalewska'],
  ['Jakubowski', 'Jakubowska'],
];
/** People without a PESEL (foreigners), with names from home. */
const FOREIGN: { given: string; family: string; sex: 'female' | 'male' }[] = [
  { given: 'Olena', family: 'Kovalenko', sex: 'female' },
  { given: 'Andrii', family: 'Shevchenko', sex: 'male' },
  { given: 'Iryna', family: 'Bondarenko', sex: 'female' },
  { given: 'Aliaksandr', family: 'Navumenka', sex: 'male' },
  { given: 'Nino', family: 'Beridze', sex: 'female' },
];
const ANSWERS = ['no', 'no', 'yes', 'no', 'refused', 'no', '', 'no', 'refused'] as const;
const EDUCATION = ['isced0_2', 'isced3_4', 'isced3_4', 'isced5_8', 'refused', 'isced0_2'] as const;

async function staffContext(db: Db, place: Place, email: string, role: Role) {
  const [u] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  const [l] = await db
    .select({ kind: localities.kind })
    .from(localities)
    .where(eq(localities.id, place.locality.id));
  if (!u || !l) throw new Error(`Demo seed: no ${email}`);
  const locality: ActorLocality = {
    localityId: place.locality.id,
    slug: place.locality.slug,
    name: place.locality.name,
    kind: l.kind as ActorLocality['kind'],
    roles: [role],
    organisationIds: [],
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
  return { actor, locality };
}

type Ctx = Awaited<ReturnType<typeof staffContext>>;

/** Registers `n` invented people through the app's use case, by turns of the given staff. */
async function seedPlace(db: Db, today: string, staff: Ctx[], n: number, offset: number, closeEvery = 0) {
  const ids: string[] = [];
  let foreign = 0;
  for (let i = 0; i < n; i++) {
    const k = i + offset;
    const ctx = staff[i % staff.length]!;
    const registeredOn = daysFrom(today, -(7 + ((k * 37) % 700)));
    const year = 1960 + ((k * 7) % 46);
    const birthDate = `${year}-${String(((k * 5) % 12) + 1).padStart(2, '0')}-${String(((k * 11) % 28) + 1).padStart(2, '0')}`;
    const female = k % 2 === 0;
    const answer = (j: number) => ANSWERS[(k + j * 3) % ANSWERS.length]!;
    const monitoring = {
      gender: k % 17 === 9 ? 'refused' : female ? 'woman' : 'man',
      education: EDUCATION[k % EDUCATION.length]!,
      disability: answer(1),
      foreignBackground: 'no',
      thirdCountryNational: 'no',
      minority: answer(2),
      homeless: answer(3),
      otherDisadvantage: answer(4),
    };
    let values: Record<string, string>;
    if (k % 9 === 4) {
      const f = FOREIGN[(foreign++ + offset) % FOREIGN.length]!;
      values = {
        givenName: f.given,
        familyName: f.family,
        noPesel: 'on',
        birthDate,
        sex: f.sex,
        ...monitoring,
        gender: f.sex === 'female' ? 'woman' : 'man',
        foreignBackground: 'yes',
        thirdCountryNational: 'yes',
      };
    } else {
      const sex = female ? 'female' : 'male';
      const fam = FAMILY[(k * 3) % FAMILY.length]!;
      values = {
        givenName: female ? WOMEN[k % WOMEN.length]! : MEN[k % MEN.length]!,
        familyName: female ? fam[1] : fam[0],
        ...(k % 6 === 5 ? {} : { pesel: makePesel(birthDate, sex, 1000 + ((k * 263) % 8000)) }),
        ...monitoring,
      };
    }
    const id = await registerParticipant(db, {
      ...ctx,
      today,
      values: {
        ...values,
        phone: k % 3 === 0 ? `6${String(10_000_000 + k * 7_919).slice(0, 8)}` : '',
        legalBasis: k % 4 === 0 ? 'consent' : 'public_task',
        registeredOn,
      },
    });
    ids.push(id);
    // Support on the Centre's public task for everyone; contact by consent for most.
    await recordDemoConsent(db, ctx, today, id, 'support', 'public_task', registeredOn);
    if (k % 5 !== 2) await recordDemoConsent(db, ctx, today, id, 'contact', 'consent', registeredOn);
    if (closeEvery && i % closeEvery === closeEvery - 1)
      await closeParticipant(db, {
        ...ctx,
        id,
        today,
        values: { closedReason: i % 2 ? 'Podjął(-ęła) pracę' : 'Przeprowadzka do innej gminy' },
      });
  }
  return ids;
}

/** A consent (or another basis) recorded through the participant page's own use case. */
async function recordDemoConsent(
  db: Db,
  ctx: { actor: Actor; locality: ActorLocality },
  today: string,
  personId: string,
  purpose: 'support' | 'contact',
  basis: 'consent' | 'public_task',
  givenOn: string,
) {
  const form = new FormData();
  form.set('purpose', purpose);
  form.set('basis', basis);
  form.set('givenOn', dateInputValue(givenOn));
  const r = await handleSideIntent({ db, ...ctx, personId, intent: 'side.recordConsent', form, today });
  if (!r?.ok) throw new Error(`Demo seed: consent not recorded (${JSON.stringify(r)})`);
}

/** Demo participants of the Social Economy Centre (invented people) in the three places. */
export async function seedParticipants(
  db: Db,
  opts: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
): Promise<void> {
  const { today } = opts;
  const kwAnimator = await staffContext(db, opts.kwilcz, 'animator.kwilcz@splot.demo', 'animator');
  const kwCoord = await staffContext(db, opts.kwilcz, opts.kwilcz.coordinator.email, 'coordinator');
  await seedPlace(db, today, [kwAnimator, kwAnimator, kwCoord], 6, 0);
  const wgAdvisor = await staffContext(db, opts.wagrowiec, 'doradca@splot.demo', 'advisor');
  const wgCoord = await staffContext(db, opts.wagrowiec, opts.wagrowiec.coordinator.email, 'coordinator');
  await seedPlace(db, today, [wgAdvisor, wgCoord], 15, 100, 7);
  const pzAdvisor = await staffContext(db, opts.poznan, 'doradca@splot.demo', 'advisor');
  const pzCoord = await staffContext(db, opts.poznan, opts.poznan.coordinator.email, 'coordinator');
  await seedPlace(db, today, [pzAdvisor, pzAdvisor, pzCoord], 39, 200, 9);
  // The demo participant account: Łukasz Wójcik signs in as himself.
  const id = await registerParticipant(db, {
    ...pzAdvisor,
    today,
    values: {
      givenName: 'Łukasz',
      familyName: 'Wójcik',
      email: 'uczestnik.poznan@splot.demo',
      legalBasis: 'public_task',
      pesel: makePesel('1991-03-08', 'male', 4127),
      registeredOn: daysFrom(today, -60),
      gender: 'man',
      education: 'isced3_4',
      disability: 'no',
      foreignBackground: 'no',
      thirdCountryNational: 'no',
      minority: 'refused',
      homeless: 'no',
      otherDisadvantage: 'yes',
    },
  });
  const registeredOn = daysFrom(today, -60);
  await recordDemoConsent(db, pzAdvisor, today, id, 'support', 'consent', registeredOn);
  await recordDemoConsent(db, pzAdvisor, today, id, 'contact', 'consent', registeredOn);
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'uczestnik.poznan@splot.demo'));
  if (u)
    await db
      .update(people)
      .set({ userId: u.id })
      .where(and(eq(people.id, id), eq(people.localityId, opts.poznan.locality.id)));
}
