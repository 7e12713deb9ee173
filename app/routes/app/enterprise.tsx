import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { JobFigures } from '../../features/enterprises/components/job-figures.tsx';
import { JobsTable } from '../../features/enterprises/components/jobs-table.tsx';
import { Trajectory } from '../../features/enterprises/components/trajectory.tsx';
import { decisionKey, legalFormKey } from '../../features/enterprises/enterprise.labels.ts';
import { loadEnterprisePage } from '../../features/enterprises/enterprise-page.server.ts';
import { requireEnterpriseReader } from '../../features/enterprises/enterprise-route.server.ts';
import { StatusChecks } from '../../features/enterprises/legal/components/status-checks.tsx';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprise';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireEnterpriseReader(args);
    const page = await loadEnterprisePage(services(args.context).db, {
      actor,
      locality,
      id: args.params.enterpriseId,
      today: todayInWarsaw(),
      purpose: 'enterprise_page',
    });
    return { locality: { slug: locality.slug, name: locality.name }, ...page };
  });
}

export default function Enterprise({ loaderData }: Route.ComponentProps) {
  const { t, date, money } = useI18n();
  const d = loaderData;
  const p = d.profile;
  const base = `/app/${d.locality.slug}/enterprises/${p.id}`;
  const yes = (b: boolean) => (b ? t('enterprises.yes') : t('enterprises.no'));
  return (
    <>
      <PageHeader
        title={p.name}
        lead={t(legalFormKey(p.legalForm))}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${d.locality.slug}`, label: d.locality.name },
              { to: `/app/${d.locality.slug}/enterprises`, label: t('enterprises.list.title') },
              { label: p.name },
            ]}
          />
        }
        actions={
          d.canEdit ? (
            <Link to={`${base}/edit`} className="button button--secondary">
              {t('enterprises.profile.edit')}
            </Link>
          ) : null
        }
      />
      <nav aria-label={t('enterprises.page.sections')} className="enterprise-nav">
        <ul>
          <li>
            <a href="#profile">{t('enterprises.profile.title')}</a>
          </li>
          <li>
            <Link to={`${base}/members`}>{t('enterprises.members.title')}</Link>
          </li>
          <li>
            <Link to={`${base}/figures`}>{t('enterprises.figures.title')}</Link>
          </li>
          <li>
            <Link to={`${base}/jobs`}>{t('enterprises.jobs.title')}</Link>
          </li>
          <li>
            <Link to={`${base}/status`}>{t('enterprises.check.title')}</Link>
          </li>
        </ul>
      </nav>
      <section aria-labelledby="profile">
        <h2 id="profile">{t('enterprises.profile.title')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('enterprises.profile.identifiers')}</dt>
            <dd>
              {[p.nip && `NIP ${p.nip}`, p.regon && `REGON ${p.regon}`, p.krs && `KRS ${p.krs}`]
                .filter(Boolean)
                .join(', ') || '—'}
            </dd>
          </div>
          <div>
            <dt>{t('enterprises.profile.registeredOn.label')}</dt>
            <dd>{p.registeredOn ? date(p.registeredOn) : '—'}</dd>
          </div>
          <div>
            <dt>{t('enterprises.profile.foundedBy.label')}</dt>
            <dd>
              {p.foundedBy === 'natural'
                ? t('enterprises.profile.foundedBy.natural')
                : p.foundedBy === 'legal'
                  ? t('enterprises.profile.foundedBy.legal')
                  : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('enterprises.profile.aims.label')}</dt>
            <dd>
              {p.psAims.length
                ? p.psAims
                    .map((a) =>
                      t(
                        a === 'reintegration'
                          ? 'enterprises.aim.reintegration'
                          : 'enterprises.aim.social_services',
                      ),
                    )
                    .join(', ')
                : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('enterprises.profile.publicControl.label')}</dt>
            <dd>{yes(p.publicControl)}</dd>
          </div>
          <div>
            <dt>{t('enterprises.profile.servicesToLocality')}</dt>
            <dd>{p.servicesToLocality || '—'}</dd>
          </div>
          <div>
            <dt>{t('enterprises.profile.beneficiaries')}</dt>
            <dd>{p.beneficiaries || '—'}</dd>
          </div>
          <div>
            <dt>{t('enterprises.profile.offer')}</dt>
            <dd>{p.offerSummary || '—'}</dd>
          </div>
          <div>
            <dt>{t('enterprises.check.title')}</dt>
            <dd>
              {p.lastCheckPassed === null
                ? t('enterprises.check.notYet')
                : p.lastCheckPassed
                  ? t('enterprises.check.passed')
                  : t('enterprises.check.failing')}{' '}
              <Link to={`${base}/status`}>{t('enterprises.check.details')}</Link>
            </dd>
          </div>
        </dl>
      </section>
      <section aria-labelledby="status">
        <h2 id="status">{t('enterprises.check.title')}</h2>
        <StatusChecks check={p.lastCheck} />
        <p>
          <Link to={`${base}/status`}>{t('enterprises.check.details')}</Link>
        </p>
      </section>
      <section aria-labelledby="members">
        <h2 id="members">{t('enterprises.members.title')}</h2>
        {d.members.length === 0 ? (
          <p>{t('enterprises.members.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption>{t('enterprises.members.caption', { count: d.members.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('enterprises.member.name')}</th>
                  <th scope="col">{t('enterprises.member.kind.label')}</th>
                  <th scope="col">{t('enterprises.member.atRisk')}</th>
                  <th scope="col">{t('enterprises.member.isFounder')}</th>
                  <th scope="col">{t('enterprises.member.joinedOn.label')}</th>
                  <th scope="col" className="num">
                    {t('enterprises.member.shareCapital.label')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      {m.displayName}
                      {d.canEdit ? (
                        <>
                          {' '}
                          <a href={`${base}/members/${m.id}/edit`}>
                            {t('enterprises.member.edit.link')}
                            <span className="visually-hidden">: {m.displayName}</span>
                          </a>
                        </>
                      ) : null}
                    </th>
                    <td data-label={t('enterprises.member.kind.label')}>
                      {t(
                        m.kind === 'legal'
                          ? 'enterprises.member.kind.legal'
                          : 'enterprises.member.kind.natural',
                      )}
                    </td>
                    <td data-label={t('enterprises.member.atRisk')}>{yes(m.atRisk)}</td>
                    <td data-label={t('enterprises.member.isFounder')}>{yes(m.isFounder)}</td>
                    <td data-label={t('enterprises.member.joinedOn.label')}>
                      {date(m.joinedOn)}
                      {m.leftOn ? ` – ${date(m.leftOn)}` : ''}
                    </td>
                    <td className="num" data-label={t('enterprises.member.shareCapital.label')}>
                      {money(m.shareCapital)}
                    </td>
                  </tr>
                ))}
                <tr className="row--total">
                  <th scope="row" colSpan={5}>
                    {t('enterprises.members.shareTotal')}
                  </th>
                  <td className="num" data-label={t('enterprises.member.shareCapital.label')}>
                    <strong>{money(d.shareCapitalTotal)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="decisions">
        <h2 id="decisions">{t('enterprises.decisions.title')}</h2>
        {d.decisions.length === 0 ? (
          <p>{t('enterprises.decisions.empty')}</p>
        ) : (
          <ul className="plain-list">
            {d.decisions.map((x) => (
              <li key={x.id}>
                <strong>{t(decisionKey(x.kind))}</strong>{' '}
                {t('enterprises.decisions.line', {
                  decided: date(x.decidedOn),
                  number: x.number || '—',
                  authority: x.authority || '—',
                })}
                {x.finalOn ? ` ${t('enterprises.decisions.final', { date: date(x.finalOn) })}` : ''}
                {x.validUntil
                  ? ` ${t('enterprises.decisions.validUntil', { date: date(x.validUntil) })}`
                  : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="trajectory">
        <h2 id="trajectory">{t('enterprises.trajectory.title')}</h2>
        <Trajectory points={d.points} share3={d.share3} runway={d.runway} breakEven={d.breakEven} />
      </section>
      <section aria-labelledby="jobs">
        <h2 id="jobs">{t('enterprises.jobs.title')}</h2>
        <JobFigures f={d.jobFigures} />
        {d.jobs.length ? (
          <JobsTable jobs={d.jobs} caption={t('enterprises.jobs.caption', { count: d.jobs.length })} />
        ) : (
          <p>{t('enterprises.jobs.empty')}</p>
        )}
        <p>
          <Link to={`${base}/jobs`}>
            {d.canEdit ? t('enterprises.jobs.manage') : t('enterprises.jobs.open')}
          </Link>
        </p>
      </section>
    </>
  );
}
