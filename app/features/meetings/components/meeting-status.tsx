import { useT } from '../../../components/ui/i18n-context.tsx';
import type { MeetingStatus } from '../meeting.rules.ts';

const BADGE: Record<MeetingStatus, string> = {
  planned: 'badge badge--in_progress',
  held: 'badge badge--done',
  cancelled: 'badge badge--not_started',
};

/** The meeting's status in words (the colour only repeats them). */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const t = useT();
  return <span className={BADGE[status]}>{t(`meetings.status.${status}`)}</span>;
}
