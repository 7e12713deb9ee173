import { Link } from 'react-router';
import {
  DateField,
  ErrorSummary,
  PostForm,
  RequiredNote,
  SelectField,
  TextArea,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { listSources } from '../../features/financing/financing.queries.server.ts';
import { linkOptions } from '../../features/financing/financing-common.server.ts';
import { handleForm, requireFinancingManager } from '../../features/financing/financing-route.server.ts';
import { createApplication } from '../../features/financing/funding.server.ts';
import { formValues } from '../../lib/forms.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/financing-application-new';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireFinancingManager(args);
    const db = services(args.context).db;
    const [sources, links] = await Promise.all([
      listSources(db, locality.localityId),
      linkOptions(db, locality.localityId),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      sources: sources.map((s) => ({ id: s.id, name: s.name })),
      enterprises: links.enterprises,
      initiatives: links.initiatives,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireFinancingManager(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    const id = await createApplication(services(args.context).db, { ...ctx, values: formValues(form) });
    return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/financing/applications/${id}`, {
      kind: 'success',
      key: 'financing.application.created',
    });
  });
}

export default function ApplicationNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, sources, enterprises, initiatives } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? {};
  const e = failed?.errors ?? {};
  const base = `/app/${locality.slug}/financing`;
  const opts = (rows: { id: string; name: string }[]) => rows.map((r) => ({ value: r.id, label: r.name }));
  return (
    <div className="form-page">
      <PageHeader
        title={t('financing.application.newTitle')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('financing.title') },
              { label: t('financing.application.newTitle') },
            ]}
          />
        }
      />
      <ErrorSummary errors={e} />
      <PostForm className="stack">
        <RequiredNote />
        <SelectField
          name="sourceId"
          label={t('financing.application.source.label')}
          emptyLabel={t('financing.choose')}
          options={opts(sources)}
          defaultValue={v.sourceId}
          error={e.sourceId}
          required
        />
        <TextField
          name="callName"
          label={t('financing.application.callName.label')}
          hint={t('financing.application.callName.hint')}
          defaultValue={v.callName}
          error={e.callName}
          required
        />
        <DateField
          name="deadline"
          label={t('financing.application.deadline.label')}
          defaultValue={v.deadline}
          error={e.deadline}
          required
        />
        <TextField
          name="amountPln"
          label={t('financing.application.amount.label')}
          hint={t('financing.form.amount.hint')}
          defaultValue={v.amountPln}
          error={e.amountPln}
          required
          width="short"
        />
        <SelectField
          name="enterpriseId"
          label={t('financing.application.enterprise.label')}
          emptyLabel={t('financing.none')}
          options={opts(enterprises)}
          defaultValue={v.enterpriseId}
          error={e.enterpriseId}
        />
        <SelectField
          name="initiativeId"
          label={t('financing.application.initiative.label')}
          emptyLabel={t('financing.none')}
          options={opts(initiatives)}
          defaultValue={v.initiativeId}
          error={e.initiativeId}
        />
        <TextArea
          name="notes"
          rows={3}
          label={t('financing.application.notes.label')}
          defaultValue={v.notes}
          error={e.notes}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('financing.form.save')}
          </button>
          <Link to={base}>{t('financing.form.cancel')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
