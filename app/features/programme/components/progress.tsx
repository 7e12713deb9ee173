import { useI18n, useT } from '../../../components/ui/i18n-context.tsx';
import type { ProgrammeLevel, ProgrammeStatus } from '../programme.rules.ts';

const ICON: Record<ProgrammeStatus, string> = { planned: '○', in_progress: '◐', done: '●', cancelled: '✕' };
const BADGE: Record<ProgrammeStatus, string> = {
  planned: 'not_started',
  in_progress: 'in_progress',
  done: 'done',
  cancelled: 'not_started',
};

/** Status in words with a shape, never colour alone. */
export function ProgrammeStatusBadge({ status }: { status: ProgrammeStatus }) {
  const t = useT();
  return (
    <span className={`badge badge--${BADGE[status]}`}>
      <span aria-hidden="true">{ICON[status]} </span>
      {t(`programme.status.${status}`)}
    </span>
  );
}

/** "Overdue" in words (with a sign), shown next to the status. */
export function OverdueFlag() {
  const t = useT();
  return (
    <strong className="overdue-flag">
      <span aria-hidden="true">⚠ </span>
      {t('programme.overdue')}
    </strong>
  );
}

/** A bar and the percentage in words; the bar is decoration for the figure beside it. */
export function ProgressMeter({ value, derived = false }: { value: number; derived?: boolean }) {
  const t = useT();
  return (
    <div className="progress">
      <div className="progress__track" aria-hidden="true">
        <div className="progress__bar" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </div>
      <span>
        {t('programme.progress.value', { value })}
        {derived ? <span className="muted"> {t('programme.progress.fromTasks')}</span> : null}
      </span>
    </div>
  );
}

export function IndicatorText({
  name,
  unit,
  target,
  actual,
}: {
  name: string;
  unit: string;
  target: string | null;
  actual: string | null;
}) {
  const { t, number } = useI18n();
  if (!name) return <>—</>;
  const fmt = (v: string | null) => (v === null ? '—' : number(Number(v)));
  return (
    <>
      {name}:{' '}
      {actual === null
        ? t('programme.indicator.targetOnly', { target: fmt(target), unit: unit || '' }).trim()
        : t('programme.indicator.value', {
            actual: fmt(actual),
            target: fmt(target),
            unit: unit || '',
          }).trim()}
    </>
  );
}

export function levelLabel(t: ReturnType<typeof useT>, level: ProgrammeLevel, number: string) {
  return t(`programme.level.numbered.${level}`, { number });
}
