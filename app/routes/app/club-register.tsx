import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { organisationAddress } from '../../features/club/club.queries.server.ts';
import { loadClub } from '../../features/club/club-route.server.ts';
import { RegisterDeadlineText, UnverifiedNote } from '../../features/club/components/club-bits.tsx';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { registerEntry } from '../../features/club/register-entry.server.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { run } from '../../lib/request.server.ts';
import type { Route } from './+types/club-register';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, club, abilities, locality } = await loadClub(args);
    const entry = await registerEntry(db, { club, today: todayInWarsaw() });
    const o = club.runBy;
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      club: {
        id: club.id,
        name: club.name,
        premisesAddress: club.premisesAddress,
        openedOn: club.openedOn,
        registerNotifiedOn: club.registerNotifiedOn,
        registerEnteredOn: club.registerEnteredOn,
        registerNumber: club.registerNumber,
      },
      runBy: o
        ? { name: o.name, nip: o.nip, regon: o.regon, krs: o.krs, address: organisationAddress(o) }
        : null,
      entry,
    };
  });
}

export default function ClubRegister({ loaderData }: Route.ComponentProps) {
  const { t, dateLong } = useI18n();
  const { locality, club, abilities, runBy, entry } = loaderData;
  const base = `/app/${locality.slug}/club/${club.id}`;
  const missing = [
    !runBy ? t('club.register.missing.runBy') : null,
    !club.premisesAddress ? t('club.register.missing.premises') : null,
    !club.openedOn ? t('club.register.missing.openedOn') : null,
  ].filter((x): x is string => Boolean(x));
  return (
    <>
      <PageHeader
        title={t('club.register.title')}
        lead={t('club.register.lead')}
        breadcrumbs={<ClubNav locality={locality} club={club} abilities={abilities} current="register" />}
        actions={
          <a href={`${base}/register/pdf`} className="button button--secondary" download>
            {t('club.register.downloadPdf')}
          </a>
        }
      />
      <section aria-labelledby="deadline" className="section">
        <h2 id="deadline">{t('club.register.section.status')}</h2>
        <RegisterDeadlineText deadline={entry.deadline} />
        <UnverifiedNote parameter={entry.parameter} />
        <dl className="summary-list">
          <div>
            <dt>{t('club.register.notifiedOn.label')}</dt>
            <dd>{club.registerNotifiedOn ? dateLong(club.registerNotifiedOn) : '—'}</dd>
          </div>
          <div>
            <dt>{t('club.register.enteredOn.label')}</dt>
            <dd>{club.registerEnteredOn ? dateLong(club.registerEnteredOn) : '—'}</dd>
          </div>
          <div>
            <dt>{t('club.register.number.label')}</dt>
            <dd>{club.registerNumber || '—'}</dd>
          </div>
        </dl>
      </section>
      {missing.length > 0 ? (
        <div className="warning-box">
          <h2>{t('club.register.missing.title')}</h2>
          <ul>
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
          {abilities.manage ? <Link to={`${base}/settings`}>{t('club.register.missing.fix')}</Link> : null}
        </div>
      ) : null}
      <section aria-labelledby="data" className="section">
        <h2 id="data">{t('club.register.section.club')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('club.form.name.label')}</dt>
            <dd>{club.name}</dd>
          </div>
          <div>
            <dt>{t('club.premises.address.label')}</dt>
            <dd>{club.premisesAddress || '—'}</dd>
          </div>
          <div>
            <dt>{t('club.form.openedOn.label')}</dt>
            <dd>{club.openedOn ? dateLong(club.openedOn) : '—'}</dd>
          </div>
        </dl>
        <h2>{t('club.register.section.runBy')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('club.register.runBy')}</dt>
            <dd>{runBy?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>NIP</dt>
            <dd>{runBy?.nip ?? '—'}</dd>
          </div>
          <div>
            <dt>REGON</dt>
            <dd>{runBy?.regon ?? '—'}</dd>
          </div>
          <div>
            <dt>KRS</dt>
            <dd>{runBy?.krs ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('club.register.address')}</dt>
            <dd>{runBy?.address || '—'}</dd>
          </div>
        </dl>
        <h2>{t('club.register.section.activities')}</h2>
        {entry.activities.length === 0 ? (
          <p>{t('club.register.activitiesNone')}</p>
        ) : (
          <ul>
            {entry.activities.map((k) => (
              <li key={k}>{t(`club.activity.kind.${k}`)}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
