import { Link } from 'react-router';
import {
  DateField,
  ErrorSummary,
  PostForm,
  RadioGroup,
  RequiredNote,
  SelectField,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { kindLabel, weekdayOptions } from '../../features/education/groups/components/labels.tsx';
import { newGroupOptions } from '../../features/education/groups/groups.queries.server.ts';
import { GROUP_KINDS } from '../../features/education/groups/groups.schema.ts';
import { createGroup } from '../../features/education/groups/groups.server.ts';
import { handleForm, requireGroupsReader } from '../../features/education/groups/groups-route.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/education-group-new';

async function staffOnly(args: Route.LoaderArgs | Route.ActionArgs) {
  const c = await requireGroupsReader(args);
  if (!c.staff) throwAppError(new AppError('FORBIDDEN', 'errors.403.body'));
  return c;
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const c = await staffOnly(args);
    const options = await newGroupOptions(c.db, c);
    return { locality: { slug: c.locality.slug, name: c.locality.name }, options, today: todayInWarsaw() };
  });
}

export async function action(args: Route.ActionArgs) {
  const c = await run(() => staffOnly(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    const id = await createGroup(c.db, { ...c, values: formValues(form), requireFacilitator: true });
    return redirectWithFlash(args.context, `/app/${c.locality.slug}/education/groups/${id}`, {
      kind: 'success',
      key: 'education.groups.created',
    });
  });
}

export default function EducationGroupNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, options, today } = loaderData;
  const base = `/app/${locality.slug}/education/groups`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? {};
  const e = failed?.errors ?? {};
  return (
    <div className="form-page">
      <PageHeader
        title={t('education.groups.new.title')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('education.groups.list.title') },
              { label: t('education.groups.new.title') },
            ]}
          />
        }
      />
      <PostForm>
        <ErrorSummary errors={e} />
        <RequiredNote />
        <RadioGroup
          name="kind"
          label={t('education.groups.field.kind')}
          hint={t('education.groups.new.kindHint')}
          defaultValue={v.kind ?? 'self_education'}
          error={e.kind}
          options={GROUP_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
        <TextField
          name="name"
          label={t('education.groups.field.name')}
          defaultValue={v.name}
          error={e.name}
          required
        />
        <SelectField
          name="curriculumId"
          label={t('education.groups.field.programme')}
          defaultValue={v.curriculumId}
          error={e.curriculumId}
          emptyLabel={t('education.groups.field.none')}
          options={options.curricula.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          name="clubId"
          label={t('education.groups.field.club')}
          hint={t('education.groups.field.clubHint')}
          defaultValue={v.clubId}
          error={e.clubId}
          emptyLabel={t('education.groups.field.none')}
          options={options.clubs.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          name="facilitatorPersonId"
          label={t('education.groups.field.facilitator')}
          hint={t('education.groups.field.facilitatorHint')}
          defaultValue={v.facilitatorPersonId}
          error={e.facilitatorPersonId ?? e.personId}
          emptyLabel={t('education.groups.field.none')}
          options={options.leaders.map((p) => ({ value: p.id, label: p.name }))}
        />
        <fieldset className="fieldset">
          <legend>{t('education.groups.field.dates')}</legend>
          <div className="field-row">
            <DateField
              name="startsOn"
              label={t('education.groups.field.startsOn')}
              defaultValue={v.startsOn ?? dateInputValue(today)}
              error={e.startsOn}
              required
            />
            <DateField
              name="endsOn"
              label={t('education.groups.field.endsOn')}
              defaultValue={v.endsOn}
              error={e.endsOn}
            />
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('education.groups.field.schedule')}</legend>
          <div className="field-row">
            <SelectField
              name="scheduleWeekday"
              label={t('education.groups.field.weekday')}
              defaultValue={v.scheduleWeekday}
              error={e.scheduleWeekday}
              emptyLabel={t('education.groups.schedule.irregular')}
              options={weekdayOptions(t)}
            />
            <TextField
              name="scheduleTime"
              width="short"
              label={t('education.groups.field.time')}
              hint={t('education.groups.field.timeHint')}
              defaultValue={v.scheduleTime}
              error={e.scheduleTime}
            />
            <TextField
              name="scheduleMinutes"
              width="short"
              inputMode="numeric"
              label={t('education.groups.field.minutes')}
              defaultValue={v.scheduleMinutes ?? '120'}
              error={e.scheduleMinutes}
            />
            <TextField
              name="scheduleEveryWeeks"
              width="short"
              inputMode="numeric"
              label={t('education.groups.field.everyWeeks')}
              defaultValue={v.scheduleEveryWeeks ?? '1'}
              error={e.scheduleEveryWeeks}
            />
          </div>
          <TextField
            name="place"
            label={t('education.groups.field.place')}
            defaultValue={v.place}
            error={e.place}
          />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('education.groups.new.submit')}
          </button>
          <Link to={base} className="button button--secondary">
            {t('education.groups.cancel')}
          </Link>
        </div>
      </PostForm>
    </div>
  );
}
