import { ErrorSummary, PostForm, SelectField, TextArea } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import {
  listLeaders,
  qualificationCandidates,
} from '../../features/education/leaders/leaders.queries.server.ts';
import { grantQualification, revokeQualification } from '../../features/education/leaders/leaders.server.ts';
import {
  handleLeadersForm,
  type LeadersFailure,
  requireLeadersStaff,
} from '../../features/education/leaders/leaders-route.server.ts';
import { percent } from '../../features/education/leaders/qualification.rules.ts';
import { qualificationRule } from '../../features/education/leaders/qualification.server.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { redirectWithFlash, run, services, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/education-leaders';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireLeadersStaff(args);
    const db = services(args.context).db;
    const url = new URL(args.request.url);
    const page = parsePage(url, 25);
    const today = todayInWarsaw();
    const rule = await qualificationRule(db, today);
    const [leaders, candidates] = await Promise.all([
      listLeaders(db, { localityId: locality.localityId, offset: page.offset, limit: page.pageSize }),
      qualificationCandidates(db, { localityId: locality.localityId, rule, today }),
    ]);
    const pick = (p: (typeof candidates.eligible)[number]) => ({
      personId: p.personId,
      name: p.personName,
      groupId: p.groupId,
      groupName: p.groupName,
      attended: p.sessionsAttended,
      held: p.sessionsHeld,
      attendanceShare: p.attendanceShare,
      covered: p.modulesCovered,
      total: p.modulesTotal,
      missing: p.missingModules.map((m) => m.title),
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      rule: {
        minAttendance: percent(rule.minAttendanceShare),
        minModules: percent(rule.minModulesShare),
        source: rule.source,
        validFrom: rule.validFrom,
      },
      eligible: candidates.eligible.map(pick),
      notYet: candidates.notYet.map(pick),
      leaders: leaders.rows,
      page: { page: page.page, pageSize: page.pageSize, total: leaders.total },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireLeadersStaff(args));
  const db = services(args.context).db;
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  if (intent === 'revoke')
    return handleLeadersForm(form, async () => {
      const r = await revokeQualification(db, {
        actor,
        locality,
        qualificationId: String(form.get('qualificationId') ?? ''),
        reason: String(form.get('reason') ?? ''),
      });
      return redirectWithFlash(args.context, `/app/${locality.slug}/education/leaders#leaders`, {
        kind: 'success',
        key: 'education.leaders.revoked',
        values: { name: r.name, number: r.certificateNumber },
      });
    });
  if (intent !== 'grant') throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
  return handleLeadersForm(form, async () => {
    const r = await grantQualification(db, {
      actor,
      locality,
      groupId: String(form.get('groupId') ?? ''),
      personId: String(form.get('personId') ?? ''),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/education/leaders#leaders`, {
      kind: 'success',
      key: 'education.leaders.granted',
      values: { number: r.certificateNumber },
    });
  });
}

export default function EducationLeaders({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, number } = useI18n();
  const { locality, rule, eligible, notYet, leaders, page } = loaderData;
  const failure = actionData as LeadersFailure | undefined;
  const base = `/app/${locality.slug}/education/leaders`;
  const revokeFailure = failure?.intent === 'revoke' ? failure : undefined;
  const share = (a: { attended: number; held: number; attendanceShare: number }) =>
    t('education.leaders.attendanceFigure', {
      attended: a.attended,
      held: a.held,
      percent: percent(a.attendanceShare),
    });
  const modules = (a: { covered: number; total: number }) =>
    t('education.leaders.modulesFigure', { covered: a.covered, total: a.total });
  return (
    <>
      <PageHeader
        title={t('education.leaders.title')}
        hasError={!!failure}
        lead={t('education.leaders.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('education.leaders.title') },
            ]}
          />
        }
        actions={
          <a href={`/app/${locality.slug}/education/cascade`} className="button button--secondary">
            {t('education.cascade.title')}
          </a>
        }
      />
      <p className="education-leaders__rule">
        {t('education.leaders.rule', {
          minAttendance: rule.minAttendance,
          minModules: rule.minModules,
          source: rule.source,
          date: date(rule.validFrom),
        })}
      </p>
      {failure ? <ErrorSummary errors={failure.errors} /> : null}

      <section aria-labelledby="eligible-title">
        <h2 id="eligible-title">{t('education.leaders.eligible.title')}</h2>
        {eligible.length === 0 ? (
          <p>{t('education.leaders.eligible.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption>{t('education.leaders.eligible.caption', { count: eligible.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('education.leaders.col.name')}</th>
                  <th scope="col">{t('education.leaders.col.group')}</th>
                  <th scope="col">{t('education.leaders.col.attendance')}</th>
                  <th scope="col">{t('education.leaders.col.modules')}</th>
                  <th scope="col">{t('education.leaders.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {eligible.map((p) => (
                  <tr key={`${p.groupId}-${p.personId}`}>
                    <th scope="row">{p.name}</th>
                    <td data-label={t('education.leaders.col.group')}>{p.groupName}</td>
                    <td data-label={t('education.leaders.col.attendance')}>{share(p)}</td>
                    <td data-label={t('education.leaders.col.modules')}>{modules(p)}</td>
                    <td data-label={t('education.leaders.col.action')}>
                      <PostForm className="inline-form">
                        <input type="hidden" name="intent" value="grant" />
                        <input type="hidden" name="groupId" value={p.groupId} />
                        <input type="hidden" name="personId" value={p.personId} />
                        <button type="submit" className="button button--primary">
                          {t('education.leaders.grant')}
                          <span className="visually-hidden">: {p.name}</span>
                        </button>
                      </PostForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {notYet.length > 0 ? (
        <section aria-labelledby="notyet-title">
          <h2 id="notyet-title">{t('education.leaders.notYet.title')}</h2>
          <div className="table-wrap">
            <table className="table table--stack">
              <caption>{t('education.leaders.notYet.caption', { count: notYet.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('education.leaders.col.name')}</th>
                  <th scope="col">{t('education.leaders.col.group')}</th>
                  <th scope="col">{t('education.leaders.col.attendance')}</th>
                  <th scope="col">{t('education.leaders.col.modules')}</th>
                  <th scope="col">{t('education.leaders.col.missing')}</th>
                </tr>
              </thead>
              <tbody>
                {notYet.map((p) => (
                  <tr key={`${p.groupId}-${p.personId}`}>
                    <th scope="row">{p.name}</th>
                    <td data-label={t('education.leaders.col.group')}>{p.groupName}</td>
                    <td data-label={t('education.leaders.col.attendance')}>
                      {share(p)}
                      {p.attendanceShare * 100 < rule.minAttendance ? (
                        <> — {t('education.leaders.belowMinimum', { percent: rule.minAttendance })}</>
                      ) : null}
                    </td>
                    <td data-label={t('education.leaders.col.modules')}>{modules(p)}</td>
                    <td data-label={t('education.leaders.col.missing')}>
                      {p.missing.length ? p.missing.join('; ') : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="leaders">
        <h2 id="leaders">{t('education.leaders.list.title')}</h2>
        {leaders.length === 0 ? (
          <p>{t('education.leaders.list.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack">
              <caption>{t('education.leaders.list.caption', { count: page.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('education.leaders.col.name')}</th>
                  <th scope="col">{t('education.leaders.col.certificate')}</th>
                  <th scope="col">{t('education.leaders.col.grantedOn')}</th>
                  <th scope="col">{t('education.leaders.col.earnedIn')}</th>
                  <th scope="col">{t('education.leaders.col.groups')}</th>
                </tr>
              </thead>
              <tbody>
                {leaders.map((l) => (
                  <tr key={l.id}>
                    <th scope="row">{l.name}</th>
                    <td data-label={t('education.leaders.col.certificate')}>
                      {l.certificateNumber}
                      <br />
                      <a href={`${base}/${l.id}/certificate.pdf`} download>
                        {t('education.leaders.certificate.pdfPl')}
                        <span className="visually-hidden"> {l.certificateNumber}</span>
                      </a>
                      {' · '}
                      <a href={`${base}/${l.id}/certificate.pdf?lang=en`} download hrefLang="en">
                        {t('education.leaders.certificate.pdfEn')}
                        <span className="visually-hidden"> {l.certificateNumber}</span>
                      </a>
                    </td>
                    <td data-label={t('education.leaders.col.grantedOn')}>{date(l.grantedOn)}</td>
                    <td data-label={t('education.leaders.col.earnedIn')}>{l.earnedIn}</td>
                    <td data-label={t('education.leaders.col.groups')}>
                      {l.groups.length === 0
                        ? t('education.leaders.noGroups')
                        : l.groups.map((g) => g.name).join('; ')}
                      {l.groups.length > 0 ? (
                        <span className="visually-hidden"> ({number(l.groups.length)})</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination info={page} />
      </section>

      {leaders.length > 0 ? (
        <section aria-labelledby="revoke-title">
          <h2 id="revoke-title">{t('education.leaders.revoke.title')}</h2>
          <p>{t('education.leaders.revoke.lead')}</p>
          <PostForm className="form form--narrow">
            <input type="hidden" name="intent" value="revoke" />
            <SelectField
              name="qualificationId"
              label={t('education.leaders.revoke.who')}
              required
              defaultValue={revokeFailure?.values.qualificationId ?? ''}
              options={leaders.map((l) => ({ value: l.id, label: `${l.name} (${l.certificateNumber})` }))}
            />
            <TextArea
              name="reason"
              label={t('education.leaders.revoke.reason')}
              hint={t('education.leaders.revoke.reasonHint')}
              required
              rows={3}
              error={revokeFailure?.errors.reason}
              defaultValue={revokeFailure?.values.reason ?? ''}
            />
            <button type="submit" className="button button--secondary">
              {t('education.leaders.revoke.submit')}
            </button>
          </PostForm>
        </section>
      ) : null}
    </>
  );
}
