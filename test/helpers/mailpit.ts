import { randomBytes } from 'node:crypto';
import { waitFor } from './wait.js';

/** Mailpit's HTTP API (the web UI's address); `npm test` starts Mailpit with its SMTP at TEST_SMTP_URL. */
export const MAILPIT_URL = (process.env.TEST_MAILPIT_URL ?? 'http://127.0.0.1:8025').replace(/\/+$/, '');

export interface MailSummary {
  ID: string;
  Subject: string;
  Created: string;
  To: Array<{ Address: string }>;
}

export interface Mail extends MailSummary {
  Text: string;
  HTML: string;
}

/** A unique address per call, so test files running in parallel never read each other's mail. */
export const mailbox = (label = 'mail') => `${label}-${randomBytes(6).toString('hex')}@mail.test`;

async function api<T>(path: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${MAILPIT_URL}${path}`);
  } catch (error) {
    throw new Error(
      `Mailpit does not answer at ${MAILPIT_URL} (npm test starts it; by hand: npx tsx scripts/services.ts ensure): ${(error as Error).message}`,
    );
  }
  if (!res.ok) throw new Error(`Mailpit ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** Every message sent to `address`, newest first (summaries). */
export async function messagesTo(address: string): Promise<MailSummary[]> {
  const found = await api<{ messages: MailSummary[] }>(
    `/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=200`,
  );
  // Mailpit's `to:` matches substrings; keep exact recipients only.
  return found.messages.filter((m) => m.To.some((t) => t.Address.toLowerCase() === address.toLowerCase()));
}

export async function readMessage(id: string): Promise<Mail> {
  return api<Mail>(`/api/v1/message/${encodeURIComponent(id)}`);
}

/** Waits until `address` has received `count` messages (optionally matching a subject) and returns them, newest first. */
export async function waitForMail(
  address: string,
  { count = 1, subject }: { count?: number; subject?: RegExp } = {},
): Promise<Mail[]> {
  const summaries = await waitFor(
    async () => {
      const all = (await messagesTo(address)).filter((m) => !subject || subject.test(m.Subject));
      return all.length >= count ? all : undefined;
    },
    `${count} mail(s) to ${address}${subject ? ` matching ${subject}` : ''}`,
    30_000,
  );
  return Promise.all(summaries.map((m) => readMessage(m.ID)));
}

/** The latest message to `address` (waiting for it), with the first link to `path` in its text and that link's token. */
export async function linkIn(
  address: string,
  path: string,
  subject?: RegExp,
): Promise<{ mail: Mail; url: string; token: string }> {
  const [mail] = await waitForMail(address, { subject });
  const match = new RegExp(`https?://\\S+${path.replace(/[/.?]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`).exec(mail!.Text);
  if (!match) throw new Error(`no ${path} link in the mail to ${address}: ${mail!.Text}`);
  return { mail: mail!, url: match[0], token: decodeURIComponent(match[1]!) };
}

/** How many messages `address` has received so far (check it once the jobs that could send are done). */
export async function countMail(address: string): Promise<number> {
  return (await messagesTo(address)).length;
}
