import { Link } from 'react-router';
import {
  DateField,
  ErrorSummary,
  PostForm,
  SelectField,
  TextArea,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { canManageFinancing } from '../../features/financing/financing.policy.ts';
import { linkOptions } from '../../features/financing/financing-common.server.ts';
import { handleForm, requireNicheReader } from '../../features/financing/financing-route.server.ts';
import { getNiche, labelledCriteria } from '../../features/niches/niches.queries.server.ts';
import { EVIDENCE_SOURCES, nicheScore } from '../../features/niches/niches.rules.ts';
import { addEvidence } from '../../features/niches/niches.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { i18nOf, redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/niche';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireNicheReader(args);
    const db = services(args.context).db;
    const canManage = canManageFinancing(actor, locality);
    const [found, criteria, links] = await Promise.all([
      getNiche(db, { localityId: locality.localityId, id: args.params.id }),
      labelledCriteria(db, locality.localityId, i18nOf(args.context).t),
      canManage ? linkOptions(db, locality.localityId) : null,
    ]);
    if (!found) throw new AppError('NOT_FOUND', 'errors.404.body');
    const score = nicheScore(
      criteria.map((c) => ({ key: c.key, label: c.name, weight: c.weight })),
      found.niche.scores,
    );
    return {
      locality: { slug: locality.slug, name: locality.name },
      ...found,
      criteria,
      score,
      organisations: links?.organisations.map((o) => ({ id: o.id, name: o.name })) ?? [],
      canManage,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireNicheReader(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    await addEvidence(services(args.context).db, {
      ...ctx,
      nicheId: args.params.id,
      values: formValues(form),
    });
    return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/niches/${args.params.id}#evidence`, {
      kind: 'success',
      key: 'financing.evidence.added',
    });
  });
}

export default function Niche({ loaderData, actionData }: Route.ComponentProps) {
  const { t, money, number, date } = useI18n();
  const { locality, niche, evidence, initiatives, criteria, score, canManage, organisations } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? {};
  const e = failed?.errors ?? {};
  const base = `/app/${locality.slug}/niches`;
  return (
    <>
      <PageHeader
        title={niche.name}
        hasError={Boolean(failed)}
        lead={niche.description || undefined}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('financing.niches.title') },
              { label: niche.name },
            ]}
          />
        }
        actions={
          canManage ? (
            <Link to={`${base}/${niche.id}/edit`} className="button button--secondary">
              {t('financing.form.edit')}
            </Link>
          ) : null
        }
      />
      <dl className="summary-list">
        <div>
          <dt>{t('financing.niche.sector.label')}</dt>
          <dd>{niche.sector}</dd>
        </div>
        <div>
          <dt>{t('financing.niche.status.label')}</dt>
          <dd>{t(`financing.niche.status.${niche.status}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('financing.niche.competition.label')}</dt>
          <dd>{t(`financing.competition.${niche.competition}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('financing.niche.demand.label')}</dt>
          <dd>
            {niche.estimatedDemandPln ? money(Number(niche.estimatedDemandPln)) : t('financing.unknown')}
          </dd>
        </div>
        <div>
          <dt>{t('financing.niche.score.label')}</dt>
          <dd>
            {score.score === null
              ? t('financing.niche.score.none')
              : t('financing.niche.score.value', { score: number(score.score) })}
            {score.missing.length > 0 ? (
              <p className="hint">
                {t('financing.niche.score.missing', {
                  count: score.missing.length,
                  names: score.missing.join(', '),
                })}
              </p>
            ) : null}
          </dd>
        </div>
      </dl>

      <h2>{t('financing.niche.section.scores')}</h2>
      <div className="table-wrap">
        <table className="table">
          <caption>{t('financing.niche.scores.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('financing.criteria.label.label')}</th>
              <th scope="col" className="num">
                {t('financing.criteria.weight.label')}
              </th>
              <th scope="col" className="num">
                {t('financing.niche.scores.score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.name}</th>
                <td className="num">{number(c.weight)}</td>
                <td className="num">
                  {niche.scores[c.key] ? `${niche.scores[c.key]} / 5` : t('financing.niche.scores.none')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="evidence">{t('financing.evidence.title')}</h2>
      {evidence.length === 0 ? (
        <p>{t('financing.evidence.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption>{t('financing.evidence.caption', { count: evidence.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('financing.evidence.recordedOn.label')}</th>
                <th scope="col">{t('financing.evidence.source.label')}</th>
                <th scope="col">{t('financing.evidence.description.label')}</th>
                <th scope="col" className="num">
                  {t('financing.evidence.amount.label')}
                </th>
              </tr>
            </thead>
            <tbody>
              {evidence.map((x) => (
                <tr key={x.id}>
                  <th scope="row">{date(x.recordedOn)}</th>
                  <td data-label={t('financing.evidence.source.label')}>
                    {t(`financing.evidence.source.${x.source}` as MessageKey)}
                    {x.organisationName ? ` — ${x.organisationName}` : ''}
                  </td>
                  <td data-label={t('financing.evidence.description.label')}>{x.description}</td>
                  <td className="num" data-label={t('financing.evidence.amount.label')}>
                    {x.amount === null ? '—' : money(x.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage ? (
        <section aria-labelledby="evidence-add" className="financing-section">
          <h3 id="evidence-add">{t('financing.evidence.add')}</h3>
          <ErrorSummary errors={e} />
          <PostForm className="stack">
            <SelectField
              name="source"
              label={t('financing.evidence.source.label')}
              options={EVIDENCE_SOURCES.map((s) => ({
                value: s,
                label: t(`financing.evidence.source.${s}` as MessageKey),
              }))}
              defaultValue={v.source ?? 'partner'}
              error={e.source}
              required
            />
            <SelectField
              name="organisationId"
              label={t('financing.evidence.organisation.label')}
              emptyLabel={t('financing.none')}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={v.organisationId}
              error={e.organisationId}
            />
            <TextArea
              name="description"
              rows={2}
              label={t('financing.evidence.description.label')}
              defaultValue={v.description}
              error={e.description}
              required
            />
            <TextField
              name="amountPln"
              label={t('financing.evidence.amount.label')}
              hint={t('financing.form.amount.hint')}
              defaultValue={v.amountPln}
              error={e.amountPln}
              width="short"
            />
            <DateField
              name="recordedOn"
              label={t('financing.evidence.recordedOn.label')}
              defaultValue={v.recordedOn}
              error={e.recordedOn}
              required
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('financing.evidence.submit')}
              </button>
            </div>
          </PostForm>
        </section>
      ) : null}

      <h2>{t('financing.niche.initiatives.title')}</h2>
      {initiatives.length === 0 ? (
        <p>{t('financing.niche.initiatives.empty')}</p>
      ) : (
        <ul>
          {initiatives.map((i) => (
            <li key={i.id}>
              <Link to={`/app/${locality.slug}/initiatives/${i.id}`}>{i.name}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
