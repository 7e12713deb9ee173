/**
 * Pure checks of a new dated value for an existing legal parameter: the JSON must parse and
 * have the same shape as the value in force (same object keys, same kinds of values, arrays of
 * the same kind of element), and it must start after the current value.
 */
export type ShapeProblem = { path: string; expected: string };

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** The first place where `value` differs in shape from `reference`, or null when it matches. */
export function shapeProblem(reference: unknown, value: unknown, path = ''): ShapeProblem | null {
  const expected = kindOf(reference);
  const actual = kindOf(value);
  if (expected !== actual) return { path: path || '$', expected };
  if (expected === 'array') {
    const ref = reference as unknown[];
    if (ref.length === 0) return null;
    for (const [i, item] of (value as unknown[]).entries()) {
      const p = shapeProblem(ref[0], item, `${path}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  if (expected === 'object') {
    const ref = reference as Record<string, unknown>;
    const val = value as Record<string, unknown>;
    const refKeys = Object.keys(ref).sort();
    const valKeys = Object.keys(val).sort();
    for (const k of refKeys) {
      if (!(k in val)) return { path: path ? `${path}.${k}` : k, expected: kindOf(ref[k]) };
      const p = shapeProblem(ref[k], val[k], path ? `${path}.${k}` : k);
      if (p) return p;
    }
    const extra = valKeys.find((k) => !(k in ref));
    if (extra) return { path: path ? `${path}.${extra}` : extra, expected: 'none' };
  }
  return null;
}

export type ParsedValue = { ok: true; value: unknown } | { ok: false; problem: 'required' | 'json' };

export function parseJsonValue(raw: string): ParsedValue {
  if (!raw.trim()) return { ok: false, problem: 'required' };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, problem: 'json' };
  }
}
