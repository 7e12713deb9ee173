import { Link } from 'react-router';
import { ErrorSummary, PostForm, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { MemberDetailsFields } from '../../features/enterprises/components/member-details-fields.tsx';
import { loadEnterprisePage } from '../../features/enterprises/enterprise-page.server.ts';
import {
  handleForm,
  personFormOptions,
  recheckOptions,
  requireEnterpriseReader,
} from '../../features/enterprises/enterprise-route.server.ts';
import { memberRow, updateMember } from '../../features/enterprises/enterprises.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprise-member-edit';

/** Correcting one member's details: at-risk category, founder, share capital, joining day. */
export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireEnterpriseReader(args);
    const db = services(args.context).db;
    const today = todayInWarsaw();
    const page = await loadEnterprisePage(db, {
      actor,
      locality,
      id: args.params.enterpriseId,
      today,
      purpose: 'enterprise_member_edit',
    });
    if (!page.canEdit) throw new AppError('FORBIDDEN', 'errors.403.body');
    const m = await memberRow(db, page.profile.id, args.params.memberId);
    if (!m) throw new AppError('NOT_FOUND', 'errors.404.body');
    const { categories } = await personFormOptions(db, {
      localityId: locality.localityId,
      today,
      canEdit: true,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      enterprise: { id: page.profile.id, name: page.profile.name },
      member: { id: m.id, name: m.displayName, linked: Boolean(m.personId || m.organisationId) },
      values: {
        displayName: m.displayName,
        atRiskCategory: m.atRiskCategory ?? '',
        isFounder: m.isFounder ? 'on' : '',
        shareCapital: Number(m.shareCapitalPln).toFixed(2).replace('.', ','),
        joinedOn: dateInputValue(m.joinedOn),
      } as Record<string, string>,
      categories,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireEnterpriseReader(args));
  const form = await args.request.formData();
  const values = formValues(form);
  return handleForm(form, async () => {
    await updateMember(services(args.context).db, {
      actor,
      locality,
      enterpriseId: args.params.enterpriseId,
      memberId: args.params.memberId,
      values,
      recheck: recheckOptions(args, todayInWarsaw()),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/enterprises/${args.params.enterpriseId}`, {
      kind: 'success',
      key: 'enterprises.member.updated',
    });
  });
}

export default function EnterpriseMemberEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, enterprise, member, categories } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? loaderData.values;
  const e = failed?.errors ?? {};
  const base = `/app/${locality.slug}/enterprises/${enterprise.id}`;
  return (
    <>
      <PageHeader
        title={t('enterprises.member.edit.title', { name: member.name })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/enterprises`, label: t('enterprises.list.title') },
              { to: base, label: enterprise.name },
              { label: t('enterprises.member.edit.link') },
            ]}
          />
        }
      />
      <PostForm className="stack">
        <ErrorSummary errors={e} />
        {member.linked ? (
          <p className="hint">{t('enterprises.member.edit.linked')}</p>
        ) : (
          <TextField
            name="displayName"
            label={t('enterprises.member.displayName')}
            defaultValue={v.displayName}
            error={e.displayName}
          />
        )}
        <MemberDetailsFields values={v} errors={e} categories={categories} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('enterprises.member.edit.submit')}
          </button>
        </div>
      </PostForm>
      <p>
        <Link to={base}>{t('enterprises.back')}</Link>
      </p>
    </>
  );
}
