import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { I18n, MessageKey } from '../../../lib/i18n/i18n.ts';
import type { Missing } from '../initiative-stages.rules.ts';

/** A missing item in words: a checklist item is named, money figures are formatted. */
export function missingText(i18n: I18n, m: Missing): string {
  const values: Record<string, string | number> = { ...(m.values ?? {}) };
  if (typeof values.item === 'string' && values.item.startsWith('initiatives.'))
    values.item = i18n.t(values.item as MessageKey);
  if (typeof values.gap === 'number') values.gap = i18n.money(values.gap);
  return i18n.t(m.key, values);
}

/** The refusal of a stage move: what is missing, as a list under a heading. */
export function MissingList({ title, missing }: { title: string; missing: Missing[] }) {
  const i18n = useI18n();
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <h2>{title}</h2>
      <ul>
        {missing.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is fixed for one response
          <li key={i}>{missingText(i18n, m)}</li>
        ))}
      </ul>
    </div>
  );
}
