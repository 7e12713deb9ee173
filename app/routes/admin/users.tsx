import { Form, Link } from 'react-router';
import { CsrfInput } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { deactivateUser, listUsers } from '../../features/users/users.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePage } from '../../lib/pagination.ts';
import { redirectWithFlash, requirePlatformAdmin, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/users';

export async function loader(args: Route.LoaderArgs) {
  const actor = requirePlatformAdmin(args);
  const url = new URL(args.request.url);
  const q = url.searchParams.get('q')?.slice(0, 100) ?? '';
  const page = parsePage(url);
  const { rows, total } = await listUsers(services(args.context).db, {
    query: q,
    offset: page.offset,
    limit: page.pageSize,
  });
  return { rows, q, selfId: actor.userId, page: { page: page.page, pageSize: page.pageSize, total } };
}

export async function action(args: Route.ActionArgs) {
  const actor = requirePlatformAdmin(args);
  const form = await args.request.formData();
  const userId = String(form.get('userId') ?? '');
  if (form.get('intent') !== 'deactivate' || !/^[0-9a-f-]{36}$/i.test(userId)) {
    return run(() => Promise.reject(new AppError('BAD_REQUEST', 'errors.400.body')));
  }
  await run(() => deactivateUser(services(args.context).db, { actor, userId }));
  return redirectWithFlash(args.context, '/admin/users', { kind: 'success', key: 'admin.users.deactivated' });
}

export default function AdminUsers({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { rows, q, selfId, page } = loaderData;
  return (
    <>
      <PageHeader
        title={t('admin.users.title')}
        actions={
          <Link to="/admin/users/invite" className="button button--primary">
            {t('admin.users.invite')}
          </Link>
        }
      />
      <Form method="get" className="search-form" role="search">
        <label htmlFor="user-q">{t('admin.users.searchLabel')}</label>
        <div className="search-form__row">
          <input id="user-q" name="q" type="search" defaultValue={q} className="input input--medium" />
          <button type="submit" className="button button--secondary">
            {t('common.search')}
          </button>
        </div>
      </Form>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('admin.users.caption', { count: page.total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.col.name')}</th>
              <th scope="col">{t('admin.users.col.email')}</th>
              <th scope="col">{t('admin.users.col.roles')}</th>
              <th scope="col">{t('admin.users.col.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.users.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>
                  {u.isPlatformAdmin ? <span className="tag">{t('common.role.platform_admin')}</span> : null}
                  {u.roles.map((r) => (
                    <span className="tag" key={`${r.locality}-${r.role}`}>
                      {r.locality}: {t(`common.role.${r.role}`)}
                    </span>
                  ))}
                </td>
                <td>{u.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
                <td>
                  {u.active && u.id !== selfId ? (
                    <form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="deactivate" />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="button button--danger button--small">
                        {t('admin.users.deactivate')}
                        <span className="visually-hidden">: {u.name}</span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination info={page} />
    </>
  );
}
