import { Link } from 'react-router';
import {
  ConfirmCheckbox,
  DateField,
  ErrorSummary,
  PostForm,
  SelectField,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { materialStorage } from '../../features/education/materials/storage.server.ts';
import { uploadedFile } from '../../features/education/programmes/education-route.server.ts';
import { getApplication } from '../../features/financing/financing.queries.server.ts';
import {
  availableCommands,
  isApplicationCommand,
  megabytes,
} from '../../features/financing/financing.rules.ts';
import { handleForm, requireFinancingManager } from '../../features/financing/financing-route.server.ts';
import {
  attachDocument,
  documentFilesParameter,
  removeDocument,
  runApplicationCommand,
} from '../../features/financing/funding.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/financing-application';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireFinancingManager(args);
    const db = services(args.context).db;
    const [found, files] = await Promise.all([
      getApplication(db, { localityId: locality.localityId, id: args.params.id }),
      documentFilesParameter(db, todayInWarsaw()),
    ]);
    if (!found) throw new AppError('NOT_FOUND', 'errors.404.body');
    return {
      locality: { slug: locality.slug, name: locality.name },
      ...found,
      commands: availableCommands(found.application.status),
      limits: { maxMb: megabytes(files.maxBytes), types: files.types.map((x) => x.toUpperCase()).join(', ') },
      today: todayInWarsaw(),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireFinancingManager(args));
  const { db, config } = services(args.context);
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const base = `/app/${ctx.locality.slug}/financing`;
  const today = todayInWarsaw();
  return handleForm(form, async () => {
    if (intent === 'upload') {
      const file = await uploadedFile(form);
      await attachDocument(db, materialStorage(config.materialStorage), {
        ...ctx,
        id: args.params.id,
        file,
        today,
      });
      return redirectWithFlash(args.context, `${base}/applications/${args.params.id}#documents`, {
        kind: 'success',
        key: 'financing.document.attached',
      });
    }
    if (intent === 'removeDocument') {
      await removeDocument(db, materialStorage(config.materialStorage), {
        ...ctx,
        id: args.params.id,
        documentId: String(form.get('documentId') ?? ''),
        confirmed: form.get('confirm') === 'on',
      });
      return redirectWithFlash(args.context, `${base}/applications/${args.params.id}#documents`, {
        kind: 'success',
        key: 'financing.document.removed',
      });
    }
    if (!isApplicationCommand(intent)) throw new AppError('BAD_REQUEST', 'financing.form.invalid');
    const r = await runApplicationCommand(db, {
      ...ctx,
      id: args.params.id,
      command: intent,
      values: formValues(form),
      today,
    });
    if (intent === 'grant' && !r.grantId)
      return redirectWithFlash(args.context, `${base}/grants/new?application=${args.params.id}`, {
        kind: 'success',
        key: 'financing.command.grant.done',
      });
    return redirectWithFlash(args.context, `${base}/applications/${args.params.id}`, {
      kind: 'success',
      key: `financing.command.${intent}.done` as MessageKey,
    });
  });
}

export default function Application({ loaderData, actionData }: Route.ComponentProps) {
  const { t, money, date, dateTime, number } = useI18n();
  const { locality, application: a, documents, grants, commands, limits, today } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const errorsFor = (intent: string) => (failed?.intent === intent ? failed.errors : {});
  const decideFailed = failed?.intent === 'grant' || failed?.intent === 'reject';
  const decideErrors = decideFailed ? (failed?.errors ?? {}) : {};
  const base = `/app/${locality.slug}/financing`;
  return (
    <>
      <PageHeader
        title={a.callName}
        hasError={Boolean(failed)}
        lead={t('financing.application.lead', { source: a.sourceName })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('financing.title') },
              { label: a.callName },
            ]}
          />
        }
      />
      <dl className="summary-list">
        <div>
          <dt>{t('financing.application.status.label')}</dt>
          <dd>{t(`financing.application.status.${a.status}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('financing.application.deadline.label')}</dt>
          <dd>{date(a.deadline)}</dd>
        </div>
        <div>
          <dt>{t('financing.application.amount.label')}</dt>
          <dd>{money(Number(a.amountPln))}</dd>
        </div>
        <div>
          <dt>{t('financing.application.for')}</dt>
          <dd>{a.forName ?? '—'}</dd>
        </div>
        {a.submittedOn ? (
          <div>
            <dt>{t('financing.command.submittedOn.label')}</dt>
            <dd>{date(a.submittedOn)}</dd>
          </div>
        ) : null}
        {a.decidedOn ? (
          <div>
            <dt>{t('financing.command.decidedOn.label')}</dt>
            <dd>{date(a.decidedOn)}</dd>
          </div>
        ) : null}
        {a.notes ? (
          <div>
            <dt>{t('financing.application.notes.label')}</dt>
            <dd>{a.notes}</dd>
          </div>
        ) : null}
      </dl>
      {grants.length > 0 ? (
        <p>
          {t('financing.application.grantLinked')}{' '}
          {grants.map((g) => (
            <Link key={g.id} to={`${base}/grants/${g.id}`}>
              {g.title}
            </Link>
          ))}
        </p>
      ) : a.status === 'granted' ? (
        <p>
          <Link to={`${base}/grants/new?application=${a.id}`}>{t('financing.application.recordGrant')}</Link>
        </p>
      ) : null}

      <section aria-labelledby="documents">
        <h2 id="documents">{t('financing.documents.title')}</h2>
        {documents.length === 0 ? (
          <p>{t('financing.documents.empty')}</p>
        ) : (
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <a href={`${base}/applications/${a.id}/documents/${d.id}`}>{d.fileName}</a>{' '}
                <span className="hint">
                  {t('financing.documents.meta', {
                    size: number(megabytes(d.sizeBytes)),
                    when: dateTime(d.uploadedAt),
                    who: d.uploadedBy ?? '—',
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {documents.length > 0 ? (
          <>
            <h3 id="remove-document">{t('financing.document.remove.title')}</h3>
            <ErrorSummary errors={errorsFor('removeDocument')} />
            <PostForm className="stack" aria-labelledby="remove-document">
              <input type="hidden" name="intent" value="removeDocument" />
              <SelectField
                name="documentId"
                label={t('financing.document.remove.which')}
                required
                emptyLabel={t('financing.document.remove.choose')}
                options={documents.map((d) => ({ value: d.id, label: d.fileName }))}
                defaultValue={failed?.intent === 'removeDocument' ? failed.values.documentId : undefined}
                error={errorsFor('removeDocument').documentId}
              />
              <ConfirmCheckbox
                label={t('financing.document.remove.confirm.label')}
                error={errorsFor('removeDocument').confirm}
              />
              <div className="actions">
                <button type="submit" className="button button--danger">
                  {t('financing.document.remove.submit')}
                </button>
              </div>
            </PostForm>
          </>
        ) : null}
        <h3 id="upload">{t('financing.document.add')}</h3>
        <ErrorSummary errors={errorsFor('upload')} />
        <PostForm encType="multipart/form-data" className="stack" aria-labelledby="upload">
          <input type="hidden" name="intent" value="upload" />
          <div className={errorsFor('upload').file ? 'field field--error' : 'field'}>
            <label htmlFor="f-file">{t('financing.document.file.label')}</label>
            <p className="hint" id="f-file-hint">
              {t('financing.document.file.hint', { types: limits.types, max: number(limits.maxMb) })}
            </p>
            {errorsFor('upload').file ? (
              <p className="field-error" id="f-file-error">
                {(() => {
                  const err = errorsFor('upload').file!;
                  return typeof err === 'string' ? t(err) : t(err.key, err.values);
                })()}
              </p>
            ) : null}
            <input
              id="f-file"
              name="file"
              type="file"
              className="input"
              aria-describedby={errorsFor('upload').file ? 'f-file-hint f-file-error' : 'f-file-hint'}
              aria-invalid={errorsFor('upload').file ? true : undefined}
            />
          </div>
          <div className="actions">
            <button type="submit" className="button button--secondary">
              {t('financing.document.submit')}
            </button>
          </div>
        </PostForm>
      </section>

      {commands.length > 0 ? (
        <section aria-labelledby="commands">
          <h2 id="commands">{t('financing.commands.title')}</h2>
          {commands.includes('submit') ? (
            <div className="field-group">
              <h3 id="cmd-submit">{t('financing.command.submit.title')}</h3>
              <p className="hint">{t('financing.command.submit.hint')}</p>
              <ErrorSummary errors={errorsFor('submit')} />
              <PostForm className="stack" aria-labelledby="cmd-submit">
                <input type="hidden" name="intent" value="submit" />
                <DateField
                  name="submittedOn"
                  label={t('financing.command.submittedOn.label')}
                  defaultValue={failed?.intent === 'submit' ? failed.values.submittedOn : today}
                  error={errorsFor('submit').submittedOn}
                  required
                />
                <div className="actions">
                  <button type="submit" className="button button--primary">
                    {t('financing.command.submit.button')}
                  </button>
                </div>
              </PostForm>
            </div>
          ) : null}
          {commands.includes('grant') ? (
            <div className="field-group">
              <h3 id="cmd-decide">{t('financing.command.decide.title')}</h3>
              <p className="hint">{t('financing.command.decide.hint')}</p>
              <ErrorSummary errors={decideErrors} />
              <PostForm className="stack" aria-labelledby="cmd-decide">
                <DateField
                  name="decidedOn"
                  label={t('financing.command.decidedOn.label')}
                  defaultValue={decideFailed ? failed?.values.decidedOn : today}
                  error={decideErrors.decidedOn}
                  required
                />
                <div className="actions">
                  <button type="submit" name="intent" value="grant" className="button button--primary">
                    {t('financing.command.grant.button')}
                  </button>
                  <button type="submit" name="intent" value="reject" className="button button--danger">
                    {t('financing.command.reject.button')}
                  </button>
                </div>
              </PostForm>
            </div>
          ) : null}
          {commands.includes('withdraw') ? (
            <div className="field-group">
              <h3 id="cmd-withdraw">{t('financing.command.withdraw.title')}</h3>
              <p className="hint">{t('financing.command.withdraw.hint')}</p>
              <ErrorSummary errors={errorsFor('withdraw')} />
              <PostForm aria-labelledby="cmd-withdraw">
                <input type="hidden" name="intent" value="withdraw" />
                <button type="submit" className="button button--danger">
                  {t('financing.command.withdraw.button')}
                </button>
              </PostForm>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
