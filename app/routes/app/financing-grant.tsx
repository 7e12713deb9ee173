import { Link } from 'react-router';
import { ErrorSummary, PostForm } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { ScheduleFieldset } from '../../features/financing/components/grant-fields.tsx';
import { getGrant } from '../../features/financing/financing.queries.server.ts';
import { rescheduleRows } from '../../features/financing/financing.rules.ts';
import {
  handleForm,
  requireFinancingManager,
  requireGrantReader,
} from '../../features/financing/financing-route.server.ts';
import { markInstalmentPaid, rescheduleGrant } from '../../features/financing/grants.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/financing-grant';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, organisations } = await requireGrantReader(args);
    const found = await getGrant(services(args.context).db, {
      localityId: locality.localityId,
      id: args.params.id,
      organisations,
    });
    if (!found) throw new AppError('NOT_FOUND', 'errors.404.body');
    const fte = found.jobs.reduce((s, j) => s + Number(j.fte), 0);
    return {
      locality: { slug: locality.slug, name: locality.name },
      ...found,
      fte,
      manager: organisations === null,
      today: dateInputValue(todayInWarsaw()),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireFinancingManager(args));
  const form = await args.request.formData();
  const values = formValues(form);
  return handleForm(form, async () => {
    if (values.intent === 'reschedule') {
      await rescheduleGrant(services(args.context).db, { ...ctx, grantId: args.params.id, values });
      return redirectWithFlash(
        args.context,
        `/app/${ctx.locality.slug}/financing/grants/${args.params.id}#schedule`,
        { kind: 'success', key: 'financing.grant.rescheduled' },
      );
    }
    await markInstalmentPaid(services(args.context).db, {
      ...ctx,
      grantId: args.params.id,
      instalmentId: values.instalmentId ?? '',
      paidOn: values.paidOn ?? '',
      today: todayInWarsaw(),
    });
    return redirectWithFlash(
      args.context,
      `/app/${ctx.locality.slug}/financing/grants/${args.params.id}#schedule`,
      {
        kind: 'success',
        key: 'financing.instalment.marked',
      },
    );
  });
}

export default function Grant({ loaderData, actionData }: Route.ComponentProps) {
  const { t, money, date, number } = useI18n();
  const { locality, grant: g, instalments, jobs, fte, manager, today } = loaderData;
  const failedAny = actionData && !actionData.ok ? actionData : null;
  const rescheduleFailed = failedAny?.values.intent === 'reschedule' ? failedAny : null;
  const failed = rescheduleFailed ? null : failedAny;
  const base = `/app/${locality.slug}/financing`;
  const paid = instalments.filter((i) => i.paidOn).reduce((s, i) => s + Number(i.amountPln), 0);
  const unpaid = instalments.filter((i) => !i.paidOn);
  const remaining = Math.round(Number(g.amountPln) * 100 - Math.round(paid * 100)) / 100;
  const rowCount = rescheduleRows(unpaid.length);
  const rv: Record<string, string> =
    rescheduleFailed?.values ??
    Object.fromEntries(
      unpaid.flatMap((i, n) => [
        [`dueOn_${n}`, dateInputValue(i.dueOn)],
        [`amount_${n}`, Number(i.amountPln).toFixed(2).replace('.', ',')],
      ]),
    );
  const re = rescheduleFailed?.errors ?? {};
  return (
    <>
      <PageHeader
        title={g.title}
        hasError={Boolean(failed)}
        lead={t('financing.grant.lead', { source: g.sourceName, recipient: g.recipient ?? '—' })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('financing.title') },
              { label: g.title },
            ]}
          />
        }
      />
      <dl className="summary-list">
        <div>
          <dt>{t('financing.grant.kind.label')}</dt>
          <dd>{t(`financing.grant.kind.${g.kind}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('financing.grant.amount.label')}</dt>
          <dd>{money(Number(g.amountPln))}</dd>
        </div>
        <div>
          <dt>{t('financing.grant.awardedOn.label')}</dt>
          <dd>{date(g.awardedOn)}</dd>
        </div>
        {g.applicationId && manager ? (
          <div>
            <dt>{t('financing.grant.application.label')}</dt>
            <dd>
              <Link to={`${base}/applications/${g.applicationId}`}>{g.applicationCall}</Link>
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('financing.grant.obligation.label')}</dt>
          <dd>
            {g.obligation || '—'}
            {g.obligationUntil
              ? ` — ${t('financing.grant.obligationUntilText', { date: date(g.obligationUntil) })}`
              : ''}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="schedule">
        <h2 id="schedule">{t('financing.grant.section.schedule')}</h2>
        <p>{t('financing.grant.paidOf', { paid: money(paid), amount: money(Number(g.amountPln)) })}</p>
        <ErrorSummary errors={failed?.errors} />
        <div className="table-wrap">
          <table className="table table--stack">
            <caption>{t('financing.instalments.caption', { count: instalments.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('financing.instalment.dueOn')}</th>
                <th scope="col" className="num">
                  {t('financing.instalment.amount')}
                </th>
                <th scope="col">{t('financing.instalment.paidOnCol')}</th>
              </tr>
            </thead>
            <tbody>
              {instalments.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{date(i.dueOn)}</th>
                  <td className="num" data-label={t('financing.instalment.amount')}>
                    {money(Number(i.amountPln))}
                  </td>
                  <td data-label={t('financing.instalment.paidOnCol')}>
                    {i.paidOn ? (
                      date(i.paidOn)
                    ) : manager ? (
                      <PostForm className="inline-form">
                        <input type="hidden" name="instalmentId" value={i.id} />
                        <label htmlFor={`paid-${i.id}`}>
                          {t('financing.instalment.paidOnFor', { due: date(i.dueOn) })}
                        </label>
                        <input
                          id={`paid-${i.id}`}
                          name="paidOn"
                          className="input input--short"
                          defaultValue={failed?.values.instalmentId === i.id ? failed.values.paidOn : today}
                        />
                        <button type="submit" className="button button--secondary button--small">
                          {t('financing.instalment.markPaid')}
                        </button>
                      </PostForm>
                    ) : (
                      t('financing.instalment.unpaid')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {manager && remaining > 0 ? (
        <section aria-labelledby="reschedule">
          <h2 id="reschedule">{t('financing.grant.reschedule.title')}</h2>
          <ErrorSummary errors={re} />
          <PostForm className="stack">
            <input type="hidden" name="intent" value="reschedule" />
            <ScheduleFieldset
              values={rv}
              errors={re}
              rows={rowCount}
              hint={t('financing.grant.reschedule.hint', { remaining: money(remaining) })}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('financing.grant.reschedule.submit')}
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}

      {g.kind === 'job_creation' ? (
        <section aria-labelledby="jobs">
          <h2 id="jobs">{t('financing.grant.jobs.title')}</h2>
          <p>{t('financing.grant.jobs.summary', { count: jobs.length, fte: number(fte) })}</p>
          {jobs.length === 0 ? (
            <p>{t('financing.grant.jobs.empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="table table--stack">
                <caption>{t('financing.grant.jobs.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('financing.job.position')}</th>
                    <th scope="col" className="num">
                      {t('financing.job.fte')}
                    </th>
                    <th scope="col">{t('financing.job.period')}</th>
                    <th scope="col">{t('financing.job.keepUntil')}</th>
                  </tr>
                </thead>
                <tbody>
                  {jobs.map((j) => (
                    <tr key={j.id}>
                      <th scope="row">{j.position}</th>
                      <td className="num" data-label={t('financing.job.fte')}>
                        {number(Number(j.fte))}
                      </td>
                      <td data-label={t('financing.job.period')}>
                        {j.endOn
                          ? `${date(j.startOn)} – ${date(j.endOn)}`
                          : t('financing.job.since', { date: date(j.startOn) })}
                      </td>
                      <td data-label={t('financing.job.keepUntil')}>
                        {j.keepUntil ? date(j.keepUntil) : '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </>
  );
}
