/** Financing: kinds, application status commands, grant schedules and reminder windows (no I/O). */

export const SOURCE_KINDS = ['efs_plus', 'labour_fund', 'pfron', 'municipality', 'private', 'other'] as const;
export const APPLICATION_STATUSES = ['planned', 'submitted', 'granted', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const GRANT_KINDS = ['job_creation', 'bridging', 'other'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];
export const OFFER_KINDS = ['orders', 'mentoring', 'premises', 'equipment', 'other'] as const;
export const OFFER_STATUSES = ['open', 'taken', 'closed'] as const;

/** The dated parameter `financing.reminders`. */
export type RemindersParameter = { deadlineDaysBefore: number; obligationDaysBefore: number };
export const REMINDERS_PARAMETER = 'financing.reminders';

/** The named commands that move an application, and from which statuses each may run. */
export const APPLICATION_COMMANDS = {
  submit: { from: ['planned'], to: 'submitted' },
  grant: { from: ['submitted'], to: 'granted' },
  reject: { from: ['submitted'], to: 'rejected' },
  withdraw: { from: ['planned', 'submitted'], to: 'withdrawn' },
} as const satisfies Record<string, { from: readonly ApplicationStatus[]; to: ApplicationStatus }>;
export type ApplicationCommand = keyof typeof APPLICATION_COMMANDS;

export function isApplicationCommand(value: string): value is ApplicationCommand {
  return Object.hasOwn(APPLICATION_COMMANDS, value);
}

/** The commands open to an application in this status (for the page's buttons). */
export function availableCommands(status: string): ApplicationCommand[] {
  return (Object.keys(APPLICATION_COMMANDS) as ApplicationCommand[]).filter((c) =>
    (APPLICATION_COMMANDS[c].from as readonly string[]).includes(status),
  );
}

export type CommandProblem =
  | { field: '_form'; key: 'wrongStatus' }
  | { field: 'submittedOn'; key: 'submittedOnRequired' | 'submittedOnFuture' }
  | { field: '_form'; key: 'noDocuments' }
  | { field: 'decidedOn'; key: 'decidedOnRequired' | 'decidedOnFuture' | 'decidedBeforeSubmitted' };

/**
 * The rules of a command: it must be open from the current status; submitting needs a submission
 * date not in the future and at least one document; granting and rejecting need a decision date
 * not in the future and not before the submission. Every problem is returned at once.
 */
export function checkCommand(
  command: ApplicationCommand,
  app: { status: string; submittedOn: string | null; documents: number },
  input: { submittedOn: string | null; decidedOn: string | null },
  today: string,
): CommandProblem[] {
  const problems: CommandProblem[] = [];
  if (!(APPLICATION_COMMANDS[command].from as readonly string[]).includes(app.status))
    return [{ field: '_form', key: 'wrongStatus' }];
  if (command === 'submit') {
    if (!input.submittedOn) problems.push({ field: 'submittedOn', key: 'submittedOnRequired' });
    else if (input.submittedOn > today) problems.push({ field: 'submittedOn', key: 'submittedOnFuture' });
    if (app.documents < 1) problems.push({ field: '_form', key: 'noDocuments' });
  }
  if (command === 'grant' || command === 'reject') {
    if (!input.decidedOn) problems.push({ field: 'decidedOn', key: 'decidedOnRequired' });
    else if (input.decidedOn > today) problems.push({ field: 'decidedOn', key: 'decidedOnFuture' });
    else if (app.submittedOn && input.decidedOn < app.submittedOn)
      problems.push({ field: 'decidedOn', key: 'decidedBeforeSubmitted' });
  }
  return problems;
}

/** PLN as integer grosze (the decimal strings from the database or the form). */
export function toGrosze(pln: string | number): number {
  return Math.round(Number(pln) * 100);
}
export function fromGrosze(grosze: number): string {
  const sign = grosze < 0 ? '-' : '';
  const abs = Math.abs(grosze);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export type ScheduleCheck =
  | { ok: true }
  | { ok: false; key: 'missing' | 'excess'; total: string; amount: string; difference: string };

/** Whether a schedule adds up to the grant's amount; when not, the sums and the gap (in PLN strings). */
export function checkSchedule(amountPln: string, instalments: { amountPln: string }[]): ScheduleCheck {
  const amount = toGrosze(amountPln);
  const total = instalments.reduce((s, i) => s + toGrosze(i.amountPln), 0);
  if (total === amount) return { ok: true };
  return {
    ok: false,
    key: total < amount ? 'missing' : 'excess',
    total: fromGrosze(total),
    amount: fromGrosze(amount),
    difference: fromGrosze(Math.abs(amount - total)),
  };
}

/** The same day of the month `months` later (the 31st becomes the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * N equal monthly instalments from the first due date; each is the amount divided by N rounded
 * down to the grosz, and the last one absorbs the rest so the schedule adds up exactly.
 */
export function equalInstalments(
  amountPln: string,
  count: number,
  firstDueOn: string,
): { dueOn: string; amountPln: string }[] {
  if (!Number.isInteger(count) || count < 1) return [];
  const amount = toGrosze(amountPln);
  const each = Math.floor(amount / count);
  return Array.from({ length: count }, (_, i) => ({
    dueOn: addMonths(firstDueOn, i),
    amountPln: fromGrosze(i === count - 1 ? amount - each * (count - 1) : each),
  }));
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether a date falls within the reminder window: from `daysBefore` days before it up to the day itself. */
export function inReminderWindow(due: string, today: string, daysBefore: number): boolean {
  const left = daysBetween(today, due);
  return left >= 0 && left <= daysBefore;
}

/** The document types an application may carry, by extension; the bytes must agree. */
const EXTENSIONS: Record<
  string,
  { type: string; mime: string; magic: 'pdf' | 'zip' | 'ole' | 'png' | 'jpg' }
> = {
  pdf: { type: 'pdf', mime: 'application/pdf', magic: 'pdf' },
  doc: { type: 'doc', mime: 'application/msword', magic: 'ole' },
  docx: {
    type: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: 'zip',
  },
  odt: { type: 'odt', mime: 'application/vnd.oasis.opendocument.text', magic: 'zip' },
  xls: { type: 'xls', mime: 'application/vnd.ms-excel', magic: 'ole' },
  xlsx: {
    type: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: 'zip',
  },
  ods: { type: 'ods', mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: 'zip' },
  png: { type: 'png', mime: 'image/png', magic: 'png' },
  jpg: { type: 'jpg', mime: 'image/jpeg', magic: 'jpg' },
  jpeg: { type: 'jpg', mime: 'image/jpeg', magic: 'jpg' },
};
const MAGIC: Record<string, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46],
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0],
  png: [0x89, 0x50, 0x4e, 0x47],
  jpg: [0xff, 0xd8, 0xff],
};

/** The dated parameter `financing.documentFiles`: the size limit and the allowed types (extensions). */
export type DocumentFilesParameter = { maxBytes: number; types: string[] };

export type DocumentCheck =
  | { ok: true; contentType: string }
  | {
      ok: false;
      key: 'empty' | 'tooLarge' | 'typeNotAllowed' | 'notWhatItSays';
      values?: Record<string, string | number>;
    };

/** Megabytes with one decimal (never 0 for a non-empty file). */
export function megabytes(bytes: number): number {
  const mb = Math.round((bytes / 1_048_576) * 10) / 10;
  return bytes > 0 && mb === 0 ? 0.1 : mb;
}

/** A document's type (from its name, confirmed by its first bytes) and size against the parameter. */
export function checkDocument(
  file: { name: string; bytes: Uint8Array },
  params: DocumentFilesParameter,
): DocumentCheck {
  const types = params.types.map((t) => t.toUpperCase()).join(', ');
  if (file.bytes.length === 0) return { ok: false, key: 'empty' };
  if (file.bytes.length > params.maxBytes)
    return {
      ok: false,
      key: 'tooLarge',
      values: { size: megabytes(file.bytes.length), max: megabytes(params.maxBytes) },
    };
  const ext = /\.([a-z0-9]{1,8})$/i.exec(file.name.trim())?.[1]?.toLowerCase() ?? '';
  const spec = EXTENSIONS[ext];
  if (!spec || !params.types.includes(spec.type))
    return { ok: false, key: 'typeNotAllowed', values: { types } };
  const magic = MAGIC[spec.magic]!;
  if (!magic.every((b, i) => file.bytes[i] === b))
    return { ok: false, key: 'notWhatItSays', values: { type: spec.type.toUpperCase() } };
  return { ok: true, contentType: spec.mime };
}

/** How many schedule rows the grant form offers (without JavaScript, rows are fixed). */
export const SCHEDULE_ROWS = 8;

/** How many rows the "change the schedule" form offers: the unpaid instalments and two more. */
export function rescheduleRows(unpaid: number): number {
  return Math.min(60, Math.max(SCHEDULE_ROWS, unpaid + 2));
}
