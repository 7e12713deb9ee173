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
import { PageHeader } from '../../components/ui/page.tsx';
import {
  addLegalParameterValue,
  JSON_EXAMPLE,
  listLegalParameters,
} from '../../features/enterprises/legal/parameters.server.ts';
import { failure, handleForm } from '../../features/participants/participant-route.server.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, requirePlatformAdmin, services } from '../../lib/request.server.ts';
import { baseUrl } from '../../lib/urls.server.ts';
import type { Route } from './+types/parameters';

export async function loader(args: Route.LoaderArgs) {
  requirePlatformAdmin(args);
  const rows = await listLegalParameters(services(args.context).db);
  return {
    example: JSON_EXAMPLE,
    rows: rows.map((r) => ({
      id: r.id,
      key: r.key,
      value: JSON.stringify(r.value),
      validFrom: r.validFrom,
      validTo: r.validTo,
      source: r.source,
      verified: r.verified,
      note: r.note ?? '',
    })),
  };
}

export async function action(args: Route.ActionArgs) {
  const actor = requirePlatformAdmin(args);
  const { db, mail, config } = services(args.context);
  const form = await args.request.formData();
  const values = formValues(form);
  if (values.intent !== 'add') return failure(form, { _form: 'errors.400.body' });
  return handleForm(form, async () => {
    const result = await addLegalParameterValue(db, {
      actor,
      values,
      form,
      today: todayInWarsaw(),
      mail,
      baseUrl: baseUrl(args.request, config),
    });
    return redirectWithFlash(args.context, '/admin/parameters', {
      kind: 'success',
      key: 'legal.parameters.added',
      values: { key: result.key, checked: result.checked, failing: result.failing },
    });
  });
}

export default function AdminParameters({ loaderData, actionData }: Route.ComponentProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const failed = actionData && !actionData.ok ? actionData : null;
  const keys = [...new Set(loaderData.rows.map((r) => r.key))];
  const v = failed?.values ?? {};
  const e = failed?.errors ?? {};
  return (
    <>
      <PageHeader
        title={t('legal.parameters.title')}
        hasError={Boolean(failed)}
        lead={t('legal.parameters.lead')}
      />
      <div className="table-wrap">
        <table className="table parameters-table">
          <caption>{t('legal.parameters.caption', { count: loaderData.rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('legal.parameters.col.key')}</th>
              <th scope="col">{t('legal.parameters.col.value')}</th>
              <th scope="col">{t('legal.parameters.col.period')}</th>
              <th scope="col">{t('legal.parameters.col.source')}</th>
              <th scope="col">{t('legal.parameters.col.verified')}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <code>{r.key}</code>
                </th>
                <td>
                  <code className="parameters-table__value">{r.value}</code>
                </td>
                <td>
                  {r.validTo
                    ? t('legal.parameters.period', { from: i18n.date(r.validFrom), to: i18n.date(r.validTo) })
                    : t('legal.parameters.periodOpen', { from: i18n.date(r.validFrom) })}
                </td>
                <td>
                  {r.source}
                  {r.note ? <p className="hint">{r.note}</p> : null}
                </td>
                <td>
                  {r.verified ? (
                    t('legal.parameters.verifiedYes')
                  ) : (
                    <strong>{t('legal.parameters.verifiedNo')}</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-parameter" className="section">
        <h2 id="add-parameter">{t('legal.parameters.addTitle')}</h2>
        <p>{t('legal.parameters.addLead')}</p>
        <PostForm noValidate>
          <ErrorSummary errors={failed?.errors} />
          <RequiredNote />
          <input type="hidden" name="intent" value="add" />
          <SelectField
            name="key"
            label={t('legal.parameters.form.key')}
            required
            defaultValue={v.key ?? ''}
            emptyLabel={t('legal.parameters.form.keyEmpty')}
            options={keys.map((k) => ({ value: k, label: k }))}
            error={e.key}
          />
          <DateField
            name="validFrom"
            label={t('legal.parameters.form.validFrom')}
            required
            defaultValue={v.validFrom ?? ''}
            error={e.validFrom}
          />
          <TextArea
            name="value"
            label={t('legal.parameters.form.value')}
            hint={t('legal.parameters.form.valueHint', { example: loaderData.example })}
            required
            rows={4}
            defaultValue={v.value ?? ''}
            error={e.value}
          />
          <TextField
            name="source"
            label={t('legal.parameters.form.source')}
            hint={t('legal.parameters.form.sourceHint')}
            required
            defaultValue={v.source ?? ''}
            error={e.source}
          />
          <div className="checkbox">
            <input id="f-verified" type="checkbox" name="verified" defaultChecked={v.verified === 'on'} />
            <label htmlFor="f-verified">{t('legal.parameters.form.verified')}</label>
          </div>
          <TextArea
            name="note"
            label={t('legal.parameters.form.note')}
            rows={2}
            defaultValue={v.note ?? ''}
            error={e.note}
          />
          <button type="submit" className="button button--primary">
            {t('legal.parameters.form.submit')}
          </button>
        </PostForm>
      </section>
    </>
  );
}
