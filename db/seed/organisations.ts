import type { OrganisationKind } from '../../app/features/organisations/organisation.rules.ts';
import { makeOrganisation, validNip } from '../../tests/factories/index.ts';
import type { Db } from '../client.ts';

type Entry = [name: string, kind: OrganisationKind];

/** Invented local actors of a town: institutions, NGOs, parishes, schools, firms, cooperatives. */
function actorsOf(town: string, townLocative: string, size: number): Entry[] {
  const core: Entry[] = [
    [`Miejski Ośrodek Pomocy Społecznej w ${townLocative}`, 'ops'],
    [`Powiatowy Urząd Pracy w ${townLocative}`, 'pup'],
    [`Urząd Miasta ${town}`, 'local_government'],
    [`Parafia pw. św. Jana Chrzciciela w ${townLocative}`, 'parish'],
    [`Parafia pw. Najświętszego Serca Pana Jezusa w ${townLocative}`, 'parish'],
    [`Szkoła Podstawowa nr 1 w ${townLocative}`, 'school'],
    [`Zespół Szkół Zawodowych w ${townLocative}`, 'school'],
    [`Stowarzyszenie Na Rzecz Osób Niepełnosprawnych „Razem”`, 'association'],
    [`Fundacja Wspólna Droga`, 'foundation'],
    [`Spółdzielnia Mieszkaniowa „Przyszłość” w ${townLocative}`, 'housing_coop'],
    [`Spółdzielnia Socjalna „Zielona Pracownia”`, 'social_coop'],
    [`Centrum Integracji Społecznej w ${townLocative}`, 'cis'],
    [`Warsztat Terapii Zajęciowej „Promyk”`, 'wtz'],
    [`Piekarnia Rzemieślnicza S. Nowicki`, 'business'],
    [`Zakład Usług Komunalnych ${town} sp. z o.o.`, 'business'],
  ];
  const ngos = [
    'Klub Seniora',
    'Uniwersytet Trzeciego Wieku',
    'Towarzystwo Przyjaciół Ziemi',
    'Klub Sportowy',
    'Ochotnicza Straż Pożarna',
    'Stowarzyszenie Rodzin',
    'Fundacja Pomocy Dzieciom',
    'Bank Żywności',
    'Stowarzyszenie Kobiet Aktywnych',
    'Koło Wędkarskie',
  ];
  const firms = [
    'Usługi Remontowe',
    'Catering',
    'Ogrody i Zieleń',
    'Pralnia',
    'Drukarnia',
    'Sklep Spożywczy',
    'Warsztat Samochodowy',
    'Biuro Rachunkowe',
    'Transport Osobowy',
    'Stolarnia',
  ];
  const out = [...core];
  for (let i = 0; out.length < size; i++) {
    const n = Math.floor(i / ngos.length) + 1;
    out.push([
      `${ngos[i % ngos.length]} ${n > 1 ? `nr ${n} ` : ''}w ${townLocative}`,
      ngos[i % ngos.length]!.startsWith('Fundacja') ? 'foundation' : 'association',
    ]);
    if (out.length < size)
      out.push([
        `${firms[i % firms.length]} ${['Kowalski', 'Nowak', 'Wiśniewska', 'Zając', 'Lis'][i % 5]}${n > 1 ? ` ${n}` : ''}`,
        'business',
      ]);
  }
  return out.slice(0, size);
}

/** Directory entries sized to each kind of place; Kwilcz starts empty (its coordinator builds from nothing). */
export async function seedOrganisations(
  db: Db,
  loc: { wagrowiec: { id: string }; poznan: { id: string } },
): Promise<void> {
  let seed = 1000;
  for (const [localityId, town, townLocative, size] of [
    [loc.wagrowiec.id, 'Wągrowiec', 'Wągrowcu', 28],
    [loc.poznan.id, 'Poznań', 'Poznaniu', 64],
  ] as const) {
    for (const [name, kind] of actorsOf(town, townLocative, size)) {
      seed += 7919;
      await makeOrganisation(db, {
        localityId,
        name,
        kind,
        nip: kind === 'parish' ? null : validNip(seed),
        city: town,
      });
    }
  }
}
