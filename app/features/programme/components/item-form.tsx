import { Link } from 'react-router';
import {
  DateField,
  ErrorSummary,
  fieldId,
  PostForm,
  RequiredNote,
  SelectField,
  TextArea,
  TextField,
} from '../../../components/ui/form.tsx';
import { useT } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { PARENT_LEVEL, type ProgrammeLevel, type ProgrammeStatus } from '../programme.rules.ts';

export type ItemFormOptions = {
  members: { id: string; name: string }[];
  people: { id: string; name: string }[];
  parents: { id: string; level: string; title: string; number: string }[];
  problems: { id: string; title: string }[];
};

/** The goal / action / task form; values are the strings typed (or stored), errors per field. */
export function ProgrammeItemForm({
  level,
  values,
  problemIds,
  errors,
  options,
  statuses,
  submitLabel,
  cancelTo,
}: {
  level: ProgrammeLevel;
  values: Record<string, string>;
  problemIds: string[];
  errors?: FieldErrors | undefined;
  options: ItemFormOptions;
  statuses: ProgrammeStatus[];
  submitLabel: string;
  cancelTo: string;
}) {
  const t = useT();
  const parentLevel = PARENT_LEVEL[level];
  const parents = options.parents.filter((p) => p.level === parentLevel);
  const v = (k: string) => values[k] ?? '';
  return (
    <>
      <ErrorSummary errors={errors} />
      <PostForm className="stack">
        <RequiredNote />
        <input type="hidden" name="level" value={level} />
        {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
        {parentLevel ? (
          <SelectField
            name="parentId"
            required
            label={t(parentLevel === 'goal' ? 'programme.form.parent.goal' : 'programme.form.parent.action')}
            emptyLabel={t('programme.form.choose')}
            defaultValue={v('parentId')}
            options={parents.map((p) => ({ value: p.id, label: `${p.number}. ${p.title}` }))}
            error={errors?.parentId}
          />
        ) : null}
        <TextField
          name="title"
          required
          label={t(`programme.form.title.${level}`)}
          defaultValue={v('title')}
          error={errors?.title}
        />
        <TextArea
          name="description"
          rows={3}
          label={t('programme.form.description')}
          defaultValue={v('description')}
          error={errors?.description}
        />
        <SelectField
          name="responsibleOrganisationId"
          label={t('programme.form.organisation')}
          hint={t('programme.form.organisation.hint')}
          emptyLabel={t('programme.form.none')}
          defaultValue={v('responsibleOrganisationId')}
          options={options.members.map((m) => ({ value: m.id, label: m.name }))}
          error={errors?.responsibleOrganisationId}
        />
        <SelectField
          name="responsibleUserId"
          label={t('programme.form.person')}
          hint={t('programme.form.person.hint')}
          emptyLabel={t('programme.form.none')}
          defaultValue={v('responsibleUserId')}
          options={options.people.map((p) => ({ value: p.id, label: p.name }))}
          error={errors?.responsibleUserId}
        />
        <div className="field-row">
          <DateField
            name="startsOn"
            label={t('programme.form.startsOn')}
            defaultValue={v('startsOn')}
            error={errors?.startsOn}
          />
          <DateField
            name="dueOn"
            label={t('programme.form.dueOn')}
            defaultValue={v('dueOn')}
            error={errors?.dueOn}
          />
        </div>
        <div className="field-row">
          <SelectField
            name="status"
            label={t('programme.form.status')}
            defaultValue={v('status') || 'planned'}
            options={statuses.map((s) => ({ value: s, label: t(`programme.status.${s}`) }))}
            error={errors?.status}
          />
          <TextField
            name="progress"
            width="short"
            inputMode="numeric"
            label={t('programme.form.progress')}
            hint={t('programme.form.progress.hint')}
            defaultValue={v('progress') || '0'}
            error={errors?.progress}
          />
        </div>
        <fieldset className="field-group">
          <legend>{t('programme.form.indicator')}</legend>
          <p className="hint">{t('programme.form.indicator.hint')}</p>
          <TextField
            name="indicatorName"
            label={t('programme.form.indicatorName')}
            defaultValue={v('indicatorName')}
            error={errors?.indicatorName}
          />
          <div className="field-row">
            <TextField
              name="indicatorUnit"
              width="short"
              label={t('programme.form.indicatorUnit')}
              defaultValue={v('indicatorUnit')}
              error={errors?.indicatorUnit}
            />
            <TextField
              name="indicatorTarget"
              width="short"
              inputMode="numeric"
              label={t('programme.form.indicatorTarget')}
              defaultValue={v('indicatorTarget')}
              error={errors?.indicatorTarget}
            />
            <TextField
              name="indicatorActual"
              width="short"
              inputMode="numeric"
              label={t('programme.form.indicatorActual')}
              defaultValue={v('indicatorActual')}
              error={errors?.indicatorActual}
            />
          </div>
        </fieldset>
        <div className={errors?.problemIds ? 'field field--error' : 'field'}>
          <fieldset id={fieldId('problemIds')}>
            <legend>{t('programme.form.problems')}</legend>
            {errors?.problemIds ? (
              <p className="field-error">
                {typeof errors.problemIds === 'string' ? t(errors.problemIds) : t(errors.problemIds.key)}
              </p>
            ) : null}
            {options.problems.length === 0 ? (
              <p className="hint">{t('programme.form.problems.none')}</p>
            ) : (
              options.problems.map((p) => (
                <div className="checkbox" key={p.id}>
                  <input
                    type="checkbox"
                    id={`f-problem-${p.id}`}
                    name="problemIds"
                    value={p.id}
                    defaultChecked={problemIds.includes(p.id)}
                  />
                  <label htmlFor={`f-problem-${p.id}`}>{p.title}</label>
                </div>
              ))
            )}
          </fieldset>
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary">
            {submitLabel}
          </button>
          <Link to={cancelTo}>{t('programme.form.cancel')}</Link>
        </div>
      </PostForm>
    </>
  );
}
