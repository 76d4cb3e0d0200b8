import nodemailer from 'nodemailer';
import type { RenderedMail } from './templates.js';

export interface MailTransport {
  send(to: string, mail: RenderedMail): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer: `smtp://` upgrades with STARTTLS when the server offers it, `smtps://` is TLS from the
 * start; credentials come in the URL. A pool keeps a few connections open for bursts of alerts.
 */
export function createMailTransport({ smtpUrl, from }: { smtpUrl: string; from: string }): MailTransport {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    pool: true,
    maxConnections: 3,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // nodemailer's own logging would print message bodies, and so the links in them.
    logger: false,
    debug: false,
  });
  return {
    async send(to, mail) {
      await transporter.sendMail({ from, to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transporter.close(),
  };
}
