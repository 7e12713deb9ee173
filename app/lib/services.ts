import type { Db } from '../../db/client.ts';

/** Attachments travel through the job queue as JSON, so their content is text (e.g. iCalendar). */
export type MailAttachment = { filename: string; contentType: string; content: string };
export type Mail = { to: string; subject: string; text: string; attachments?: MailAttachment[] };

/** Queues an e-mail for delivery (pg-boss in the server; a recorder in tests). */
export type MailQueue = { send(mail: Mail): Promise<void> };

/** Where material files are stored (issue 5): `<dataDir>/materials/` unless S3 is configured. */
export type MaterialStorageSettings = {
  dataDir: string;
  s3: {
    endpoint: string;
    bucket: string;
    accessKeyId: string;
    secretAccessKey: string;
    region: string;
  } | null;
};

export type AppConfig = {
  /** Base URL for links in e-mails; when unset, the request's own origin is used. */
  publicUrl: string | null;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Whether the server sits behind a proxy whose X-Forwarded-* headers are trusted. */
  trustProxy: boolean;
  /** Material files; absent in tests, where the environment (DATA_DIR, S3_*) decides. */
  materialStorage?: MaterialStorageSettings;
};

export type Services = { db: Db; mail: MailQueue; config: AppConfig };

export const DEFAULT_CONFIG: AppConfig = {
  publicUrl: null,
  sessionIdleMinutes: 120,
  sessionMaxHours: 12,
  trustProxy: false,
};
