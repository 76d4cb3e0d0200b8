import { escapeHtml } from '../../lib/html.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** A message's parts: paragraphs, and at most one button-like link (its URL is also written out in the text). */
interface Parts {
  subject: string;
  greeting?: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}

const PRODUCT = 'AI Coder';

function render({ subject, greeting = 'Hello,', paragraphs, action, footer }: Parts): RenderedMail {
  const text = [
    greeting,
    '',
    ...paragraphs.flatMap((p) => [p, '']),
    ...(action ? [`${action.label}: ${action.url}`, ''] : []),
    ...(footer ? [footer, ''] : []),
    `— ${PRODUCT}`,
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111;max-width:36rem">
<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
${
  action
    ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;padding:.6rem 1rem;background:#2563eb;color:#fff;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p>
<p style="font-size:.85rem;color:#555">Or open this address: ${escapeHtml(action.url)}</p>`
    : ''
}
${footer ? `<p style="font-size:.85rem;color:#555">${escapeHtml(footer)}</p>` : ''}
<p>— ${PRODUCT}</p>
</body></html>`;
  return { subject, text, html };
}

/** Who an alert is about. An organization's name is its owner's free text, so it never reaches a subject. */
export type PayerLabel = { kind: 'user' } | { kind: 'organization'; id: string; name: string };

const SHOWN_NAME_CHARS = 40;

/**
 * An organization's name as mail may show it: letters, digits, spaces and - _ ' & ( ) only (no dots, slashes or
 * colons, so it cannot read as a link or an address), cut to 40 characters, always quoted and next to the id.
 */
export function shownOrganizationName(name: string): string {
  const plain = name
    .replace(/[^\p{L}\p{N} _'&()-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > SHOWN_NAME_CHARS ? `${plain.slice(0, SHOWN_NAME_CHARS).trimEnd()}…` : plain;
}

const subjectOf = (payer: PayerLabel) => (payer.kind === 'user' ? 'Your account' : 'An organization you manage');

function payerPhrase(payer: PayerLabel, start: 'upper' | 'lower' = 'upper'): string {
  if (payer.kind === 'user') return start === 'upper' ? 'Your account' : 'your account';
  const label = `organization you manage (id ${payer.id}, named "${shownOrganizationName(payer.name)}")`;
  return start === 'upper' ? `The ${label}` : `the ${label}`;
}

const IGNORE = 'If you did not ask for this, ignore this message: nothing changes until the link is used.';

export const templates = {
  passwordReset: (url: string, minutes: number) =>
    render({
      subject: `Reset your ${PRODUCT} password`,
      paragraphs: [
        `Someone (hopefully you) asked to reset the password of the ${PRODUCT} account of this address.`,
        `The link works once, for ${minutes} minutes. Resetting signs you out everywhere.`,
      ],
      action: { label: 'Choose a new password', url },
      footer: IGNORE,
    }),
  verifyEmail: (url: string, hours: number) =>
    render({
      subject: `Confirm your ${PRODUCT} email address`,
      paragraphs: [
        `Confirm that this address belongs to your ${PRODUCT} account. The link works once, for ${hours} hours.`,
      ],
      action: { label: 'Confirm this address', url },
      footer: `If you did not create an ${PRODUCT} account, do not confirm: someone else typed your address. To take the account over, use "Forgot password" with this address instead.`,
    }),
  emailChangeConfirm: (url: string, hours: number, requestingAccount: string) =>
    render({
      subject: `Confirm your new ${PRODUCT} email address`,
      paragraphs: [
        `The ${PRODUCT} account ${requestingAccount} asked to use this address from now on.`,
        `Confirm only if you asked for this yourself: confirming gives that account this address, and with it every sign-in made with this address. The page asks for that account's password; the link works once, for ${hours} hours.`,
      ],
      action: { label: 'Confirm the new address', url },
      footer: 'If you did not ask for this, do not confirm: ignore this message, and nothing changes.',
    }),
  emailChangeRequested: (newEmail: string, cancelUrl: string | null) =>
    render({
      subject: `A change of your ${PRODUCT} email address was requested`,
      paragraphs: [
        `Someone signed in to your account asked to change its address to ${newEmail}. Nothing changes until that address confirms.`,
        cancelUrl
          ? 'If this was not you, cancel the change with the link below, then reset your password.'
          : 'If this was not you, reset your password now.',
      ],
      action: cancelUrl ? { label: 'Cancel this change', url: cancelUrl } : undefined,
    }),
  emailChanged: (newEmail: string) =>
    render({
      subject: `Your ${PRODUCT} email address was changed`,
      paragraphs: [
        `The address of your ${PRODUCT} account is now ${newEmail}; this address no longer receives its mail.`,
        'If this was not you, reset your password and contact support.',
      ],
    }),
  passwordChanged: (how: 'changed' | 'reset') =>
    render({
      subject: `Your ${PRODUCT} password was ${how}`,
      paragraphs: [
        `The password of your ${PRODUCT} account was ${how === 'reset' ? 'reset with a link sent to this address' : 'changed'}; every other session was signed out.`,
        'If this was not you, reset your password now.',
      ],
    }),
  quotaAlert: (level: 'warning' | 'exhausted', payer: PayerLabel, periodEnd: Date, settingsHint: string) =>
    render({
      subject:
        level === 'warning'
          ? `${subjectOf(payer)}: 80 % of this month's tokens used`
          : `${subjectOf(payer)}: this month's tokens are used up`,
      paragraphs: [
        level === 'warning'
          ? `${payerPhrase(payer)} has used more than 80 % of its monthly token quota.`
          : `${payerPhrase(payer)} has used all of its monthly token quota; requests are refused until it resets or the plan is upgraded.`,
        `The quota resets on ${periodEnd.toISOString().slice(0, 10)}.`,
      ],
      footer: settingsHint,
    }),
  paymentFailed: (payer: PayerLabel, settingsHint: string) =>
    render({
      subject: `${PRODUCT}: a payment for ${payer.kind === 'user' ? 'your account' : 'an organization you manage'} failed`,
      paragraphs: [
        `The latest subscription payment for ${payerPhrase(payer, 'lower')} failed. The plan stays for a grace period; update the payment method in the billing portal to keep it.`,
      ],
      footer: settingsHint,
    }),
};

export const ALERTS_HINT =
  'You get this alert because alerts are on in your profile; turn them off with PATCH /users/me {"email_alerts": false}.';
