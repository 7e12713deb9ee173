import { useT } from '../../../components/ui/i18n-context.tsx';
import type { StepStatus } from '../roadmap.rules.ts';

const ICON: Record<StepStatus, string> = { not_started: '○', in_progress: '◐', done: '●' };

/** Status as text and a shape, never colour alone. */
export function StatusBadge({ status }: { status: StepStatus }) {
  const t = useT();
  return (
    <span className={`badge badge--${status}`}>
      <span aria-hidden="true">{ICON[status]} </span>
      {t(`roadmap.status.${status}`)}
    </span>
  );
}

export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total ? Math.round((done / total) * 100) : 0;
  return (
    <div className="progress">
      <div
        className="progress__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label={label}
      >
        <div className="progress__bar" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
