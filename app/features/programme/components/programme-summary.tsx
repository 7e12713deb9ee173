import { Link } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { ProgrammeSummary } from '../programme.queries.server.ts';
import { ProgrammeStatusBadge, ProgressMeter } from './progress.tsx';

/** The partnership page's "Programme of action" section: goals with progress, tasks done and overdue. */
export function ProgrammeSummarySection({ summary, href }: { summary: ProgrammeSummary; href: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="programme" className="section">
      <h2 id="programme">{t('programme.title')}</h2>
      {summary.goals.length === 0 ? (
        <p>{t('programme.summary.none')}</p>
      ) : (
        <>
          <p>
            {t('programme.summary.tasks', { tasks: summary.tasks, done: summary.done })}{' '}
            {summary.overdue > 0 ? (
              <strong className="overdue-note">
                {t('programme.counts.overdue', { count: summary.overdue })}
              </strong>
            ) : (
              t('programme.summary.noOverdue')
            )}
          </p>
          <ul className="plain-list">
            {summary.goals.map((g) => (
              <li key={g.id} className="summary-row">
                <strong>{g.title}</strong> <ProgrammeStatusBadge status={g.status} />
                <ProgressMeter value={g.progress} derived={g.tasks > 0} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={href}>{t('programme.summary.open')}</Link>
      </p>
    </section>
  );
}
