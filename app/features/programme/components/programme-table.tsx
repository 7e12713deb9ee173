import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { ProgrammeLevel, ProgrammeStatus } from '../programme.rules.ts';
import { IndicatorText, OverdueFlag, ProgrammeStatusBadge, ProgressMeter } from './progress.tsx';

export type ProgrammeTableRow = {
  id: string;
  parentId: string | null;
  level: ProgrammeLevel;
  number: string;
  title: string;
  organisation: string | null;
  person: string | null;
  startsOn: string | null;
  dueOn: string | null;
  status: ProgrammeStatus;
  progress: number;
  derived: boolean;
  overdue: boolean;
  indicatorName: string;
  indicatorUnit: string;
  indicatorTarget: string | null;
  indicatorActual: string | null;
  problems: { id: string; title: string }[];
  canUpdate: boolean;
};

function Responsible({ row }: { row: ProgrammeTableRow }) {
  if (!row.organisation && !row.person) return <>—</>;
  return (
    <>
      {row.organisation}
      {row.organisation && row.person ? <br /> : null}
      {row.person}
    </>
  );
}

function Dates({ row }: { row: ProgrammeTableRow }) {
  const { t, date } = useI18n();
  if (!row.startsOn && !row.dueOn) return <>—</>;
  return (
    <>
      {row.startsOn ? t('programme.dates.from', { date: date(row.startsOn) }) : null}
      {row.startsOn && row.dueOn ? <br /> : null}
      {row.dueOn ? t('programme.dates.due', { date: date(row.dueOn) }) : null}
    </>
  );
}

function Status({ row }: { row: ProgrammeTableRow }) {
  return (
    <>
      <ProgrammeStatusBadge status={row.status} />
      {row.overdue ? (
        <>
          <br />
          <OverdueFlag />
        </>
      ) : null}
    </>
  );
}

function Problems({ row }: { row: ProgrammeTableRow }) {
  if (row.problems.length === 0) return <>—</>;
  return (
    <ul className="plain-list">
      {row.problems.map((p) => (
        <li key={p.id}>{p.title}</li>
      ))}
    </ul>
  );
}

/** The programme as a tree: a section per goal, its actions and their tasks in one table. */
export function ProgrammeTable({
  rows,
  base,
  canManage,
}: {
  rows: ProgrammeTableRow[];
  base: string;
  canManage: boolean;
}) {
  const { t } = useI18n();
  const children = new Map<string, ProgrammeTableRow[]>();
  for (const r of rows) {
    if (!r.parentId) continue;
    const list = children.get(r.parentId) ?? [];
    list.push(r);
    children.set(r.parentId, list);
  }
  const goals = rows.filter((r) => r.level === 'goal');
  return (
    <>
      {goals.map((g) => {
        const actions = children.get(g.id) ?? [];
        return (
          <section key={g.id} id={`item-${g.id}`} aria-labelledby={`h-${g.id}`} className="section">
            <h2 id={`h-${g.id}`}>
              {t('programme.level.numbered.goal', { number: g.number })}: {g.title}
            </h2>
            <dl className="summary-list">
              <div>
                <dt>{t('programme.col.status')}</dt>
                <dd>
                  <Status row={g} />
                </dd>
              </div>
              <div>
                <dt>{t('programme.col.progress')}</dt>
                <dd>
                  <ProgressMeter value={g.progress} derived={g.derived} />
                </dd>
              </div>
              <div>
                <dt>{t('programme.col.responsible')}</dt>
                <dd>
                  <Responsible row={g} />
                </dd>
              </div>
              <div>
                <dt>{t('programme.col.dates')}</dt>
                <dd>
                  <Dates row={g} />
                </dd>
              </div>
              {g.indicatorName ? (
                <div>
                  <dt>{t('programme.col.indicator')}</dt>
                  <dd>
                    <IndicatorText
                      name={g.indicatorName}
                      unit={g.indicatorUnit}
                      target={g.indicatorTarget}
                      actual={g.indicatorActual}
                    />
                  </dd>
                </div>
              ) : null}
              {g.problems.length > 0 ? (
                <div>
                  <dt>{t('programme.col.problems')}</dt>
                  <dd>
                    <Problems row={g} />
                  </dd>
                </div>
              ) : null}
            </dl>
            <p className="actions">
              <a href={`${base}/${g.id}`}>
                {g.canUpdate ? t('programme.open.update') : t('programme.open')}
                <span className="visually-hidden">: {g.title}</span>
              </a>
              {canManage && g.status !== 'cancelled' ? (
                <a href={`${base}/new?level=action&parent=${g.id}`}>
                  {t('programme.add.action')}
                  <span className="visually-hidden">: {g.title}</span>
                </a>
              ) : null}
            </p>
            {actions.length === 0 ? (
              <p className="muted">{t('programme.goal.noActions')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table table--stack table--stack-plain">
                  <caption>{t('programme.table.caption', { number: g.number })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('programme.col.item')}</th>
                      <th scope="col">{t('programme.col.responsible')}</th>
                      <th scope="col">{t('programme.col.dates')}</th>
                      <th scope="col">{t('programme.col.status')}</th>
                      <th scope="col">{t('programme.col.progress')}</th>
                      <th scope="col">{t('programme.col.indicator')}</th>
                      <th scope="col">{t('programme.col.problems')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {actions
                      .flatMap((a) => [a, ...(children.get(a.id) ?? [])])
                      .map((r) => (
                        <tr key={r.id} id={`item-${r.id}`} className={r.overdue ? 'row--overdue' : undefined}>
                          <th scope="row">
                            <span
                              style={
                                r.level === 'task' ? { display: 'block', paddingLeft: '1.5rem' } : undefined
                              }
                            >
                              <span className="muted">
                                {t(`programme.level.numbered.${r.level}`, { number: r.number })}
                              </span>
                              <br />
                              <a href={`${base}/${r.id}`}>{r.title}</a>
                            </span>
                            {canManage && r.level === 'action' && r.status !== 'cancelled' ? (
                              <>
                                <br />
                                <a href={`${base}/new?level=task&parent=${r.id}`}>
                                  {t('programme.add.task')}
                                  <span className="visually-hidden">: {r.title}</span>
                                </a>
                              </>
                            ) : null}
                          </th>
                          <td data-label={t('programme.col.responsible')}>
                            <Responsible row={r} />
                          </td>
                          <td data-label={t('programme.col.dates')}>
                            <Dates row={r} />
                          </td>
                          <td data-label={t('programme.col.status')}>
                            <Status row={r} />
                          </td>
                          <td data-label={t('programme.col.progress')}>
                            <ProgressMeter value={r.progress} derived={r.derived} />
                          </td>
                          <td data-label={t('programme.col.indicator')}>
                            <IndicatorText
                              name={r.indicatorName}
                              unit={r.indicatorUnit}
                              target={r.indicatorTarget}
                              actual={r.indicatorActual}
                            />
                          </td>
                          <td data-label={t('programme.col.problems')}>
                            <Problems row={r} />
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}
