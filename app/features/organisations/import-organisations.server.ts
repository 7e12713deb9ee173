import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { organisations } from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import { CATALOGS, type Locale } from '../../lib/i18n/catalog.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { normalizeHeader, parseCsv } from '../../lib/tabular/csv.ts';
import {
  describeCsvProblem,
  type ImportColumn,
  type ImportError,
  mapColumns,
} from '../../lib/tabular/import.ts';
import { foldForSearch } from '../../lib/text.ts';
import { canManageDirectory } from './organisation.policy.ts';
import {
  derivePes,
  LEGAL_FORMS,
  nameKey,
  ORGANISATION_KINDS,
  type PesParameter,
} from './organisation.rules.ts';
import { organisationSchema } from './organisation.schema.ts';

type Key =
  | 'name'
  | 'kind'
  | 'legalForm'
  | 'nip'
  | 'regon'
  | 'krs'
  | 'street'
  | 'houseNo'
  | 'flatNo'
  | 'postalCode'
  | 'city'
  | 'phone'
  | 'email'
  | 'website';

export type OrganisationColumn = ImportColumn<Key> & {
  /** The header an export or template gets in each language; both are accepted on import. */
  label: Record<Locale, string>;
};

function column(
  key: Key,
  label: Record<Locale, string>,
  aliases: string[] = [],
  required = false,
): OrganisationColumn {
  return { key, label, headers: [...new Set([label.pl, label.en, ...aliases])], required };
}

/**
 * The columns of the import file, in export order. Polish and English header names are both
 * accepted (so a file exported in either language imports back), plus a few common variants.
 */
export const IMPORT_COLUMNS: OrganisationColumn[] = [
  column('name', { pl: 'nazwa', en: 'name' }, [], true),
  column('kind', { pl: 'rodzaj', en: 'kind' }, ['typ'], true),
  column('legalForm', { pl: 'forma prawna', en: 'legal form' }, ['forma']),
  column('nip', { pl: 'nip', en: 'nip' }),
  column('regon', { pl: 'regon', en: 'regon' }),
  column('krs', { pl: 'krs', en: 'krs' }),
  column('street', { pl: 'ulica', en: 'street' }),
  column('houseNo', { pl: 'nr domu', en: 'house no' }, ['numer domu', 'house number']),
  column('flatNo', { pl: 'nr lokalu', en: 'flat no' }, ['numer lokalu', 'flat number']),
  column('postalCode', { pl: 'kod pocztowy', en: 'postcode' }, ['kod', 'postal code']),
  column('city', { pl: 'miejscowość', en: 'town' }, ['miasto', 'city']),
  column('phone', { pl: 'telefon', en: 'phone' }),
  column('email', { pl: 'e-mail', en: 'email' }, ['adres e-mail']),
  column('website', { pl: 'strona internetowa', en: 'website' }, ['strona', 'www']),
];

/** The header row of an export or import template in the given language. */
export function columnHeaders(locale: Locale): string[] {
  return IMPORT_COLUMNS.map((c) => c.label[locale]);
}

/** Accepts a code ("ops"), its label in either language, the label without the bracket, and common short names. */
function lookup<T extends string>(
  codes: readonly T[],
  prefix: string,
  extra: Record<string, T>,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(code, code);
    for (const cat of [CATALOGS.pl, CATALOGS.en]) {
      const label = (cat as Record<string, string>)[`${prefix}.${code}`];
      if (!label) continue;
      map.set(foldForSearch(label), code);
      map.set(foldForSearch(label.replace(/\s*\(.*\)\s*$/, '')), code);
      for (const abbr of /\(([^)]+)\)/.exec(label)?.[1]?.split('/') ?? []) map.set(foldForSearch(abbr), code);
    }
  }
  for (const [k, v] of Object.entries(extra)) map.set(foldForSearch(k), v);
  return map;
}

const KINDS = lookup(ORGANISATION_KINDS, 'organisations.kind', {
  gops: 'ops',
  mops: 'ops',
  mopr: 'ops',
  ops: 'ops',
  'urzad pracy': 'pup',
  gmina: 'local_government',
  urzad: 'local_government',
  jst: 'local_government',
  firma: 'business',
  przedsiebiorca: 'business',
  spoldzielnia: 'worker_coop',
  ngo: 'association',
});
const FORMS = lookup(LEGAL_FORMS, 'organisations.legalForm', {
  kgw: 'rural_housewives_circle',
  jdg: 'sole_trader',
  'sp. z o.o.': 'company',
  'sp z oo': 'company',
  's.c.': 'civil_partnership',
});

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 10_000;

export type ImportOutcome = { ok: true; imported: number } | { ok: false; errors: ImportError[] };

const FIELD_COLUMN: Record<string, Key> = {
  name: 'name',
  kind: 'kind',
  legalForm: 'legalForm',
  nip: 'nip',
  regon: 'regon',
  krs: 'krs',
  postalCode: 'postalCode',
  email: 'email',
  website: 'website',
};

/**
 * Imports a CSV file of organisations, all or nothing: every row is validated first
 * (identifiers with check digits, known kinds and legal forms, duplicates in the file and in
 * the directory), and any error, reported by line and column, means nothing is written.
 */
export async function importOrganisations(
  db: Db,
  opts: { actor: Actor; locality: ActorLocality; bytes: Uint8Array; today: string },
): Promise<ImportOutcome> {
  if (!canManageDirectory(opts.actor, opts.locality))
    throw new AppError('FORBIDDEN', 'organisations.errors.cannotManage');
  const parsed = parseCsv(opts.bytes, { maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS });
  if (!parsed.ok) return { ok: false, errors: [describeCsvProblem(parsed.problem)] };
  // Missing columns stop here; blank required cells are reported with every other problem.
  const strict = mapColumns(parsed.csv, IMPORT_COLUMNS);
  if (!strict.ok && strict.errors.some((e) => e.line <= 1)) return { ok: false, errors: strict.errors };
  const mapped = mapColumns(
    parsed.csv,
    IMPORT_COLUMNS.map((c) => ({ ...c, required: false })),
  );
  if (!mapped.ok) return { ok: false, errors: mapped.errors };
  const blankLines = new Set(strict.ok ? [] : strict.errors.map((e) => e.line));
  const header = (key: Key) => {
    const col = IMPORT_COLUMNS.find((c) => c.key === key)!;
    return (
      parsed.csv.header.find((h) => col.headers.some((a) => normalizeHeader(a) === normalizeHeader(h))) ??
      col.headers[0]!
    );
  };

  const errors: ImportError[] = strict.ok ? [] : [...strict.errors];
  const rows: { line: number; values: ReturnType<typeof organisationSchema.parse> }[] = [];
  for (const rec of mapped.records) {
    if (blankLines.has(rec.line)) continue;
    const v = rec.values;
    const kind = KINDS.get(foldForSearch(v.kind));
    const legalForm = v.legalForm ? FORMS.get(foldForSearch(v.legalForm)) : '';
    if (!kind)
      errors.push({
        line: rec.line,
        column: header('kind'),
        messageKey: 'organisations.import.kindUnknown',
        values: { value: v.kind },
      });
    if (legalForm === undefined)
      errors.push({
        line: rec.line,
        column: header('legalForm'),
        messageKey: 'organisations.import.legalFormUnknown',
        values: { value: v.legalForm },
      });
    if (!kind || legalForm === undefined) continue;
    const result = organisationSchema.safeParse({ ...v, kind, legalForm, confirmDistinct: '1' });
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = String(issue.path[0] ?? 'name');
        errors.push({
          line: rec.line,
          column: header(FIELD_COLUMN[field] ?? 'name'),
          messageKey: issue.message,
          values:
            issue.code === 'custom'
              ? (issue.params as Record<string, string | number> | undefined)
              : undefined,
        });
      }
      continue;
    }
    rows.push({ line: rec.line, values: result.data });
  }

  // Duplicates within the file and against the directory (same identifier, or the same name).
  const seen = new Map<string, number>();
  for (const r of rows) {
    for (const [field, value] of [
      ['nip', r.values.nip],
      ['regon', r.values.regon],
      ['krs', r.values.krs],
      ['name', nameKey(foldForSearch(r.values.name))],
    ] as const) {
      if (!value) continue;
      const k = `${field}:${value}`;
      const first = seen.get(k);
      if (first !== undefined)
        errors.push({
          line: r.line,
          column: header(field),
          messageKey: 'organisations.import.duplicateInFile',
          values: { line: first },
        });
      else seen.set(k, r.line);
    }
  }
  const nips = rows.map((r) => r.values.nip).filter((x): x is string => Boolean(x));
  const regons = rows.map((r) => r.values.regon).filter((x): x is string => Boolean(x));
  const keys = rows.map((r) => nameKey(foldForSearch(r.values.name)));
  const sameAs = [
    keys.length ? inArray(organisations.nameKey, keys) : undefined,
    nips.length ? inArray(organisations.nip, nips) : undefined,
    regons.length ? inArray(organisations.regon, regons) : undefined,
  ].filter(Boolean);
  const existing = sameAs.length
    ? await db
        .select({
          name: organisations.name,
          nip: organisations.nip,
          regon: organisations.regon,
          nameKey: organisations.nameKey,
        })
        .from(organisations)
        .where(and(eq(organisations.localityId, opts.locality.localityId), or(...sameAs)))
    : [];
  for (const r of rows) {
    const key = nameKey(foldForSearch(r.values.name));
    const hit =
      existing.find((e) => r.values.nip && e.nip === r.values.nip) ??
      existing.find((e) => r.values.regon && e.regon === r.values.regon) ??
      existing.find((e) => e.nameKey === key);
    if (hit) {
      const field =
        r.values.nip && hit.nip === r.values.nip
          ? 'nip'
          : r.values.regon && hit.regon === r.values.regon
            ? 'regon'
            : 'name';
      errors.push({
        line: r.line,
        column: header(field),
        messageKey: 'organisations.import.alreadyInDirectory',
        values: { name: hit.name },
      });
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    return { ok: false, errors };
  }

  const param = await legalParameter<PesParameter>(db, 'pes.entities', opts.today);
  await db.transaction(async (tx) => {
    const values = rows.map(({ values: v }) => {
      const folded = foldForSearch(v.name);
      const pes = derivePes({ kind: v.kind, legalForm: v.legalForm }, param.value);
      return {
        localityId: opts.locality.localityId,
        name: v.name,
        nameFolded: folded,
        nameKey: nameKey(folded),
        kind: v.kind,
        legalForm: v.legalForm,
        nip: v.nip,
        regon: v.regon,
        krs: v.krs,
        isPes: pes.isPes,
        pesLetter: pes.letter,
        street: v.street,
        houseNo: v.houseNo,
        flatNo: v.flatNo,
        postalCode: v.postalCode,
        city: v.city,
        phone: v.phone,
        email: v.email,
        website: v.website,
      };
    });
    for (let i = 0; i < values.length; i += 500)
      await tx.insert(organisations).values(values.slice(i, i + 500));
    await writeAudit(tx, {
      actorUserId: opts.actor.userId,
      localityId: opts.locality.localityId,
      requestId: opts.actor.requestId,
      action: 'organisation.import',
      entityType: 'organisation',
      details: { count: values.length, encoding: parsed.csv.encoding },
    });
  });
  return { ok: true, imported: rows.length };
}
