import { useI18n } from '../../../../components/ui/i18n-context.tsx';

/**
 * A small bar with its figure written next to it: the bar is decoration (hidden from screen
 * readers), the words carry the value ("4,2 z 5").
 */
export function ScoreBar({ value, max = 5 }: { value: number | null; max?: number }) {
  const { t, number } = useI18n();
  if (value === null) return <span>{t('education.feedback.summary.noValue')}</span>;
  const pct = Math.max(0, Math.min(100, (value / max) * 100));
  return (
    <span className="edu-bar">
      <span className="edu-bar__track" aria-hidden="true">
        <span className="edu-bar__fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="edu-bar__text">{t('education.feedback.summary.outOf', { value: number(value) })}</span>
    </span>
  );
}

/** A bar relative to the largest value of its column, with the number written. */
export function CountBar({ value, max, text }: { value: number; max: number; text: string }) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <span className="edu-bar">
      <span className="edu-bar__track" aria-hidden="true">
        <span className="edu-bar__fill" style={{ width: `${pct}%` }} />
      </span>
      <span className="edu-bar__text">{text}</span>
    </span>
  );
}
