import { useLocation } from 'react-router';
import {
  CsrfInput,
  DateField,
  ErrorSummary,
  PostForm,
  SelectField,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { fteText } from '../../features/club/club.labels.ts';
import { animatorUsers, listStaff } from '../../features/club/club.queries.server.ts';
import { STAFF_BASES, STAFF_ROLES, type StaffBasis, type StaffRole } from '../../features/club/club.rules.ts';
import { endStaffSchema, staffSchema } from '../../features/club/club.schema.ts';
import { failure, handleForm, loadClub } from '../../features/club/club-route.server.ts';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { addStaff, endStaff, removeStaff } from '../../features/club/staff.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/club-staff';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, club, abilities, locality } = await loadClub(args, 'manage');
    const [staff, users] = await Promise.all([
      listStaff(db, { localityId: locality.localityId, clubId: club.id }),
      animatorUsers(db, { localityId: locality.localityId }),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      club: { id: club.id, name: club.name },
      staff,
      users,
      today: dateInputValue(todayInWarsaw()),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { db, ctx, club, base } = await run(() => loadClub(args, 'manage'));
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const done = (key: 'club.staff.added' | 'club.staff.ended' | 'club.staff.removed') =>
    redirectWithFlash(args.context, `${base}/staff`, { kind: 'success', key });
  return handleForm(form, async () => {
    if (intent === 'add') {
      const p = parseForm(form, staffSchema);
      if (!p.ok) return failure(form, p.errors);
      await addStaff(db, { ...ctx, clubId: club.id, input: p.data });
      return done('club.staff.added');
    }
    if (intent === 'end') {
      const p = parseForm(form, endStaffSchema);
      if (!p.ok) return failure(form, p.errors);
      await endStaff(db, { ...ctx, clubId: club.id, staffId: p.data.staffId, toDate: p.data.endDate });
      return done('club.staff.ended');
    }
    if (intent === 'remove') {
      await removeStaff(db, { ...ctx, clubId: club.id, staffId: String(form.get('staffId') ?? '') });
      return done('club.staff.removed');
    }
    throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
  });
}

export default function ClubStaff({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  // Each navigation (a saved form) gives the forms fresh fields and closes the folded one.
  const { key: navigation } = useLocation();
  const { locality, club, abilities, staff, users, today } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const f = (intent: string) => (failed?.intent === intent ? failed : null);
  const current = staff.filter((s) => !s.toDate);
  return (
    <>
      <PageHeader
        title={t('club.staff.title')}
        hasError={Boolean(failed)}
        lead={t('club.staff.lead')}
        breadcrumbs={<ClubNav locality={locality} club={club} abilities={abilities} current="staff" />}
      />
      <ErrorSummary errors={f('remove')?.errors} />
      {staff.length === 0 ? (
        <p>{t('club.staff.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('club.staff.caption', { count: staff.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('club.staff.name.label')}</th>
                <th scope="col">{t('club.staff.role.label')}</th>
                <th scope="col">{t('club.staff.basis.label')}</th>
                <th scope="col" className="num">
                  {t('club.staff.fte.label')}
                </th>
                <th scope="col">{t('club.staff.period')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('club.table.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td data-label={t('club.staff.role.label')}>
                    {t(`club.staff.role.${s.role as StaffRole}`)}
                  </td>
                  <td data-label={t('club.staff.basis.label')}>
                    {t(`club.staff.basis.${s.basis as StaffBasis}`)}
                  </td>
                  <td className="num" data-label={t('club.staff.fte.label')}>
                    {fteText(t, s.fte)}
                  </td>
                  <td data-label={t('club.staff.period')}>
                    {[date(s.fromDate), s.toDate ? date(s.toDate) : t('club.staff.ongoing')].join(' – ')}
                  </td>
                  <td>
                    <form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="staffId" value={s.id} />
                      <button type="submit" className="button button--danger button--small">
                        {t('club.staff.remove')}
                        <span className="visually-hidden">: {s.name}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {current.length > 0 ? (
        <details key={`end-${navigation}`} className="panel-details" open={Boolean(f('end'))}>
          <summary>{t('club.staff.endTitle')}</summary>
          <ErrorSummary errors={f('end')?.errors} />
          <PostForm className="stack">
            <input type="hidden" name="intent" value="end" />
            <SelectField
              name="staffId"
              label={t('club.staff.which')}
              emptyLabel={t('club.staff.whichChoose')}
              options={current.map((s) => ({ value: s.id, label: s.name }))}
              defaultValue={f('end')?.values.staffId}
              error={f('end')?.errors.staffId}
            />
            <DateField
              name="endDate"
              label={t('club.staff.toDate.label')}
              defaultValue={f('end')?.values.endDate ?? today}
              error={f('end')?.errors.endDate}
            />
            <div className="actions">
              <button type="submit" className="button button--secondary">
                {t('club.staff.endSubmit')}
              </button>
            </div>
          </PostForm>
        </details>
      ) : null}

      <section aria-labelledby="add" className="section form-page">
        <h2 id="add">{t('club.staff.add')}</h2>
        <ErrorSummary errors={f('add')?.errors} />
        <PostForm key={`add-${navigation}`} className="stack">
          <input type="hidden" name="intent" value="add" />
          {users.length > 0 ? (
            <SelectField
              name="userId"
              label={t('club.staff.user.label')}
              hint={t('club.staff.user.hint')}
              emptyLabel={t('club.staff.user.none')}
              options={users.map((u) => ({ value: u.id, label: u.name }))}
              defaultValue={f('add')?.values.userId}
              error={f('add')?.errors.userId}
            />
          ) : null}
          <TextField
            name="name"
            label={t('club.staff.name.label')}
            hint={users.length > 0 ? t('club.staff.name.hintWithUsers') : undefined}
            defaultValue={f('add')?.values.name}
            error={f('add')?.errors.name}
          />
          <SelectField
            name="role"
            label={t('club.staff.role.label')}
            options={STAFF_ROLES.map((r) => ({ value: r, label: t(`club.staff.role.${r}`) }))}
            defaultValue={f('add')?.values.role ?? 'animator'}
            error={f('add')?.errors.role}
          />
          <SelectField
            name="basis"
            label={t('club.staff.basis.label')}
            emptyLabel={t('club.staff.basis.choose')}
            options={STAFF_BASES.map((b) => ({ value: b, label: t(`club.staff.basis.${b}`) }))}
            defaultValue={f('add')?.values.basis}
            error={f('add')?.errors.basis}
          />
          <TextField
            name="fte"
            width="short"
            inputMode="numeric"
            label={t('club.staff.fte.label')}
            hint={t('club.staff.fte.hint')}
            defaultValue={f('add')?.values.fte}
            error={f('add')?.errors.fte}
          />
          <div className="field-row">
            <DateField
              name="fromDate"
              label={t('club.staff.fromDate.label')}
              defaultValue={f('add')?.values.fromDate ?? today}
              error={f('add')?.errors.fromDate}
            />
            <DateField
              name="toDate"
              label={t('club.staff.toDate.label')}
              hint={t('club.staff.toDate.hint')}
              defaultValue={f('add')?.values.toDate}
              error={f('add')?.errors.toDate}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('club.staff.submit')}
            </button>
          </div>
        </PostForm>
      </section>
    </>
  );
}
