/**
 * A small ICU MessageFormat subset: `{name}` arguments and
 * `{count, plural, =0 {…} one {# …} few {…} many {…} other {…}}` with CLDR plural rules
 * from Intl.PluralRules, so Polish gets 1 uczestnik, 2 uczestników... right.
 */
export type MessageValues = Record<string, string | number>;

const pluralRulesCache = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesCache.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRulesCache.set(locale, rules);
  }
  return rules;
}

const numberFormatCache = new Map<string, Intl.NumberFormat>();
function formatNumber(locale: string, n: number): string {
  let nf = numberFormatCache.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale);
    numberFormatCache.set(locale, nf);
  }
  return nf.format(n);
}

/** Finds the index of the brace that closes the one opened at `start`. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  throw new Error(`Unbalanced braces in message: ${text}`);
}

function parseBranches(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    while (i < body.length && /\s/.test(body[i] ?? '')) i++;
    if (i >= body.length) break;
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const close = matchingBrace(body, open);
    branches.set(selector, body.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}

export function formatMessage(
  locale: string,
  template: string,
  values: MessageValues = {},
  hash?: string,
): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i];
    if (ch === '{') {
      const close = matchingBrace(template, i);
      const inner = template.slice(i + 1, close);
      const comma = inner.indexOf(',');
      if (comma < 0) {
        const v = values[inner.trim()];
        out += v === undefined ? `{${inner}}` : typeof v === 'number' ? formatNumber(locale, v) : v;
      } else {
        const name = inner.slice(0, comma).trim();
        const rest = inner.slice(comma + 1);
        const comma2 = rest.indexOf(',');
        const type = rest.slice(0, comma2).trim();
        const branches = parseBranches(rest.slice(comma2 + 1));
        const raw = values[name];
        if (type === 'plural') {
          const n = Number(raw ?? 0);
          const branch =
            branches.get(`=${n}`) ??
            branches.get(pluralRules(locale).select(n)) ??
            branches.get('other') ??
            '';
          out += formatMessage(locale, branch, values, formatNumber(locale, n));
        } else if (type === 'select') {
          const branch = branches.get(String(raw)) ?? branches.get('other') ?? '';
          out += formatMessage(locale, branch, values, hash);
        } else {
          throw new Error(`Unsupported argument type "${type}" in message: ${template}`);
        }
      }
      i = close + 1;
    } else if (ch === '#' && hash !== undefined) {
      out += hash;
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}
