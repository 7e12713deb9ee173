import {
  DateField,
  ErrorSummary,
  PostForm,
  RequiredNote,
  SelectField,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { categoryKey, contractKey } from '../enterprise.labels.ts';
import { CONTRACT_TYPES } from '../job.schema.ts';

export type PersonOption = { id: string; givenName: string; familyName: string; categories: string[] };

/** The form adding a job; works without JavaScript (the at-risk category is taken from the person's record when left on "from the record"). */
export function JobForm({
  people,
  grants,
  categories,
  values,
  errors,
  title,
  submitLabel,
}: {
  people: PersonOption[];
  grants: { id: string; title: string; obligationUntil: string | null }[];
  categories: string[];
  values: Record<string, string>;
  errors: FieldErrors;
  /** The form's heading and button (adding a job by default). */
  title?: string;
  submitLabel?: string;
}) {
  const { t, date } = useI18n();
  return (
    <PostForm className="stack" aria-labelledby="job-form-title">
      <h2 id="job-form-title">{title ?? t('enterprises.job.add')}</h2>
      <ErrorSummary errors={errors} />
      <RequiredNote />
      <input type="hidden" name="intent" value="job" />
      <TextField
        name="position"
        label={t('enterprises.job.position.label')}
        required
        defaultValue={values.position}
        error={errors.position}
      />
      <fieldset className="field-group">
        <legend>{t('enterprises.job.person.label')}</legend>
        <SelectField
          name="personId"
          label={t('enterprises.job.personId.label')}
          hint={t('enterprises.job.personId.hint')}
          emptyLabel={t('enterprises.job.personId.none')}
          options={people.map((p) => ({
            value: p.id,
            label: `${p.familyName} ${p.givenName}${p.categories.length ? ` (${p.categories.map((c) => t(categoryKey(c))).join(', ')})` : ''}`,
          }))}
          defaultValue={values.personId}
          error={errors.personId}
        />
        <TextField
          name="displayName"
          label={t('enterprises.job.displayName.label')}
          hint={t('enterprises.job.displayName.hint')}
          defaultValue={values.displayName}
          error={errors.displayName}
        />
      </fieldset>
      <SelectField
        name="contractType"
        label={t('enterprises.job.contractType.label')}
        required
        emptyLabel={t('enterprises.form.choose')}
        options={CONTRACT_TYPES.map((c) => ({ value: c, label: t(contractKey(c)) }))}
        defaultValue={values.contractType}
        error={errors.contractType}
      />
      <TextField
        name="fte"
        label={t('enterprises.job.fte.label')}
        hint={t('enterprises.job.fte.hint')}
        required
        width="short"
        inputMode="text"
        defaultValue={values.fte}
        error={errors.fte}
      />
      <DateField
        name="startOn"
        label={t('enterprises.job.startOn.label')}
        required
        defaultValue={values.startOn}
        error={errors.startOn}
      />
      <DateField
        name="endOn"
        label={t('enterprises.job.endOn.label')}
        defaultValue={values.endOn}
        error={errors.endOn}
      />
      <SelectField
        name="atRiskCategory"
        label={t('enterprises.job.atRiskCategory.label')}
        hint={t('enterprises.job.atRiskCategory.hint')}
        options={[
          { value: 'auto', label: t('enterprises.job.atRiskCategory.auto') },
          { value: 'none', label: t('enterprises.job.notAtRisk') },
          ...categories.map((c) => ({ value: c, label: t(categoryKey(c)) })),
        ]}
        defaultValue={values.atRiskCategory ?? 'auto'}
        error={errors.atRiskCategory}
      />
      <fieldset className="field-group">
        <legend>{t('enterprises.job.funding')}</legend>
        <SelectField
          name="grantId"
          label={t('enterprises.job.grantId.label')}
          emptyLabel={t('enterprises.job.grantId.none')}
          options={grants.map((g) => ({
            value: g.id,
            label: g.obligationUntil
              ? t('enterprises.job.grantId.option', { title: g.title, until: date(g.obligationUntil) })
              : g.title,
          }))}
          defaultValue={values.grantId}
          error={errors.grantId}
        />
        <TextField
          name="fundingNote"
          label={t('enterprises.job.fundingNote.label')}
          defaultValue={values.fundingNote}
          error={errors.fundingNote}
        />
        <DateField
          name="keepUntil"
          label={t('enterprises.job.keepUntil.label')}
          hint={t('enterprises.job.keepUntil.hint')}
          defaultValue={values.keepUntil}
          error={errors.keepUntil}
        />
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {submitLabel ?? t('enterprises.job.submit')}
        </button>
      </div>
    </PostForm>
  );
}
