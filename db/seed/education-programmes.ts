import { eq } from 'drizzle-orm';
import {
  createMaterial,
  type UploadedFile,
} from '../../app/features/education/materials/materials.server.ts';
import { materialStorage } from '../../app/features/education/materials/storage.server.ts';
import {
  ensureLeadersProgramme,
  loadCurriculum,
} from '../../app/features/education/programmes/programmes.server.ts';
import { renderPdf } from '../../app/lib/documents/pdf.server.ts';
import type { Db } from '../client.ts';
import { materials } from '../schema/index.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

type DemoMaterial = {
  title: string;
  description: string;
  kind: 'document' | 'slides' | 'image' | 'link';
  language?: 'pl' | 'en';
  licence: string;
  visibility: 'staff' | 'leaders' | 'participants' | 'public';
  /** Module positions (1-based) in the leaders' programme. */
  modules: number[];
  url?: string;
  file?: () => Promise<UploadedFile>;
};

const txt = (name: string, text: string) => async (): Promise<UploadedFile> => ({
  name,
  type: 'text/plain',
  bytes: new TextEncoder().encode(text),
});

const rendered = new Map<string, Uint8Array>();

/** A short PDF made with the app's own document renderer (rendered once per seed run). */
const pdf = (name: string, title: string, paragraphs: string[]) => async (): Promise<UploadedFile> => ({
  name,
  type: 'application/pdf',
  bytes: rendered.get(name) ?? (await render(name, title, paragraphs)),
});

async function render(name: string, title: string, paragraphs: string[]) {
  const bytes = await renderPdf(
    {
      title,
      language: 'pl',
      author: 'Splot (dane demonstracyjne)',
      blocks: paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
    },
    { createdAt: new Date('2026-01-05T10:00:00Z') },
  );
  rendered.set(name, bytes);
  return bytes;
}

const COMMON: DemoMaterial[] = [
  {
    title: 'Ekonomia społeczna w pigułce',
    description:
      'Krótkie wprowadzenie: czym jest ekonomia społeczna, kto ją tworzy i jak działa przedsiębiorstwo społeczne.',
    kind: 'document',
    licence: 'CC BY 4.0',
    visibility: 'public',
    modules: [1],
    file: pdf('ekonomia-spoleczna-w-pigulce.pdf', 'Ekonomia społeczna w pigułce', [
      'Ekonomia społeczna to działalność, w której zysk służy ludziom i wspólnocie, a nie tylko właścicielom.',
      'Tworzą ją spółdzielnie socjalne, centra i kluby integracji społecznej, warsztaty terapii zajęciowej, zakłady aktywności zawodowej, fundacje i stowarzyszenia prowadzące działalność gospodarczą.',
      'Materiał demonstracyjny systemu Splot, licencja CC BY 4.0.',
    ]),
  },
  {
    title: 'Ustawa o ekonomii społecznej (tekst w ISAP)',
    description:
      'Ustawa z dnia 5 sierpnia 2022 r. o ekonomii społecznej w Internetowym Systemie Aktów Prawnych.',
    kind: 'link',
    licence: '',
    visibility: 'public',
    modules: [1, 5],
    url: 'https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20220001812',
  },
  {
    title: 'Karta pracy: mapa lokalnych partnerów',
    description: 'Ćwiczenie do modułu o partnerstwach: kto w gminie może nam pomóc i czego potrzebuje.',
    kind: 'document',
    licence: 'CC BY 4.0',
    visibility: 'leaders',
    modules: [2],
    file: txt(
      'karta-pracy-mapa-partnerow.txt',
      'KARTA PRACY: MAPA LOKALNYCH PARTNERÓW\n\n1. Wypisz instytucje samorządowe w gminie (urząd, OPS, PUP, szkoły).\n2. Wypisz organizacje pozarządowe, parafie i koła gospodyń wiejskich.\n3. Wypisz lokalne firmy.\n4. Przy każdym partnerze zapisz: czego potrzebuje i co może dać.\n5. Zaznacz trzech partnerów, z którymi porozmawiasz w tym miesiącu.\n',
    ),
  },
];

const POZNAN_ONLY: DemoMaterial[] = [
  {
    title: 'Drzewo problemów — instrukcja dla prowadzącego',
    description: 'Jak poprowadzić z mieszkańcami analizę przyczyn i skutków problemu w 90 minut.',
    kind: 'document',
    licence: 'CC BY 4.0',
    visibility: 'leaders',
    modules: [3],
    file: pdf('drzewo-problemow.pdf', 'Drzewo problemów — instrukcja dla prowadzącego', [
      'Pień drzewa to problem, korzenie to przyczyny, gałęzie to skutki.',
      'Zacznij od faktów: ile osób, od kiedy, gdzie. Potem pytaj „dlaczego?” aż do przyczyn, na które społeczność ma wpływ.',
    ]),
  },
  {
    title: 'Spółdzielnia socjalna krok po kroku — prezentacja',
    description: 'Slajdy do modułu: założyciele, statut, rejestracja w KRS, wsparcie na start.',
    kind: 'slides',
    licence: 'CC BY 4.0',
    visibility: 'participants',
    modules: [5],
    file: pdf('spoldzielnia-socjalna-krok-po-kroku.pdf', 'Spółdzielnia socjalna krok po kroku', [
      'Krok 1: co najmniej pięć osób założycielskich (albo dwie osoby prawne).',
      'Krok 2: statut i zebranie założycielskie. Krok 3: wniosek do KRS. Krok 4: wsparcie z OWES na start.',
    ]),
  },
  {
    title: 'Zasady grupy samokształceniowej',
    description: 'Jedna strona do powieszenia na ścianie: jak rozmawiamy i jak dbamy o udział każdego.',
    kind: 'document',
    licence: 'CC BY 4.0',
    visibility: 'participants',
    modules: [7],
    file: txt(
      'zasady-grupy.txt',
      'ZASADY NASZEJ GRUPY\n\n- Mówi jedna osoba naraz.\n- Każdy głos jest ważny.\n- Co mówimy w grupie, zostaje w grupie.\n- Zaczynamy i kończymy o czasie.\n- Kto nie może przyjść, uprzedza prowadzącego.\n',
    ),
  },
  {
    title: 'Notatki trenera: ocena postępów liderów',
    description: 'Wewnętrzne wskazówki dla trenerów Centrum, jak omawiać z liderami ich pierwsze spotkania.',
    kind: 'document',
    licence: 'wszelkie prawa zastrzeżone',
    visibility: 'staff',
    modules: [6, 7],
    file: txt(
      'notatki-trenera.txt',
      'NOTATKI TRENERA (materiał wewnętrzny)\n\nPo pierwszym spotkaniu grupy zapytaj lidera: co się udało, co było trudne, kto milczał i dlaczego.\n',
    ),
  },
  {
    title: 'Social economy in Europe — an overview',
    description: 'The European Commission’s page on the social economy (in English).',
    kind: 'link',
    language: 'en',
    licence: '',
    visibility: 'leaders',
    modules: [1],
    url: 'https://single-market-economy.ec.europa.eu/sectors/proximity-and-social-economy/social-economy-eu_en',
  },
];

/** Demo data: the leaders' programme in each locality and a small materials library. */
export async function seedEducationProgrammes(
  db: Db,
  places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {
  const storage = materialStorage();
  const sets: [Place, DemoMaterial[]][] = [
    [places.poznan, [...COMMON, ...POZNAN_ONLY]],
    [places.wagrowiec, [COMMON[0]!, COMMON[2]!, POZNAN_ONLY[2]!]],
    [places.kwilcz, [COMMON[0]!, COMMON[1]!]],
  ];
  for (const [place, list] of sets) {
    const curriculumId = await ensureLeadersProgramme(db, {
      localityId: place.locality.id,
      actorUserId: place.coordinator.id,
    });
    const loaded = await loadCurriculum(db, { localityId: place.locality.id, curriculumId });
    const modules = loaded?.modules ?? [];
    const ctx = await coordinatorContext(db, place);
    // A second run adds nothing.
    const existing = new Set(
      (
        await db
          .select({ title: materials.title })
          .from(materials)
          .where(eq(materials.localityId, place.locality.id))
      ).map((r) => r.title),
    );
    for (const m of list) {
      if (existing.has(m.title)) continue;
      const form = new FormData();
      form.set('title', m.title);
      form.set('description', m.description);
      form.set('kind', m.kind);
      form.set('language', m.language ?? 'pl');
      form.set('licence', m.licence);
      form.set('visibility', m.visibility);
      form.set('url', m.url ?? '');
      for (const position of m.modules) {
        const mod = modules.find((x) => x.position === position);
        if (mod) form.append('modules', mod.id);
      }
      await createMaterial(db, storage, ctx, {
        form,
        file: m.file ? await m.file() : null,
        today: places.today,
      });
    }
  }
}
