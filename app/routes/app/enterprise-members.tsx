import { Link } from 'react-router';
import {
  DateField,
  ErrorSummary,
  PostForm,
  RadioGroup,
  SelectField,
  TextField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { MemberDetailsFields } from '../../features/enterprises/components/member-details-fields.tsx';
import { decisionKey } from '../../features/enterprises/enterprise.labels.ts';
import { DECISION_KINDS } from '../../features/enterprises/enterprise.schema.ts';
import { loadEnterprisePage } from '../../features/enterprises/enterprise-page.server.ts';
import {
  handleForm,
  personFormOptions,
  recheckOptions,
  requireEnterpriseReader,
} from '../../features/enterprises/enterprise-route.server.ts';
import {
  addDecision,
  addMember,
  endMembership,
  removeDecision,
} from '../../features/enterprises/enterprises.server.ts';
import { parseDateInput } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprise-members';

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
      purpose: 'enterprise_members',
    });
    const { people, categories } = await personFormOptions(db, {
      localityId: locality.localityId,
      today,
      canEdit: page.canEdit,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      enterprise: { id: page.profile.id, name: page.profile.name },
      members: page.members,
      decisions: page.canManage
        ? page.decisions.map((x) => ({ id: x.id, kind: x.kind, decidedOn: x.decidedOn, number: x.number }))
        : [],
      canEdit: page.canEdit,
      canManage: page.canManage,
      people,
      categories,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireEnterpriseReader(args));
  const form = await args.request.formData();
  const values = formValues(form);
  const ctx = {
    actor,
    locality,
    enterpriseId: args.params.enterpriseId,
    values,
    recheck: recheckOptions(args, todayInWarsaw()),
  };
  return handleForm(form, async () => {
    const db = services(args.context).db;
    if (values.intent === 'leave') {
      const typed = (values.leftOn ?? '').trim();
      const leftOn = typed ? parseDateInput(typed) : null;
      if (typed && !leftOn)
        throw new AppError(
          'BAD_REQUEST',
          'enterprises.member.leave.invalid',
          {},
          { leftOn: 'enterprises.member.joinedOn.invalid' },
        );
      await endMembership(db, { ...ctx, memberId: values.memberId ?? '', leftOn });
      return redirectWithFlash(
        args.context,
        `/app/${locality.slug}/enterprises/${args.params.enterpriseId}`,
        {
          kind: 'success',
          key: 'enterprises.member.left',
        },
      );
    }
    if (values.intent === 'removeDecision') {
      await removeDecision(db, { ...ctx, decisionId: values.decisionId ?? '', reason: values.reason ?? '' });
      return redirectWithFlash(
        args.context,
        `/app/${locality.slug}/enterprises/${args.params.enterpriseId}`,
        {
          kind: 'success',
          key: 'enterprises.decision.removed',
        },
      );
    }
    if (values.intent === 'decision') await addDecision(db, ctx);
    else await addMember(db, ctx);
    return redirectWithFlash(args.context, `/app/${locality.slug}/enterprises/${args.params.enterpriseId}`, {
      kind: 'success',
      key: values.intent === 'decision' ? 'enterprises.decision.added' : 'enterprises.member.added',
    });
  });
}

export default function EnterpriseMembers({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const d = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const mv = failed?.intent === 'member' ? failed.values : {};
  const me = failed?.intent === 'member' ? failed.errors : {};
  const dv = failed?.intent === 'decision' ? failed.values : {};
  const de = failed?.intent === 'decision' ? failed.errors : {};
  const lv = failed?.intent === 'leave' ? failed.values : {};
  const le = failed?.intent === 'leave' ? failed.errors : {};
  const rv = failed?.intent === 'removeDecision' ? failed.values : {};
  const re = failed?.intent === 'removeDecision' ? failed.errors : {};
  const current = d.members.filter((m) => !m.leftOn);
  const base = `/app/${d.locality.slug}/enterprises/${d.enterprise.id}`;
  return (
    <>
      <PageHeader
        title={t('enterprises.members.pageTitle', { name: d.enterprise.name })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${d.locality.slug}`, label: d.locality.name },
              { to: `/app/${d.locality.slug}/enterprises`, label: t('enterprises.list.title') },
              { to: base, label: d.enterprise.name },
              { label: t('enterprises.members.title') },
            ]}
          />
        }
      />
      <p>{t('enterprises.members.count', { count: current.length })}</p>
      {d.canEdit ? (
        <PostForm className="stack" aria-labelledby="member-form-title">
          <h2 id="member-form-title">{t('enterprises.member.add')}</h2>
          <ErrorSummary errors={me} />
          <input type="hidden" name="intent" value="member" />
          <RadioGroup
            name="kind"
            label={t('enterprises.member.kind.label')}
            options={[
              { value: 'natural', label: t('enterprises.member.kind.natural') },
              { value: 'legal', label: t('enterprises.member.kind.legal') },
            ]}
            defaultValue={mv.kind ?? 'natural'}
            error={me.kind}
          />
          <SelectField
            name="personId"
            label={t('enterprises.job.personId.label')}
            emptyLabel={t('enterprises.job.personId.none')}
            options={d.people.map((p) => ({ value: p.id, label: `${p.familyName} ${p.givenName}` }))}
            defaultValue={mv.personId}
            error={me.personId}
          />
          <TextField
            name="displayName"
            label={t('enterprises.member.displayName')}
            defaultValue={mv.displayName}
            error={me.displayName}
          />
          <MemberDetailsFields values={mv} errors={me} categories={d.categories} />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('enterprises.member.submit')}
            </button>
          </div>
        </PostForm>
      ) : null}
      {d.canEdit && current.length > 0 ? (
        <PostForm className="stack" aria-labelledby="member-leave-title">
          <h2 id="member-leave-title">{t('enterprises.member.leave.title')}</h2>
          <ErrorSummary errors={le} />
          <input type="hidden" name="intent" value="leave" />
          <SelectField
            name="memberId"
            label={t('enterprises.member.leave.which')}
            required
            emptyLabel={t('enterprises.form.choose')}
            options={current.map((m) => ({
              value: m.id,
              label: t('enterprises.member.leave.option', { name: m.displayName, date: date(m.joinedOn) }),
            }))}
            defaultValue={lv.memberId}
            error={le.memberId}
          />
          <DateField
            name="leftOn"
            label={t('enterprises.member.leftOn.label')}
            required
            defaultValue={lv.leftOn}
            error={le.leftOn}
          />
          <div className="actions">
            <button type="submit" className="button button--secondary">
              {t('enterprises.member.leave.submit')}
            </button>
          </div>
        </PostForm>
      ) : null}
      {d.canManage ? (
        <PostForm className="stack" aria-labelledby="decision-form-title">
          <h2 id="decision-form-title">{t('enterprises.decision.add')}</h2>
          <ErrorSummary errors={de} />
          <input type="hidden" name="intent" value="decision" />
          <SelectField
            name="kind"
            label={t('enterprises.decision.kind.label')}
            required
            emptyLabel={t('enterprises.form.choose')}
            options={DECISION_KINDS.map((k) => ({ value: k, label: t(decisionKey(k)) }))}
            defaultValue={dv.kind}
            error={de.kind}
          />
          <DateField
            name="decidedOn"
            label={t('enterprises.decision.decidedOn.label')}
            required
            defaultValue={dv.decidedOn}
            error={de.decidedOn}
          />
          <TextField
            name="number"
            label={t('enterprises.decision.number.label')}
            defaultValue={dv.number}
            error={de.number}
          />
          <TextField
            name="authority"
            label={t('enterprises.decision.authority.label')}
            defaultValue={dv.authority}
            error={de.authority}
          />
          <DateField
            name="finalOn"
            label={t('enterprises.decision.finalOn.label')}
            defaultValue={dv.finalOn}
            error={de.finalOn}
          />
          <DateField
            name="validUntil"
            label={t('enterprises.decision.validUntil.label')}
            defaultValue={dv.validUntil}
            error={de.validUntil}
          />
          <TextField
            name="note"
            label={t('enterprises.decision.note.label')}
            defaultValue={dv.note}
            error={de.note}
          />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('enterprises.decision.submit')}
            </button>
          </div>
        </PostForm>
      ) : null}
      {d.canManage && d.decisions.length > 0 ? (
        <PostForm className="stack" aria-labelledby="decision-remove-title">
          <h2 id="decision-remove-title">{t('enterprises.decision.remove.title')}</h2>
          <p className="hint">{t('enterprises.decision.remove.hint')}</p>
          <ErrorSummary errors={re} />
          <input type="hidden" name="intent" value="removeDecision" />
          <SelectField
            name="decisionId"
            label={t('enterprises.decision.remove.which')}
            required
            emptyLabel={t('enterprises.form.choose')}
            options={d.decisions.map((x) => ({
              value: x.id,
              label: [t(decisionKey(x.kind)), date(x.decidedOn), x.number].filter(Boolean).join(', '),
            }))}
            defaultValue={rv.decisionId}
            error={re.decisionId}
          />
          <TextField
            name="reason"
            label={t('enterprises.decision.remove.reason.label')}
            required
            defaultValue={rv.reason}
            error={re.reason}
          />
          <div className="actions">
            <button type="submit" className="button button--secondary">
              {t('enterprises.decision.remove.submit')}
            </button>
          </div>
        </PostForm>
      ) : null}
      <p>
        <Link to={base}>{t('enterprises.back')}</Link>
      </p>
    </>
  );
}
