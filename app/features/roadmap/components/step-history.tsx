import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import { STEP_STATUSES, type StepStatus } from '../roadmap.rules.ts';

type Event = {
  id: number;
  at: string;
  actorName: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
};

const FIELD_LABEL: Record<string, MessageKey> = {
  status: 'roadmap.form.status.label',
  responsible: 'roadmap.form.responsible.label',
  dueDate: 'roadmap.form.dueDate.label',
  doneOn: 'roadmap.form.doneOn.label',
  startedOn: 'roadmap.history.startedOn',
  evidenceNotes: 'roadmap.form.evidenceNotes.label',
  evidenceLinks: 'roadmap.form.evidenceLinks.label',
};

function isStatus(v: unknown): v is StepStatus {
  return typeof v === 'string' && (STEP_STATUSES as readonly string[]).includes(v);
}

export function StepHistory({
  events,
  formatDate,
}: {
  events: Event[];
  formatDate: (iso: string) => string;
}) {
  const { t, dateTime } = useI18n();
  if (events.length === 0) return <p>{t('roadmap.history.empty')}</p>;
  const show = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('roadmap.history.empty_value');
    if (field === 'status' && isStatus(value)) return t(`roadmap.status.${value}`);
    if ((field === 'dueDate' || field === 'doneOn' || field === 'startedOn') && typeof value === 'string')
      return formatDate(value);
    if (field === 'evidenceLinks' && Array.isArray(value))
      return t('roadmap.history.links', { count: value.length });
    return String(value);
  };
  return (
    <ol className="history">
      {events.map((e) => (
        <li key={e.id}>
          <p className="history__meta">
            <time dateTime={e.at}>{dateTime(e.at)}</time> · {e.actorName ?? t('roadmap.history.unknownActor')}
          </p>
          <ul>
            {Object.entries(e.changes).map(([field, change]) => (
              <li key={field}>
                <strong>{FIELD_LABEL[field] ? t(FIELD_LABEL[field]) : field}:</strong>{' '}
                {field === 'evidenceNotes'
                  ? t('roadmap.history.notesChanged')
                  : t('roadmap.history.change', {
                      from: show(field, change.from),
                      to: show(field, change.to),
                    })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
