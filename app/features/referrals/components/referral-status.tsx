import { useT } from '../../../components/ui/i18n-context.tsx';
import type { ReferralStatus } from '../referral.rules.ts';

/** The status in words, with a colour that only repeats what the words say. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const t = useT();
  return <span className={`badge badge--referral-${status}`}>{t(`referrals.status.${status}`)}</span>;
}
