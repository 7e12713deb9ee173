import { Form } from 'react-router';
import {
  DateField,
  ErrorSummary,
  PostForm,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { organisationOptions } from '../../features/club/club.queries.server.ts';
import {
  hoursField,
  openingHoursFormValues,
  openingHoursFromForm,
  WEEKDAYS,
} from '../../features/club/club.rules.ts';
import { clubSettingsSchema } from '../../features/club/club.schema.ts';
import { failure, handleForm, loadClub } from '../../features/club/club-route.server.ts';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { updateClubSettings } from '../../features/club/manage-club.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { formValues, parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run } from '../../lib/request.server.ts';
import type { Route } from './+types/club-settings';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, club, abilities, locality } = await loadClub(args, 'manage');
    const orgQuery = new URL(args.request.url).searchParams.get('org')?.slice(0, 100) ?? '';
    const organisations = await organisationOptions(db, {
      localityId: locality.localityId,
      query: orgQuery,
      selected: [club.runByOrganisationId, club.premisesProviderId],
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      orgQuery,
      organisations,
      club: { id: club.id, name: club.name },
      values: {
        name: club.name,
        runByOrganisationId: club.runByOrganisationId ?? '',
        premisesAddress: club.premisesAddress,
        premisesProviderId: club.premisesProviderId ?? '',
        premisesLent: club.premisesLent ? 'yes' : 'no',
        premisesMonthlyValuePln: club.premisesMonthlyValuePln?.replace('.', ',') ?? '',
        premisesFrom: dateInputValue(club.premisesFrom),
        premisesTo: dateInputValue(club.premisesTo),
        openingNotes: club.openingNotes,
        registerNotifiedOn: dateInputValue(club.registerNotifiedOn),
        registerEnteredOn: dateInputValue(club.registerEnteredOn),
        registerNumber: club.registerNumber,
        openedOn: dateInputValue(club.openedOn),
        version: String(club.version),
        ...openingHoursFormValues(club.openingHours),
      } as Record<string, string>,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { db, ctx, club, base } = await run(() => loadClub(args, 'manage'));
  const form = await args.request.formData();
  const parsed = parseForm(form, clubSettingsSchema);
  const hours = openingHoursFromForm(formValues(form));
  if (!parsed.ok || Object.keys(hours.errors).length)
    return failure(form, { ...hours.errors, ...(parsed.ok ? {} : parsed.errors) });
  return handleForm(form, async () => {
    await updateClubSettings(db, {
      ...ctx,
      clubId: club.id,
      input: { ...parsed.data, openingHours: hours.hours },
      today: todayInWarsaw(),
    });
    return redirectWithFlash(args.context, base, { kind: 'success', key: 'club.saved' });
  });
}

export default function ClubSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, club, abilities, organisations, orgQuery } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? loaderData.values;
  const e = failed?.errors ?? {};
  const orgOptions = organisations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <>
      <PageHeader
        title={t('club.settings.title')}
        hasError={Boolean(failed)}
        breadcrumbs={<ClubNav locality={locality} club={club} abilities={abilities} current="settings" />}
      />
      <div className="form-page">
        <Form method="get" className="search-form" role="search">
          <label htmlFor="org-q">{t('club.settings.orgSearch')}</label>
          <p className="hint" id="org-q-hint">
            {t('club.settings.orgSearchHint')}
          </p>
          <div className="search-form__row">
            <input
              id="org-q"
              name="org"
              type="search"
              defaultValue={orgQuery}
              aria-describedby="org-q-hint"
              className="input input--medium"
            />
            <button type="submit" className="button button--secondary">
              {t('common.search')}
            </button>
          </div>
        </Form>
        <ErrorSummary errors={e} />
        <PostForm className="stack">
          <input type="hidden" name="version" value={loaderData.values.version} />
          <fieldset className="field-group">
            <legend>{t('club.settings.clubGroup')}</legend>
            <TextField
              name="name"
              label={t('club.form.name.label')}
              defaultValue={v.name}
              error={e.name}
              required
            />
            <SelectField
              name="runByOrganisationId"
              label={t('club.form.runBy.label')}
              hint={t('club.form.runBy.hint')}
              emptyLabel={t('club.form.organisation.none')}
              options={orgOptions}
              defaultValue={v.runByOrganisationId}
              error={e.runByOrganisationId}
            />
            <DateField
              name="openedOn"
              label={t('club.form.openedOn.label')}
              defaultValue={v.openedOn}
              error={e.openedOn}
            />
          </fieldset>

          <fieldset className="field-group">
            <legend>{t('club.premises.title')}</legend>
            <TextField
              name="premisesAddress"
              label={t('club.premises.address.label')}
              hint={t('club.premises.address.hint')}
              defaultValue={v.premisesAddress}
              error={e.premisesAddress}
            />
            <SelectField
              name="premisesProviderId"
              label={t('club.premises.provider.label')}
              hint={t('club.premises.provider.hint')}
              emptyLabel={t('club.form.organisation.none')}
              options={orgOptions}
              defaultValue={v.premisesProviderId}
              error={e.premisesProviderId}
            />
            <RadioGroup
              name="premisesLent"
              label={t('club.premises.lent.question')}
              hint={t('club.premises.lent.hint')}
              defaultValue={v.premisesLent}
              options={[
                { value: 'yes', label: t('club.premises.lent.yes') },
                { value: 'no', label: t('club.premises.lent.no') },
              ]}
              error={e.premisesLent}
            />
            <TextField
              name="premisesMonthlyValuePln"
              width="short"
              inputMode="numeric"
              label={t('club.premises.value.label')}
              hint={t('club.premises.value.hint')}
              defaultValue={v.premisesMonthlyValuePln}
              error={e.premisesMonthlyValuePln}
            />
            <div className="field-row">
              <DateField
                name="premisesFrom"
                label={t('club.premises.from.label')}
                defaultValue={v.premisesFrom}
                error={e.premisesFrom}
              />
              <DateField
                name="premisesTo"
                label={t('club.premises.to.label')}
                defaultValue={v.premisesTo}
                error={e.premisesTo}
              />
            </div>
          </fieldset>

          <fieldset className="field-group">
            <legend>{t('club.hours.title')}</legend>
            <p className="hint">{t('club.hours.hint')}</p>
            {WEEKDAYS.map((d) => (
              <fieldset key={d} className="field-group">
                <legend>{t(`club.weekday.${d}`)}</legend>
                <div className="field-row">
                  <TextField
                    name={hoursField(d, 'Opens')}
                    width="short"
                    inputMode="numeric"
                    label={t('club.hours.opens', { day: t(`club.weekday.${d}`) })}
                    defaultValue={v[hoursField(d, 'Opens')]}
                    error={e[hoursField(d, 'Opens')]}
                  />
                  <TextField
                    name={hoursField(d, 'Closes')}
                    width="short"
                    inputMode="numeric"
                    label={t('club.hours.closes', { day: t(`club.weekday.${d}`) })}
                    defaultValue={v[hoursField(d, 'Closes')]}
                    error={e[hoursField(d, 'Closes')]}
                  />
                </div>
              </fieldset>
            ))}
            <TextArea
              name="openingNotes"
              rows={2}
              label={t('club.hours.notes.label')}
              hint={t('club.hours.notes.hint')}
              defaultValue={v.openingNotes}
              error={e.openingNotes}
            />
          </fieldset>

          <fieldset className="field-group">
            <legend>{t('club.register.title')}</legend>
            <p className="hint">{t('club.register.hint')}</p>
            <div className="field-row">
              <DateField
                name="registerNotifiedOn"
                label={t('club.register.notifiedOn.label')}
                defaultValue={v.registerNotifiedOn}
                error={e.registerNotifiedOn}
              />
              <DateField
                name="registerEnteredOn"
                label={t('club.register.enteredOn.label')}
                defaultValue={v.registerEnteredOn}
                error={e.registerEnteredOn}
              />
            </div>
            <TextField
              name="registerNumber"
              width="medium"
              label={t('club.register.number.label')}
              defaultValue={v.registerNumber}
              error={e.registerNumber}
            />
          </fieldset>
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('club.settings.submit')}
            </button>
          </div>
        </PostForm>
      </div>
    </>
  );
}
