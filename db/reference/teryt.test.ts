import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTerc } from './teryt.ts';

describe('the official TERYT list of gminas', () => {
  const gminas = parseTerc(readFileSync('db/reference/teryt-terc.csv', 'utf8'));

  it('has every gmina of the 2024-01-01 register, by kind', () => {
    expect(gminas).toHaveLength(2477);
    const byKind = (k: string) => gminas.filter((g) => g.kind === k).length;
    expect(byKind('rural')).toBe(1464);
    expect(byKind('urban_rural')).toBe(711);
    // 302 urban gminas, of which 66 are cities with county rights (Warsaw included).
    expect(byKind('urban') + byKind('city_county')).toBe(302);
    expect(byKind('city_county')).toBe(66);
  });

  it('names the seed places with their kind, powiat and voivodeship', () => {
    const find = (code: string) => gminas.find((g) => g.code === code);
    expect(find('3014022')).toMatchObject({
      name: 'Kwilcz',
      kind: 'rural',
      powiat: 'międzychodzki',
      voivodeship: 'wielkopolskie',
    });
    expect(find('0806023')).toMatchObject({
      name: 'Drezdenko',
      kind: 'urban_rural',
      voivodeship: 'lubuskie',
    });
    expect(find('3064011')).toMatchObject({ name: 'Poznań', kind: 'city_county' });
  });

  it('matches the migration that loads it', () => {
    const sql = readFileSync('db/migrations/0001_teryt_gminas.sql', 'utf8');
    expect(sql.match(/^\('\d{7}'/gm)).toHaveLength(2477);
  });
});
