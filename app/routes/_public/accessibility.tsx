import { useT } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';

/** Deklaracja dostępności: structure of the v2.0 template, with its mandatory element ids. */
/** A public page: no JavaScript is sent (see root.tsx). */
export const handle = { js: false };

export default function Accessibility() {
  const t = useT();
  return (
    <article className="prose">
      <PageHeader title={t('common.a11y.title')} />
      <p id="a11y-wstep">
        <span id="a11y-podmiot">{t('common.a11y.entity')}</span> {t('common.a11y.intro')}{' '}
        <a id="a11y-url" href="/">
          Splot
        </a>
        .
      </p>
      <ul>
        <li>
          {t('common.a11y.published')} <span id="a11y-data-publikacja">2026-11-27</span>
        </li>
        <li>
          {t('common.a11y.updated')} <span id="a11y-data-aktualizacja">2026-11-27</span>
        </li>
      </ul>
      <h2>{t('common.a11y.statusTitle')}</h2>
      <p id="a11y-status">{t('common.a11y.status')}</p>
      <h2>{t('common.a11y.preparedTitle')}</h2>
      <p>
        {t('common.a11y.prepared')} <span id="a11y-data-sporzadzenie">2026-11-27</span>.{' '}
        {t('common.a11y.method')}
      </p>
      <h2>{t('common.a11y.keyboardTitle')}</h2>
      <p>{t('common.a11y.keyboard')}</p>
      <h2 id="a11y-kontakt">{t('common.a11y.contactTitle')}</h2>
      <p>
        <span id="a11y-osoba">{t('common.a11y.contactPerson')}</span>,{' '}
        <span id="a11y-email">{t('common.a11y.contactEmail')}</span>,{' '}
        <span id="a11y-telefon">{t('common.a11y.contactPhone')}</span>
      </p>
      <h2 id="a11y-procedura">{t('common.a11y.procedureTitle')}</h2>
      <p>{t('common.a11y.procedure')}</p>
      <h2 id="a11y-architektura">{t('common.a11y.architectureTitle')}</h2>
      <p>{t('common.a11y.architecture')}</p>
      <h2 id="a11y-aplikacje">{t('common.a11y.appsTitle')}</h2>
      <p>{t('common.a11y.apps')}</p>
    </article>
  );
}
