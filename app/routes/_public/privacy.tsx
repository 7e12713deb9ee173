import { useT } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';

/** A public page: no JavaScript is sent (see root.tsx). */
export const handle = { js: false };

export default function Privacy() {
  const t = useT();
  return (
    <article className="prose">
      <PageHeader title={t('common.privacy.title')} />
      <p>{t('common.privacy.controller')}</p>
      <p>{t('common.privacy.purpose')}</p>
      <p>{t('common.privacy.rights')}</p>
      <p>{t('common.privacy.cookies')}</p>
    </article>
  );
}
