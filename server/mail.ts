import nodemailer from 'nodemailer';
import { log } from '../app/lib/logger.ts';
import type { Mail } from '../app/lib/services.ts';

export type MailTransport = { deliver(mail: Mail): Promise<void> };

/** SMTP when SMTP_URL is set (smtp://user:pass@host:port); otherwise mail is printed to the console. */
export function createTransport(smtpUrl: string | undefined, from: string): MailTransport {
  if (!smtpUrl) {
    return {
      async deliver(mail) {
        process.stdout.write(
          `\n----- e-mail (console; set SMTP_URL to send) -----\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n${(mail.attachments ?? []).map((a) => `[attachment: ${a.filename}, ${a.contentType}]\n`).join('')}--------------------------------------------------\n\n`,
        );
      },
    };
  }
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async deliver(mail) {
      await transporter.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        attachments: mail.attachments?.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      log('info', 'mail sent', { to: mail.to, subject: mail.subject });
    },
  };
}
