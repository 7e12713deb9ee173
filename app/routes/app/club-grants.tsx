import { Link, useLocation } from 'react-router';
import { CsrfInput, ErrorSummary, PostForm, RequiredNote, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { listGrants } from '../../features/club/club.queries.server.ts';
import { grantSchema } from '../../features/club/club.schema.ts';
import { failure, handleForm, loadClub } from '../../features/club/club-route.server.ts';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { removeGrant, saveGrant } from '../../features/club/visits-grants.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/club-grants';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, club, abilities, locality } = await loadClub(args, 'manage');
    const grants = await listGrants(db, { localityId: locality.localityId, clubId: club.id });
    const editId = new URL(args.request.url).searchParams.get('edit');
    const editing = grants.find((g) => g.id === editId) ?? null;
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      club: { id: club.id, name: club.name },
      grants,
      editing,
      thisYear: todayInWarsaw().slice(0, 4),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { db, ctx, club, base } = await run(() => loadClub(args, 'manage'));
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const back = `${base}/grants`;
  return handleForm(form, async () => {
    if (intent === 'add' || intent === 'update') {
      const p = parseForm(form, grantSchema);
      if (!p.ok) return failure(form, p.errors);
      await saveGrant(db, {
        ...ctx,
        clubId: club.id,
        grantId: intent === 'update' ? String(form.get('grantId') ?? '') : undefined,
        input: p.data,
      });
      return redirectWithFlash(args.context, back, { kind: 'success', key: 'club.grants.saved' });
    }
    if (intent === 'remove') {
      await removeGrant(db, { ...ctx, clubId: club.id, grantId: String(form.get('grantId') ?? '') });
      return redirectWithFlash(args.context, back, { kind: 'success', key: 'club.grants.removed' });
    }
    throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
  });
}

const amountText = (v: string | null | undefined) => (v ? v.replace('.', ',') : '');

export default function ClubGrants({ loaderData, actionData }: Route.ComponentProps) {
  const { t, money } = useI18n();
  // Each navigation (a saved grant, "change" chosen) gives the form fresh fields.
  const { key: navigation } = useLocation();
  const { locality, club, abilities, grants, editing, thisYear } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const years = [...new Set(grants.map((g) => g.year))];
  const here = `/app/${locality.slug}/club/${club.id}/grants`;
  const v = failed?.values ?? {
    year: String(editing?.year ?? thisYear),
    source: editing?.source ?? '',
    grantedPln: amountText(editing?.grantedPln),
    spentPln: amountText(editing?.spentPln),
  };
  return (
    <>
      <PageHeader
        title={t('club.grants.title')}
        hasError={Boolean(failed)}
        lead={t('club.grants.lead')}
        breadcrumbs={<ClubNav locality={locality} club={club} abilities={abilities} current="grants" />}
      />
      {grants.length === 0 ? <p>{t('club.grants.none')}</p> : null}
      {years.map((year) => {
        const of = grants.filter((g) => g.year === year);
        const granted = of.reduce((s, g) => s + Number(g.grantedPln), 0);
        const spent = of.reduce((s, g) => s + Number(g.spentPln ?? 0), 0);
        return (
          <div className="table-wrap" key={year}>
            <table className="table table--stack table--stack-plain">
              <caption>{t('club.grants.yearCaption', { year: String(year) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('club.grants.source.label')}</th>
                  <th scope="col" className="num">
                    {t('club.grants.granted.label')}
                  </th>
                  <th scope="col" className="num">
                    {t('club.grants.spent.label')}
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">{t('club.table.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {of.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.source}</th>
                    <td className="num" data-label={t('club.grants.granted.label')}>
                      {money(Number(g.grantedPln))}
                    </td>
                    <td className="num" data-label={t('club.grants.spent.label')}>
                      {g.spentPln === null ? '—' : money(Number(g.spentPln))}
                    </td>
                    <td>
                      <Link to={`${here}?edit=${g.id}#grant-form`}>
                        {t('club.grants.edit')}
                        <span className="visually-hidden">: {g.source}</span>
                      </Link>{' '}
                      <form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="grantId" value={g.id} />
                        <button type="submit" className="button button--danger button--small">
                          {t('club.grants.remove')}
                          <span className="visually-hidden">: {g.source}</span>
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
                <tr className="row--total">
                  <th scope="row">{t('club.report.total')}</th>
                  <td className="num" data-label={t('club.grants.granted.label')}>
                    <strong>{money(granted)}</strong>
                  </td>
                  <td className="num" data-label={t('club.grants.spent.label')}>
                    <strong>{money(spent)}</strong>
                  </td>
                  <td />
                </tr>
              </tbody>
            </table>
          </div>
        );
      })}
      <section aria-labelledby="grant-form" className="section narrow">
        <h2 id="grant-form">{editing ? t('club.grants.editTitle') : t('club.grants.add')}</h2>
        <ErrorSummary errors={failed?.errors} />
        <PostForm key={`grant-${navigation}`} className="stack">
          <RequiredNote />
          <input type="hidden" name="intent" value={editing ? 'update' : 'add'} />
          {editing ? <input type="hidden" name="grantId" value={editing.id} /> : null}
          <TextField
            name="year"
            width="short"
            inputMode="numeric"
            label={t('club.grants.year.label')}
            defaultValue={v.year}
            error={failed?.errors.year}
            required
          />
          <TextField
            name="source"
            label={t('club.grants.source.label')}
            hint={t('club.grants.source.hint')}
            defaultValue={v.source}
            error={failed?.errors.source}
            required
          />
          <TextField
            name="grantedPln"
            width="short"
            inputMode="numeric"
            label={t('club.grants.granted.label')}
            hint={t('club.grants.amountHint')}
            defaultValue={v.grantedPln}
            error={failed?.errors.grantedPln}
            required
          />
          <TextField
            name="spentPln"
            width="short"
            inputMode="numeric"
            label={t('club.grants.spent.label')}
            hint={t('club.grants.spent.hint')}
            defaultValue={v.spentPln}
            error={failed?.errors.spentPln}
          />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('club.grants.submit')}
            </button>
            {editing ? <Link to={here}>{t('club.grants.cancelEdit')}</Link> : null}
          </div>
        </PostForm>
      </section>
    </>
  );
}
