import { describe, expect, it } from 'vitest';
import { CATALOG_FILES, CATALOGS, type MessageKey } from './catalog.ts';
import { formatMessage } from './format-message.ts';
import { getI18n } from './i18n.ts';

describe('message catalogues', () => {
  it('have the same keys in Polish and English, file by file', () => {
    for (const [file, pl] of Object.entries(CATALOG_FILES.pl)) {
      const en = CATALOG_FILES.en[file as keyof typeof CATALOG_FILES.en];
      expect(Object.keys(en).sort(), `locales/en/${file}.json`).toEqual(Object.keys(pl).sort());
    }
  });

  it('keep each key in the file named by its prefix', () => {
    for (const [file, messages] of Object.entries(CATALOG_FILES.pl)) {
      for (const key of Object.keys(messages)) expect(key.startsWith(`${file}.`), key).toBe(true);
    }
  });

  it('has no empty message and every message formats in both languages', () => {
    const values = { count: 3, minutes: 15, days: 7, total: 10, done: 2, page: 1, pages: 2, status: 404 };
    for (const locale of ['pl', 'en'] as const) {
      for (const [key, text] of Object.entries(CATALOGS[locale])) {
        expect(text.trim(), `${locale}:${key}`).not.toBe('');
        expect(() => formatMessage(locale, text, values), `${locale}:${key}`).not.toThrow();
      }
    }
  });

  it('gives every Polish plural the one, few and many forms', () => {
    for (const [key, text] of Object.entries(CATALOGS.pl)) {
      if (!text.includes(', plural,')) continue;
      for (const form of ['one {', 'few {', 'many {']) expect(text, `pl:${key}`).toContain(form);
    }
  });
});

describe('Polish plurals and formats as a reader sees them', () => {
  const { t } = getI18n('pl');
  const steps = (n: number) => t('roadmap.home.inProgress', { count: n });

  it('uses the right noun form for 1, 2-4, 5-21, 22-24', () => {
    expect(steps(1)).toBe('1 krok w toku');
    expect(steps(2)).toBe('2 kroki w toku');
    expect(steps(5)).toBe('5 kroków w toku');
    expect(steps(12)).toBe('12 kroków w toku');
    expect(steps(22)).toBe('22 kroki w toku');
    expect(steps(25)).toBe('25 kroków w toku');
  });

  it('says "1 step" and "2 steps" in English', () => {
    const en = getI18n('en').t;
    expect(en('roadmap.home.inProgress', { count: 1 })).toBe('1 step in progress');
    expect(en('roadmap.home.inProgress', { count: 2 })).toBe('2 steps in progress');
  });

  it('writes dates the Polish way', () => {
    const pl = getI18n('pl');
    expect(pl.date('2024-03-05')).toBe('5.03.2024');
    expect(pl.dateLong('2024-03-05')).toBe('5 marca 2024 r.');
    expect(getI18n('en').dateLong('2024-03-05')).toBe('5 March 2024');
  });

  it('writes money and large numbers the Polish way', () => {
    const pl = getI18n('pl');
    expect(pl.money(1234.5).replace(/\s/g, ' ')).toBe('1234,50 zł');
    expect(pl.number(12345.5).replace(/\s/g, ' ')).toBe('12 345,5');
  });

  it('falls back to the key for an unknown message rather than crashing', () => {
    expect(t('no.such.key' as MessageKey)).toBe('no.such.key');
  });
});
