import type { Flash } from '../../lib/flash.ts';
import { useT } from './i18n-context.tsx';

export function FlashMessage({ flash }: { flash: Flash | null }) {
  const t = useT();
  if (!flash) return null;
  return (
    <div className={`flash flash--${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
      {t(flash.key, flash.values)}
    </div>
  );
}
