export type LocalityKind = 'rural' | 'urban' | 'urban_rural' | 'city_county';

export const LOCALITY_KINDS: readonly LocalityKind[] = ['rural', 'urban', 'urban_rural', 'city_county'];

export type TercGmina = {
  code: string;
  name: string;
  kind: LocalityKind;
  voivodeship: string;
  powiat: string;
  stateAsOf: string;
};

const RODZ_KIND: Record<string, LocalityKind> = { '1': 'urban', '2': 'rural', '3': 'urban_rural' };

/**
 * Parses the GUS TERC list (`WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA`) into gminas.
 * Only gmina rows (RODZ 1, 2, 3) are kept; an urban gmina in a powiat code 61+ is a
 * city with county rights.
 */
export function parseTerc(csv: string): TercGmina[] {
  const rows = csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(';'));
  const voivodeships = new Map<string, string>();
  const powiats = new Map<string, string>();
  for (const [woj, pow, gmi, , name] of rows) {
    if (!woj || !name) continue;
    if (!pow) voivodeships.set(woj, name.toLowerCase());
    else if (!gmi) powiats.set(woj + pow, name);
  }
  const out: TercGmina[] = [];
  for (const [woj, pow, gmi, rodz, name, , stateAsOf] of rows) {
    if (!woj || !pow || !gmi || !rodz || !name || !stateAsOf) continue;
    const base = RODZ_KIND[rodz];
    if (!base) continue;
    const kind: LocalityKind = base === 'urban' && Number(pow) >= 61 ? 'city_county' : base;
    out.push({
      code: woj + pow + gmi + rodz,
      name,
      kind,
      voivodeship: voivodeships.get(woj) ?? '',
      powiat: powiats.get(woj + pow) ?? '',
      stateAsOf,
    });
  }
  return out;
}
