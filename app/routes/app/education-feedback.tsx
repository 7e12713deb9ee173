import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { feedbackSummary } from '../../features/education/feedback/feedback.queries.server.ts';
import { COMMENTS_PER_MODULE } from '../../features/education/feedback/feedback.rules.ts';
import { ScoreBar } from '../../features/education/reports/components/bars.tsx';
import { canReadEducationReports } from '../../features/education/reports/report.server.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-feedback';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canReadEducationReports(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const summary = await feedbackSummary(services(args.context).db, { localityId: locality.localityId });
    return { locality: { slug: locality.slug, name: locality.name }, summary };
  });
}

export default function FeedbackSummaryPage({ loaderData }: Route.ComponentProps) {
  const { t, number, date } = useI18n();
  const { locality, summary: s } = loaderData;
  const title = t('education.feedback.summary.title');
  const generationLabel = (g: number | null) =>
    g === null ? t('education.reports.generation.none') : t('education.reports.generation.n', { n: g });
  return (
    <>
      <PageHeader
        title={title}
        lead={t('education.feedback.summary.lead')}
        breadcrumbs={
          <Breadcrumbs items={[{ to: `/app/${locality.slug}`, label: locality.name }, { label: title }]} />
        }
        actions={
          <Link to={`/app/${locality.slug}/education/reports`} className="button button--secondary">
            {t('education.feedback.summary.reportLink')}
          </Link>
        }
      />
      {s.total.answers === 0 ? (
        <p>{t('education.feedback.summary.empty')}</p>
      ) : (
        <>
          <dl className="edu-figures">
            <div>
              <dt>{t('education.feedback.summary.answers')}</dt>
              <dd>{number(s.total.answers)}</dd>
            </div>
            <div>
              <dt>{t('education.feedback.summary.usefulness')}</dt>
              <dd>
                <ScoreBar value={s.total.usefulness} />
              </dd>
            </div>
            <div>
              <dt>{t('education.feedback.summary.clarity')}</dt>
              <dd>
                <ScoreBar value={s.total.clarity} />
              </dd>
            </div>
          </dl>

          <section aria-labelledby="fb-modules" className="section">
            <h2 id="fb-modules">{t('education.feedback.summary.byModule')}</h2>
            <p className="hint">{t('education.feedback.summary.byModuleNote')}</p>
            <div className="table-wrap">
              <table className="table table--stack table--stack-plain">
                <caption className="visually-hidden">{t('education.feedback.summary.byModule')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('education.reports.col.module')}</th>
                    <th scope="col" className="num">
                      {t('education.feedback.summary.answers')}
                    </th>
                    <th scope="col">{t('education.feedback.summary.usefulness')}</th>
                    <th scope="col">{t('education.feedback.summary.clarity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.byModule.map((m) => (
                    <tr key={m.moduleId ?? 'none'}>
                      <th scope="row">
                        {m.title === null ? t('education.reports.module.none') : m.title}
                        {m.programme ? <span className="hint"> ({m.programme})</span> : null}
                      </th>
                      <td className="num" data-label={t('education.feedback.summary.answers')}>
                        {number(m.answers)}
                      </td>
                      <td data-label={t('education.feedback.summary.usefulness')}>
                        <ScoreBar value={m.usefulness} />
                      </td>
                      <td data-label={t('education.feedback.summary.clarity')}>
                        <ScoreBar value={m.clarity} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="hint">
              {t('education.feedback.summary.commentsNote', { max: COMMENTS_PER_MODULE })}
            </p>
            {s.byModule.map((m, i) => (
              <section key={m.moduleId ?? 'none'} aria-labelledby={`fb-c-${i}`} className="edu-comments">
                <h3 id={`fb-c-${i}`}>
                  {m.title === null ? t('education.reports.module.none') : m.title} –{' '}
                  {t('education.feedback.summary.comments', { count: m.comments.length })}
                </h3>
                {m.comments.length === 0 ? (
                  <p className="hint">{t('education.feedback.summary.noComments')}</p>
                ) : (
                  <ul>
                    {m.comments.map((c, j) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: comments have no names or ids on purpose
                      <li key={j}>
                        <q>{c.text}</q>{' '}
                        <span className="hint">
                          ({t('education.feedback.summary.heldOn', { date: date(c.on) })})
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </section>

          <section aria-labelledby="fb-gen" className="section">
            <h2 id="fb-gen">{t('education.feedback.summary.byGeneration')}</h2>
            <p className="hint">{t('education.reports.generations.note')}</p>
            <div className="table-wrap">
              <table className="table table--stack table--stack-plain">
                <caption className="visually-hidden">{t('education.feedback.summary.byGeneration')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('education.reports.col.generation')}</th>
                    <th scope="col" className="num">
                      {t('education.feedback.summary.answers')}
                    </th>
                    <th scope="col">{t('education.feedback.summary.usefulness')}</th>
                    <th scope="col">{t('education.feedback.summary.clarity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.byGeneration.map((g) => (
                    <tr key={g.generation ?? 'none'}>
                      <th scope="row">{generationLabel(g.generation)}</th>
                      <td className="num" data-label={t('education.feedback.summary.answers')}>
                        {number(g.answers)}
                      </td>
                      <td data-label={t('education.feedback.summary.usefulness')}>
                        <ScoreBar value={g.usefulness} />
                      </td>
                      <td data-label={t('education.feedback.summary.clarity')}>
                        <ScoreBar value={g.clarity} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </>
  );
}
