import {
  ErrorSummary,
  PostForm,
  RequiredNote,
  SelectField,
  TextField,
} from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';
import { COST_CATEGORIES } from '../costs.rules.ts';

/** The form to add what the support system's work cost in a month and category. */
export function SupportCostForm(props: { values: Record<string, string>; errors: FieldErrors }) {
  const { t } = useI18n();
  const { values: v, errors: e } = props;
  return (
    <section aria-labelledby="cost-form-title" className="stack">
      <h2 id="cost-form-title">{t('costs.costs.form.title')}</h2>
      <ErrorSummary errors={e} />
      <PostForm className="stack">
        <input type="hidden" name="intent" value="create" />
        <RequiredNote />
        <TextField
          name="month"
          label={t('costs.costs.month.label')}
          hint={t('costs.costs.month.hint')}
          required
          width="short"
          defaultValue={v.month}
          error={e.month}
        />
        <SelectField
          name="category"
          label={t('costs.costs.category.label')}
          required
          emptyLabel={t('costs.costs.category.choose')}
          options={COST_CATEGORIES.map((c) => ({ value: c, label: t(`costs.costs.category.${c}`) }))}
          defaultValue={v.category}
          error={e.category}
        />
        <TextField
          name="description"
          label={t('costs.costs.description.label')}
          defaultValue={v.description}
          error={e.description}
        />
        <TextField
          name="amountPln"
          label={t('costs.costs.amount.label')}
          hint={t('costs.donations.value.hint')}
          required
          width="short"
          defaultValue={v.amountPln}
          error={e.amountPln}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('costs.costs.form.submit')}
          </button>
        </div>
      </PostForm>
    </section>
  );
}
