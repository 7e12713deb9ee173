import { CsrfInput } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { StatusChecks } from '../../features/enterprises/legal/components/status-checks.tsx';
import {
  canReadEnterpriseStatus,
  canRecheckEnterprise,
} from '../../features/enterprises/legal/legal.policy.ts';
import { getEnterpriseStatus } from '../../features/enterprises/legal/legal.queries.server.ts';
import { recheckEnterprise } from '../../features/enterprises/legal/legal.server.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { AppError } from '../../lib/errors.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, requireActor, run, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/enterprise-status';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    const db = services(args.context).db;
    const row = await getEnterpriseStatus(db, {
      localityId: locality.localityId,
      id: args.params.enterpriseId,
    });
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (!canReadEnterpriseStatus(actor, locality, row)) throw new AppError('FORBIDDEN', 'errors.403.body');
    return {
      locality: { slug: locality.slug, name: locality.name },
      enterprise: { id: row.id, name: row.name, legalForm: row.legalForm, closedOn: row.closedOn },
      check: row.lastCheck,
      canRecheck: canRecheckEnterprise(actor, locality) && !row.closedOn,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    const { db, mail, config } = services(args.context);
    const row = await getEnterpriseStatus(db, {
      localityId: locality.localityId,
      id: args.params.enterpriseId,
    });
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (!canRecheckEnterprise(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const form = await args.request.formData();
    if (form.get('intent') !== 'recheck') throw new AppError('BAD_REQUEST', 'errors.400.body');
    const check = await db.transaction(async (tx) => {
      const result = await recheckEnterprise(tx, {
        enterpriseId: row.id,
        localityId: locality.localityId,
        today: todayInWarsaw(),
        mail,
        baseUrl: baseUrl(args.request, config),
      });
      await writeAudit(tx, {
        actorUserId: actor.userId,
        localityId: locality.localityId,
        requestId: actor.requestId,
        action: 'enterprise.status.recheck',
        entityType: 'enterprise',
        entityId: row.id,
        details: { passed: result?.passed ?? null },
      });
      return result;
    });
    const key: MessageKey = !check
      ? 'legal.status.recheckedClosed'
      : check.passed
        ? 'legal.status.recheckedPassed'
        : 'legal.status.recheckedFailed';
    return redirectWithFlash(args.context, `/app/${locality.slug}/enterprises/${row.id}/status`, {
      kind: check && !check.passed ? 'info' : 'success',
      key,
    });
  });
}

export default function EnterpriseStatus({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const d = loaderData;
  const base = `/app/${d.locality.slug}/enterprises`;
  const title = t('legal.status.title', { name: d.enterprise.name });
  return (
    <>
      <PageHeader
        title={title}
        lead={t('legal.status.lead', {
          form: t(`organisations.legalForm.${d.enterprise.legalForm}` as MessageKey),
        })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${d.locality.slug}`, label: d.locality.name },
              { to: base, label: t('legal.status.enterprises') },
              { to: `${base}/${d.enterprise.id}`, label: d.enterprise.name },
              { label: t('legal.status.crumb') },
            ]}
          />
        }
      />
      <section aria-labelledby="status-checks" className="section">
        <h2 id="status-checks">{t('legal.status.checksHeading')}</h2>
        <StatusChecks check={d.check} itemHeading="h3" />
        {d.canRecheck ? (
          <form method="post" className="status-checks__recheck">
            <CsrfInput />
            <input type="hidden" name="intent" value="recheck" />
            <button type="submit" className="button button--primary">
              {t('legal.status.recheck')}
            </button>
          </form>
        ) : null}
        <p className="hint">{t('legal.status.disclaimer')}</p>
      </section>
    </>
  );
}
