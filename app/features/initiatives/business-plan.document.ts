import type { DocBlock, DocModel } from '../../lib/documents/model.ts';
import type { I18n, MessageKey } from '../../lib/i18n/i18n.ts';
import { type PlanContent, planFigures } from './business-plan.rules.ts';

/** The business plan as a document (PDF): sections, start-up costs, funding, months, computed figures. */
export function businessPlanDocument(opts: {
  i18n: I18n;
  localityName: string;
  initiative: { name: string; intendedLegalForm: string };
  plan: PlanContent;
}): DocModel {
  const { i18n, plan } = opts;
  const { t, money } = i18n;
  const f = planFigures(plan);
  const text = (v: string) => v || '—';
  const blocks: DocBlock[] = [
    {
      kind: 'keyValue',
      rows: [
        { label: t('initiatives.doc.initiative'), value: opts.initiative.name },
        {
          label: t('initiatives.form.legalForm'),
          value: t(`initiatives.legalForm.${opts.initiative.intendedLegalForm}` as MessageKey),
        },
      ],
    },
    { kind: 'heading', level: 2, text: t('initiatives.plan.offer') },
    { kind: 'paragraph', text: text(plan.offer) },
    { kind: 'heading', level: 2, text: t('initiatives.plan.customers') },
    { kind: 'paragraph', text: text(plan.customers) },
    { kind: 'heading', level: 2, text: t('initiatives.plan.niche') },
    { kind: 'paragraph', text: text(plan.niche) },
    { kind: 'heading', level: 2, text: t('initiatives.plan.team') },
    { kind: 'paragraph', text: text(plan.team) },
    { kind: 'heading', level: 2, text: t('initiatives.plan.figures.title') },
    {
      kind: 'keyValue',
      rows: [
        { label: t('initiatives.plan.figures.startupTotal'), value: money(f.startupTotal) },
        { label: t('initiatives.plan.figures.fundingTotal'), value: money(f.fundingTotal) },
        {
          label: t('initiatives.plan.figures.gap'),
          value: f.fundingGap > 0 ? money(f.fundingGap) : t('initiatives.plan.figures.noGap'),
        },
        {
          label: t('initiatives.plan.figures.breakEven'),
          value: f.breakEvenMonth
            ? t('initiatives.plan.figures.breakEvenMonth', { month: f.breakEvenMonth })
            : t('initiatives.plan.figures.noBreakEven'),
        },
        { label: t('initiatives.plan.figures.totalRevenue'), value: money(f.totals.revenue) },
        { label: t('initiatives.plan.figures.totalCosts'), value: money(f.totals.costs) },
        { label: t('initiatives.plan.figures.totalResult'), value: money(f.totals.result) },
      ],
    },
  ];
  if (plan.breakEvenNote) blocks.push({ kind: 'paragraph', text: plan.breakEvenNote });
  blocks.push(
    { kind: 'heading', level: 2, text: t('initiatives.plan.startup.title') },
    {
      kind: 'table',
      columns: [
        { header: t('initiatives.plan.startup.label'), width: 3 },
        { header: t('initiatives.plan.startup.amount'), width: 1, align: 'right' },
      ],
      rows: plan.startupCosts.map((r) => [r.label, money(Number(r.amount))]),
    },
    { kind: 'heading', level: 2, text: t('initiatives.plan.funding.title') },
    {
      kind: 'table',
      columns: [
        { header: t('initiatives.plan.funding.label'), width: 3 },
        { header: t('initiatives.plan.funding.kind'), width: 1 },
        { header: t('initiatives.plan.funding.amount'), width: 1, align: 'right' },
      ],
      rows: plan.fundingSources.map((r) => [
        r.label,
        t(`initiatives.plan.fundingKind.${r.kind}` as MessageKey),
        money(Number(r.amount)),
      ]),
    },
    { kind: 'heading', level: 2, text: t('initiatives.plan.monthly.title') },
    {
      kind: 'table',
      repeatHeader: true,
      columns: [
        { header: t('initiatives.plan.month'), width: 1 },
        { header: t('initiatives.plan.revenue'), width: 1, align: 'right' },
        { header: t('initiatives.plan.costs'), width: 1, align: 'right' },
        { header: t('initiatives.plan.result'), width: 1, align: 'right' },
        { header: t('initiatives.plan.cumulative'), width: 1, align: 'right' },
      ],
      rows: f.months.map((m) => [
        String(m.month),
        money(m.revenue),
        money(m.costs),
        money(m.result),
        money(m.cumulative),
      ]),
    },
  );
  return {
    title: t('initiatives.doc.title', { name: opts.initiative.name }),
    language: i18n.locale,
    author: 'Splot',
    subject: t('initiatives.doc.subject', { locality: opts.localityName }),
    header: opts.localityName,
    footer: t('initiatives.doc.footer'),
    footerPageTemplate: t('initiatives.doc.page'),
    blocks,
  };
}
