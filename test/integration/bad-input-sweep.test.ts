import http from 'node:http';
import { randomBytes } from 'node:crypto';
import jwt from 'jsonwebtoken';
import mongoose from 'mongoose';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/harness.js';
import { startStripeMock, type StripeMock } from '../helpers/stripe-mock.js';
import { FAKE_CLIENT, startFakeOAuthProvider, type FakeOAuthProvider } from '../helpers/fake-oauth-provider.js';
import { BILLING_ENV } from '../factories/stripe-events.js';
import { registerAndLogin, TEST_PASSWORD, uniqueEmail } from '../factories/users.js';
import { addMember, createOrganization, createSubUser, type Session } from '../factories/teams.js';
import { generateApiKey } from '../../src/modules/api-keys/format.js';
import { UserModel } from '../../src/models/user.js';
import { createMailTokens } from '../../src/domain/mail/tokens.js';

/**
 * Every operation in /openapi.json gets a battery of bad inputs (bodies, fields, content types, path ids, query
 * strings, credentials, other users' ids). Nothing may answer 5xx (except 503 for billing/OAuth that is not
 * configured), every error has the contract's shape and an X-Request-Id, no response carries a stack trace or a
 * secret, and the fixtures the requests aimed at are unchanged afterwards.
 */

const UPSTREAM_KEY = `sk-a4f-SWEEP-CANARY-${randomBytes(6).toString('hex')}`;
// stripe-mock accepts test keys of letters and digits after sk_test_.
const STRIPE_SECRET = `sk_test_SweepCanary${randomBytes(6).toString('hex')}`;
const METRICS_TOKEN = `metrics-${randomBytes(8).toString('hex')}`;
const CONCURRENCY = 8;
const HUGE = 'x'.repeat(100_000);
/** 503s that mean "this server is not configured for that", which the contract documents. */
const CONFIG_503 = new Set(['billing_not_configured', 'oauth_provider_not_configured', 'webhooks_not_configured']);

type Expect = 'refused' | 'safe';
interface Case {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  expect: Expect;
  /** When set, the status must be one of these. */
  status?: number[];
  /** The `<code> <status>` pairs the operation's OpenAPI entry lists (its error answers must be among them). */
  documented?: Set<string>;
}
interface Result {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: unknown;
  anyOf?: JsonSchema[];
}
interface Operation {
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

let app: TestApp;
let stripe: StripeMock;
let oauth: FakeOAuthProvider;
let doc: OpenApi;
const logLines: string[] = [];
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

/** The people and things the requests aim at. */
const fx = {} as {
  owner: Session;
  admin: Session;
  member: Session;
  other: Session;
  deactivated: Session;
  sub: { id: string; auth: Record<string, string>; email: string };
  orgId: string;
  apiKey: { id: string; key: string };
  otherOrgId: string;
  otherKeyId: string;
  otherSubId: string;
  /** A second session of the owner (the sweep's requests must end none), and one of another user. */
  ownerSessionId: string;
  otherSessionId: string;
  mailTokens: Record<string, string>;
};

function send(c: Pick<Case, 'method' | 'path' | 'headers' | 'body'>): Promise<Result> {
  const url = new URL(app.url);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...c.headers };
    if (c.body !== undefined) headers['content-length'] = Buffer.byteLength(c.body);
    let answered = false;
    const req = http.request(
      { host: url.hostname, port: url.port, method: c.method, path: c.path, headers, agent },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    // A server may answer (413) before reading a large body: the answer counts, not the broken pipe.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (c.body !== undefined) req.write(c.body);
    req.end();
  });
}

async function runAll(cases: Case[]): Promise<Array<{ c: Case; r: Result | Error }>> {
  const out: Array<{ c: Case; r: Result | Error }> = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        out.push({ c, r: await send(c).catch((error: Error) => error) });
      }
    }),
  );
  return out;
}

function secrets(): string[] {
  return [
    UPSTREAM_KEY,
    STRIPE_SECRET,
    BILLING_ENV.STRIPE_WEBHOOK_SECRET,
    FAKE_CLIENT.secret,
    app.config.JWT_SECRET_KEY,
    METRICS_TOKEN,
  ];
}

/** Everything wrong with one answer (empty when it is fine). */
function problemsOf(c: Case, r: Result | Error): string[] {
  const where = `${c.method} ${c.path.slice(0, 120)} [${c.label}]`;
  if (r instanceof Error) return [`${where}: no answer (${r.message})`];
  const problems: string[] = [];
  let body: { error?: Record<string, unknown> } | undefined;
  try {
    body = r.text ? JSON.parse(r.text) : undefined;
  } catch {
    body = undefined;
  }
  const code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
  if (r.status >= 500 && !(r.status === 503 && code && CONFIG_503.has(code)))
    problems.push(`${where}: ${r.status} ${r.text.slice(0, 200)}`);
  if (c.expect === 'refused' && r.status < 400)
    problems.push(`${where}: accepted with ${r.status} ${r.text.slice(0, 200)}`);
  if (c.status && !c.status.includes(r.status))
    problems.push(`${where}: expected ${c.status.join('/')}, got ${r.status} ${r.text.slice(0, 200)}`);
  if (!r.headers['x-request-id']) problems.push(`${where}: no X-Request-Id`);
  if (String(r.headers['x-request-id']).includes('<')) problems.push(`${where}: echoed a hostile X-Request-Id`);
  if (r.status >= 400) {
    const error = body?.error;
    const shaped =
      error &&
      typeof error.message === 'string' &&
      typeof error.type === 'string' &&
      typeof error.code === 'string' &&
      Object.keys(error).every((k) => ['message', 'type', 'code', 'param', 'details'].includes(k)) &&
      Object.keys(body!).length === 1;
    if (!shaped) problems.push(`${where}: error not in the contract's shape: ${r.status} ${r.text.slice(0, 200)}`);
    if (!String(r.headers['content-type']).startsWith('application/json'))
      problems.push(`${where}: error content-type ${r.headers['content-type']}`);
    if (/stack/i.test(r.text)) problems.push(`${where}: error mentions a stack`);
    if (!['true', 'false'].includes(String(r.headers['x-should-retry'])))
      problems.push(`${where}: error without x-should-retry`);
    if (c.documented && code && !c.documented.has(`${code} ${r.status}`))
      problems.push(`${where}: ${r.status} ${code} is not in the operation's OpenAPI entry`);
  }
  const text = r.text;
  if (/"stack"\s*:|\n\s+at |\bat [^\s"]+ \(|\.(?:ts|js):\d+:\d+|node_modules/.test(text))
    problems.push(`${where}: looks like a stack trace: ${text.slice(0, 200)}`);
  for (const word of ['password_hash', 'key_hash', 'token_hash', '$2b$', '$2a$', '$2y$']) {
    if (text.includes(word)) problems.push(`${where}: response contains ${word}`);
  }
  for (const secret of secrets())
    if (text.includes(secret) || JSON.stringify(r.headers).includes(secret))
      problems.push(`${where}: response leaks a secret`);
  return problems;
}

// ---------- building bad inputs from the OpenAPI document ----------

function deref(schema: JsonSchema): JsonSchema {
  if (schema.$ref) return deref(doc.components.schemas[schema.$ref.split('/').pop()!]!);
  if (schema.anyOf) return deref(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!);
  return schema;
}
const typeOf = (schema: JsonSchema) =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
const nullable = (schema: JsonSchema) => Array.isArray(schema.type) && schema.type.includes('null');

/** A plausible value for a field: the base the bad values replace. */
function example(raw: JsonSchema, name = ''): unknown {
  const schema = deref(raw);
  if (schema.enum) return schema.enum[0];
  switch (typeOf(schema)) {
    case 'string':
      if (/email/.test(name)) return 'sweep-nobody@example.com';
      if (/password/.test(name)) return 'sweep-password-1';
      if (schema.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      return 'sweep'.padEnd(schema.minLength ?? 0, 'x');
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 1 }, () => example(schema.items ?? {}, name));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = example(schema.properties?.[key] ?? {}, key);
      return out;
    }
    default:
      return 'sweep';
  }
}

/** Every documented field filled in: a body that passes validation where possible, so path and credential checks are what answers. */
function fullExample(raw: JsonSchema): Record<string, unknown> {
  const schema = deref(raw);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const inner = deref(value);
    out[key] = typeOf(inner) === 'object' && inner.properties ? fullExample(inner) : example(value, key);
  }
  return out;
}

/** JSON nested `depth` levels deep (deeper than JSON.stringify can serialise), as text. */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
/** Stands for a deeply nested value inside a body; `serialise` swaps the text in. */
const DEEP = '\u0000deep\u0000';
const serialise = (body: unknown) => JSON.stringify(body).replaceAll(JSON.stringify(DEEP), deepJson(20_000));

/** Values that are wrong for this field, whatever the rest of the body says. */
function badValues(raw: JsonSchema): Array<[string, unknown]> {
  const schema = deref(raw);
  const type = typeOf(schema);
  const values: Array<[string, unknown]> = [
    ['operator $gt', { $gt: '' }],
    ['operator $ne', { $ne: null }],
    ['operator $where', { $where: 'sleep(100)' }],
    ['deeply nested object', DEEP],
  ];
  if (!nullable(schema) && type !== undefined) values.push(['null', null]);
  if (type === 'string') {
    values.push(
      ['number for string', 12345],
      ['array for string', ['x']],
      ['huge string', HUGE],
      ['NUL character', 'sweep\u0000x'],
    );
    if (schema.enum) values.push(['not in enum', 'not-a-real-choice']);
    if (schema.maxLength !== undefined) values.push(['one over maxLength', 'x'.repeat(schema.maxLength + 1)]);
    if (schema.format === 'date-time')
      values.push(['not a date', 'yesterday'], ['a past date', '2001-01-01T00:00:00Z']);
  }
  if (type === 'integer' || type === 'number') {
    values.push(['string for number', '12'], ['huge number', 1e308], ['boolean for number', true]);
    if (schema.minimum !== undefined) values.push(['below minimum', schema.minimum - 1]);
    if (schema.maximum !== undefined) values.push(['above maximum', schema.maximum + 1]);
    if (type === 'integer') values.push(['fraction', 1.5]);
  }
  if (type === 'boolean') values.push(['string for boolean', 'true'], ['number for boolean', 1]);
  if (type === 'array')
    values.push(
      ['string for array', 'x'],
      ['array of objects', [{ $gt: '' }]],
      ['huge array', Array.from({ length: 5000 }, () => 'x')],
    );
  if (type === 'object') values.push(['array for object', ['x']], ['string for object', 'x']);
  return values;
}

/** Field paths to mutate: every top-level property and the properties of nested objects. */
function fieldPaths(raw: JsonSchema): Array<{ path: string[]; schema: JsonSchema }> {
  const schema = deref(raw);
  const out: Array<{ path: string[]; schema: JsonSchema }> = [];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    out.push({ path: [key], schema: value });
    const inner = deref(value);
    for (const [sub, subValue] of Object.entries(inner.properties ?? {}))
      out.push({ path: [key, sub], schema: subValue });
  }
  return out;
}

function withField(base: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  if (path.length === 1) return { ...base, [path[0]!]: value };
  const inner = (base[path[0]!] as Record<string, unknown> | undefined) ?? {};
  return { ...base, [path[0]!]: { ...inner, [path[1]!]: value } };
}

const json = { 'content-type': 'application/json' };

/** The fixtures a path template is filled with, and the same for another user's things (who must get 404). */
function fill(template: string, mine: boolean): string {
  const isAdmin = template.startsWith('/admin/users');
  const ids: Record<string, string> = template.startsWith('/api-keys')
    ? { id: mine ? fx.apiKey.id : fx.otherKeyId }
    : template.startsWith('/organizations')
      ? { id: mine ? fx.orgId : fx.otherOrgId, userId: fx.member.user.id }
      : template.startsWith('/sub-users')
        ? { id: mine ? fx.sub.id : fx.otherSubId }
        : template.startsWith('/auth/sessions')
          ? { id: mine ? fx.ownerSessionId : fx.otherSessionId }
          : template.startsWith('/llm/requests')
            ? // A well-formed id of a request the caller does not own (nobody's): answered 404 like another user's.
              { id: 'req_sweepNotTheCallersRequest0' }
            : template.startsWith('/v1/responses')
              ? { response_id: 'resp_sweepNotTheCallersResponse0' }
              : isAdmin
                ? { id: fx.member.user.id }
                : { provider: 'github' };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'x');
}

function authFor(template: string): Record<string, string> {
  if (template === '/metrics') return { authorization: `Bearer ${METRICS_TOKEN}` };
  return template.startsWith('/admin') ? fx.admin.auth : fx.owner.auth;
}

function forgedTokens(): Array<[string, string]> {
  const secret = app.config.JWT_SECRET_KEY;
  const opts = { issuer: app.config.JWT_ISSUER, audience: app.config.JWT_AUDIENCE, algorithm: 'HS256' as const };
  const sign = (payload: object, extra: jwt.SignOptions = {}) => jwt.sign(payload, secret, { ...opts, ...extra });
  const id = fx.owner.user.id;
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
    JSON.stringify({
      sub: fx.admin.user.id,
      ver: 0,
      typ: 'access',
      iss: opts.issuer,
      aud: opts.audience,
      exp: Math.floor(Date.now() / 1000) + 600,
    }),
  ).toString('base64url')}.`;
  return [
    ['alg none', none],
    [
      'other secret',
      jwt.sign({ ver: 0, typ: 'access' }, 'not-the-secret-not-the-secret-not-the-secret', { ...opts, subject: id }),
    ],
    ['sub is a regex', sign({ ver: 0, typ: 'access', sub: '.*' })],
    ['sub is an operator', sign({ ver: 0, typ: 'access', sub: { $gt: '' } })],
    ['sub of nobody', sign({ ver: 0, typ: 'access' }, { subject: '0'.repeat(24) })],
    ['ver is a string', sign({ ver: '0', typ: 'access' }, { subject: id })],
    ['ver is an operator', sign({ ver: { $gte: 0 }, typ: 'access' }, { subject: id })],
    ['typ refresh', sign({ ver: 0, typ: 'refresh' }, { subject: id })],
    ['expired', sign({ ver: 0, typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 }, { subject: id })],
    ['wrong audience', sign({ ver: 0, typ: 'access' }, { subject: id, audience: 'someone-else' })],
    ['stale version', sign({ ver: 99, typ: 'access' }, { subject: id })],
  ];
}

function badCredentials(): Array<[string, Record<string, string>]> {
  const bogusKey = generateApiKey().key;
  const list: Array<[string, Record<string, string>]> = [
    ['no credentials', {}],
    ['empty bearer', { authorization: 'Bearer' }],
    ['blank bearer', { authorization: 'Bearer    ' }],
    ['basic auth', { authorization: 'Basic dXNlcjpwYXNzd29yZA==' }],
    ['two tokens', { authorization: `Bearer ${fx.owner.accessToken} ${fx.owner.accessToken}` }],
    ['garbage bearer', { authorization: 'Bearer not.a.token' }],
    ['huge bearer', { authorization: `Bearer ${'a'.repeat(8000)}` }],
    ['bad api key checksum', { authorization: `Bearer aic_${'A'.repeat(38)}` }],
    ['unknown api key', { authorization: `Bearer ${bogusKey}` }],
    ['api key with regex chars', { authorization: 'Bearer aic_.*' }],
    ['refresh token as bearer', { authorization: `Bearer ${fx.owner.refreshToken}` }],
    ['deactivated user', fx.deactivated.auth],
  ];
  for (const [label, token] of forgedTokens())
    list.push([`forged token: ${label}`, { authorization: `Bearer ${token}` }]);
  return list;
}

const PATH_ATTACKS: Array<[string, string]> = [
  ['not an id', 'not-an-id'],
  ['missing id', '0'.repeat(24)],
  ['uppercase id', 'ABCDEF0123456789ABCDEF01'],
  ['very long id', 'a'.repeat(3000)],
  ['regex', '.*'],
  ['regex backtracking', encodeURIComponent('(a+)+$')],
  ['operator text', encodeURIComponent('{"$gt":""}')],
  ['dollar', '%24ne'],
  ['nul byte', 'abc%00def'],
  ['malformed escape', '%E0%A4%A'],
  ['bad escape', '%zz'],
  ['dot segments', '..%2F..%2Fetc%2Fpasswd'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['toString', 'toString'],
  ['unicode', encodeURIComponent('ид\u202e')],
];

/** The error codes an operation documents, as `<code> <status>`. */
function documentedErrors(op: Operation): Set<string> {
  const pairs = Object.entries(op.responses).flatMap(([status, response]) =>
    (response.content?.['application/json']?.schema.properties?.error?.properties?.code?.enum ?? []).map(
      (code) => `${String(code)} ${status}`,
    ),
  );
  return new Set(pairs);
}

function casesFor(template: string, method: string, op: Operation): Case[] {
  const M = method.toUpperCase();
  const cases: Case[] = [];
  const documented = documentedErrors(op);
  const path = fill(template, true);
  // Bearer credentials (access tokens, API keys, the metrics token); the webhook's signature has its own cases.
  const secured = Boolean(op.security?.some((scheme) => 'bearer' in scheme || 'metricsToken' in scheme));
  const auth = secured ? authFor(template) : {};
  const content = op.requestBody?.content ?? {};
  const bodySchema = content['application/json']?.schema ?? content['application/x-www-form-urlencoded']?.schema;
  const base = bodySchema ? (example(bodySchema) as Record<string, unknown>) : undefined;
  const baseBody = base ? JSON.stringify(base) : undefined;
  const fullBody = bodySchema ? JSON.stringify(fullExample(bodySchema)) : undefined;
  const baseHeaders = base ? { ...auth, ...json } : auth;
  const add = (label: string, expect: Expect, parts: Partial<Case>, status?: number[]) =>
    cases.push({ label, method: M, path, headers: baseHeaders, body: baseBody, expect, status, documented, ...parts });

  // The body parser refuses malformed JSON on every route, before any route code runs.
  const malformed: Array<[string, string]> = [
    ['malformed json', '{"a":'],
    ['single quotes', "{'a':1}"],
    ['trailing garbage', '{}x'],
    ['bare word', 'nul'],
  ];
  for (const [label, text] of malformed) {
    add(label, 'refused', { headers: { ...auth, ...json }, body: text }, [400]);
  }
  add(
    'body over the size limit',
    'refused',
    { headers: { ...auth, ...json }, body: JSON.stringify({ a: 'x'.repeat(1_100_000) }) },
    [413],
  );

  if (bodySchema) {
    const notObjects: Array<[string, string]> = [
      ['json array', `[${baseBody}]`],
      ['json string', '"str"'],
      ['json number', '42'],
      ['json null', 'null'],
      ['json true', 'true'],
    ];
    for (const [label, text] of notObjects) {
      add(label, 'refused', { body: text }, [400]);
    }
    add('deeply nested body', 'refused', { body: deepJson(20_000) });
    add('deeply nested arrays', 'refused', { body: `${'['.repeat(20_000)}${']'.repeat(20_000)}` });
    add('NUL in a key', 'refused', { body: JSON.stringify({ ...base, 'k\u0000': 1 }) }, [400]);
    add('unknown fields only', 'refused', {
      body: '{"unknown_field":1,"is_admin":true,"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
    });
    for (const { path: field, schema } of fieldPaths(bodySchema)) {
      for (const [label, value] of badValues(schema)) {
        add(`${field.join('.')}: ${label}`, 'refused', { body: serialise(withField(base!, field, value)) });
      }
    }
    const formOk = Boolean(content['application/x-www-form-urlencoded']);
    const wrongTypes: Array<[string, string, string]> = [
      ['text/plain', 'text/plain', baseBody!],
      ['xml', 'application/xml', '<a>1</a>'],
      [
        'multipart',
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
      ],
      ['json in utf-16', 'application/json; charset=utf-16', baseBody!],
      ['no content type', '', baseBody!],
    ];
    if (!formOk)
      wrongTypes.push([
        'form',
        'application/x-www-form-urlencoded',
        new URLSearchParams(Object.keys(base!).length ? (base as Record<string, string>) : { a: '1' }).toString(),
      ]);
    for (const [label, type, text] of wrongTypes) {
      const headers: Record<string, string> = type ? { ...auth, 'content-type': type } : { ...auth };
      add(`content type: ${label}`, 'refused', { headers, body: text }, [400, 415]);
    }
    add(
      'gzip that is not gzip',
      'refused',
      { headers: { ...auth, ...json, 'content-encoding': 'gzip' }, body: baseBody },
      [400, 415],
    );
    add(
      'unknown content encoding',
      'refused',
      { headers: { ...auth, ...json, 'content-encoding': 'zstd-nope' }, body: baseBody },
      [415],
    );
    if (formOk) {
      add(
        'form: repeated fields',
        'refused',
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=a&username=b&password=x' },
        [400],
      );
      add(
        'form: bracket operators',
        'refused',
        { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username[$gt]=&password[$ne]=' },
        [400],
      );
    }
  }

  // Path ids: garbage, other people's things, characters that mean something to a regex or to MongoDB.
  for (const name of (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name)) {
    for (const [label, value] of PATH_ATTACKS) {
      const attacked = fill(template.replace(`{${name}}`, '\u0000'), true).replace('\u0000', value);
      add(`path ${name}: ${label}`, 'refused', { path: attacked, body: fullBody }, [400, 404]);
    }
  }
  if (secured && /\{/.test(template) && !template.startsWith('/admin')) {
    add("another user's resource", 'refused', { path: fill(template, false), body: fullBody }, [404]);
  }

  // Query strings: repeated keys, operators, numbers that are not numbers.
  const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
  const q = (query: string) => `${path}?${query}`;
  for (const p of queryParams) {
    const type = typeOf(deref(p.schema));
    add(`query ${p.name}: repeated`, 'refused', { path: q(`${p.name}=1&${p.name}=2`) }, [400]);
    add(`query ${p.name}: bracket operator`, 'safe', { path: q(`${p.name}[$gt]=`) });
    add(`query ${p.name}: operator text`, 'safe', { path: q(`${p.name}=${encodeURIComponent('{"$gt":""}')}`) });
    add(`query ${p.name}: huge`, 'refused', { path: q(`${p.name}=${'x'.repeat(5000)}`) }, [400]);
    add(`query ${p.name}: nul and malformed escape`, 'safe', { path: q(`${p.name}=%00%E0%A4%A`) });
    if (type === 'integer' || type === 'number') {
      for (const value of ['-1', '0', 'NaN', 'Infinity', '1e309', '1.5', 'abc', '99999999999999999999', '']) {
        add(`query ${p.name}=${value}`, 'refused', { path: q(`${p.name}=${value}`) }, [400]);
      }
    }
  }
  if (M === 'GET')
    add('query: undocumented keys and garbage', 'safe', {
      path: q('page=-1&limit=NaN&x[$ne]=1&x=1&x=2&__proto__[polluted]=yes'),
    });

  // Credentials.
  if (secured) {
    for (const [label, headers] of badCredentials()) {
      add(`auth: ${label}`, 'refused', { headers: { ...headers, ...(base ? json : {}) }, body: fullBody }, [401]);
    }
    // The OpenAI-compatible routes take API keys by design (they are swept with bad bodies and credentials above).
    if (!/^\/(v1|llm)\//.test(template)) {
      const viaKey = { authorization: `Bearer ${fx.apiKey.key}`, ...(base ? json : {}) };
      add(
        'auth: an API key where a session is required',
        M === 'GET' ? 'safe' : 'refused',
        { headers: viaKey, body: fullBody },
        M === 'GET' ? undefined : [403],
      );
    }
    if (template.startsWith('/admin'))
      add(
        'auth: a non-admin',
        'refused',
        { headers: { ...fx.owner.auth, ...(base ? json : {}) }, body: fullBody },
        [403],
      );
    if (
      /^\/(organizations|sub-users|admin)/.test(template) ||
      /^\/subscriptions\/(checkout|portal|cancel|resume)/.test(template)
    ) {
      add('auth: a sub-user', 'refused', { headers: { ...fx.sub.auth, ...(base ? json : {}) } }, [403, 404]);
    }
  }
  return cases;
}

/** Cases the generic battery cannot derive: the webhook's raw body, ids of other users inside bodies and queries. */
function specialCases(): Case[] {
  const secret = BILLING_ENV.STRIPE_WEBHOOK_SECRET;
  const signed = (payload: string) => ({
    'content-type': 'application/json',
    'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }),
  });
  const hook = (
    label: string,
    headers: Record<string, string>,
    body: string,
    expect: Expect = 'refused',
    status?: number[],
  ): Case => ({
    label: `webhook: ${label}`,
    method: 'POST',
    path: '/webhooks/stripe',
    headers,
    body,
    expect,
    status,
  });
  const event = (fields: object) => JSON.stringify({ object: 'event', data: { object: {} }, ...fields });
  const owner = { ...fx.owner.auth, ...json };
  return [
    hook('no signature', json, event({ id: 'evt_1', type: 'invoice.paid', created: 1 }), 'refused', [400]),
    hook(
      'garbage signature',
      { ...json, 'stripe-signature': 't=1,v1=deadbeef' },
      event({ id: 'evt_1', type: 'invoice.paid', created: 1 }),
      'refused',
      [400],
    ),
    hook('huge signature', { ...json, 'stripe-signature': `t=1,${'v1=ab,'.repeat(1000)}` }, '{}', 'refused', [400]),
    hook('signed garbage', signed('{"a":'), '{"a":', 'refused', [400]),
    hook('signed array', signed('[]'), '[]', 'refused', [400]),
    hook('signed string', signed('"str"'), '"str"', 'refused', [400]),
    hook(
      'signed operator id',
      signed(event({ id: { $gt: '' }, type: 'invoice.paid', created: 1 })),
      event({ id: { $gt: '' }, type: 'invoice.paid', created: 1 }),
      'refused',
      [400],
    ),
    hook(
      'signed id with separators',
      signed(event({ id: 'evt:1/../x', type: 'invoice.paid', created: 1 })),
      event({ id: 'evt:1/../x', type: 'invoice.paid', created: 1 }),
      'refused',
      [400],
    ),
    hook(
      'signed digits-only id',
      signed(event({ id: '12345', type: 'unknown.type', created: 1 })),
      event({ id: '12345', type: 'unknown.type', created: 1 }),
      'safe',
    ),
    hook(
      'signed non-integer created',
      signed(event({ id: 'evt_2', type: 'invoice.paid', created: 'now' })),
      event({ id: 'evt_2', type: 'invoice.paid', created: 'now' }),
      'refused',
      [400],
    ),
    hook(
      'signed type operator',
      signed(event({ id: 'evt_3', type: { $ne: null }, created: 1 })),
      event({ id: 'evt_3', type: { $ne: null }, created: 1 }),
      'refused',
      [400],
    ),
    hook(
      'signed unhandled type',
      signed(event({ id: 'evt_4', type: 'charge.refunded', created: 1 })),
      event({ id: 'evt_4', type: 'charge.refunded', created: 1 }),
      'safe',
      [200],
    ),
    hook('over the size limit', signed('{}'), JSON.stringify({ a: 'x'.repeat(1_100_000) }), 'refused', [413]),
    hook(
      'form body',
      { 'content-type': 'application/x-www-form-urlencoded', 'stripe-signature': 't=1,v1=00' },
      'a=1',
      'refused',
      [400],
    ),
    // Other people's organizations and ids inside bodies and queries: 404, never 403.
    {
      label: 'organization of another user in a query',
      method: 'GET',
      path: `/subscriptions/current?organization_id=${fx.otherOrgId}`,
      headers: fx.owner.auth,
      expect: 'refused',
      status: [404],
    },
    ...['checkout', 'portal', 'cancel', 'resume'].map((action): Case => ({
      label: `${action} for another user's organization`,
      method: 'POST',
      path: `/subscriptions/${action}`,
      headers: owner,
      body: JSON.stringify({ ...(action === 'checkout' ? { plan: 'pro' } : {}), organization_id: fx.otherOrgId }),
      expect: 'refused',
      status: [404],
    })),
    {
      label: "API key bound to another user's organization",
      method: 'POST',
      path: '/api-keys',
      headers: owner,
      body: JSON.stringify({ name: 'x', organization_id: fx.otherOrgId }),
      expect: 'refused',
      status: [404],
    },
    {
      label: 'API key bound to a garbage organization',
      method: 'POST',
      path: '/api-keys',
      headers: owner,
      body: JSON.stringify({ name: 'x', organization_id: '.*' }),
      expect: 'refused',
      status: [400, 404],
    },
    {
      label: 'admin usage of an operator user id',
      method: 'GET',
      path: `/admin/usage?user_id=${encodeURIComponent('{"$gt":""}')}`,
      headers: fx.admin.auth,
      expect: 'refused',
      status: [400],
    },
    {
      label: 'admin search with regex characters',
      method: 'GET',
      path: `/admin/users?q=${encodeURIComponent('.*(a+)+$[')}`,
      headers: fx.admin.auth,
      expect: 'safe',
      status: [200],
    },
    {
      label: 'admin usage with a reversed range',
      method: 'GET',
      path: '/admin/usage?from=2024-02-01&to=2024-01-01',
      headers: fx.admin.auth,
      expect: 'refused',
      status: [400],
    },
    {
      label: 'admin usage with an impossible date',
      method: 'GET',
      path: '/admin/usage?from=2024-02-30',
      headers: fx.admin.auth,
      expect: 'refused',
      status: [400],
    },
    {
      label: 'admin usage with unknown grouping',
      method: 'GET',
      path: '/admin/usage?group_by=user,$where',
      headers: fx.admin.auth,
      expect: 'refused',
      status: [400],
    },
    // X-Organization-Id picks the payer on the usage routes: garbage is refused, another user's organization is 404.
    ...['/tokens/balance', '/tokens/usage', '/users/usage-stats'].flatMap((path): Case[] => [
      ...['{"$gt":""}', '.*', 'a'.repeat(2000), '0'.repeat(24)].map((value): Case => ({
        label: `X-Organization-Id ${value.slice(0, 24)}`,
        method: 'GET',
        path,
        headers: { ...fx.owner.auth, 'x-organization-id': value },
        expect: 'refused',
        status: [400, 404],
      })),
      {
        label: "X-Organization-Id of another user's organization",
        method: 'GET',
        path,
        headers: { ...fx.owner.auth, 'x-organization-id': fx.otherOrgId },
        expect: 'refused',
        status: [404],
      },
    ]),
    // Links sent by mail: expired, spent, unknown and malformed tokens, and tokens of another purpose, get one clean
    // 400 invalid_token (a live token of the right purpose only opens its page: GET changes nothing).
    ...Object.entries(fx.mailTokens).flatMap(([label, token]): Case[] => {
      const tokenCase = (what: string, method: string, path: string, live: boolean, body?: object): Case => ({
        label: `${what} with a ${label} token`,
        method,
        path,
        headers: body ? json : {},
        body: body ? JSON.stringify(body) : undefined,
        expect: live ? 'safe' : 'refused',
        status: live ? [200] : [400],
      });
      const query = `?token=${encodeURIComponent(token)}`;
      return [
        ...(label === 'live reset'
          ? []
          : [tokenCase('reset', 'POST', '/auth/password/reset', false, { token, new_password: 'sweep-password-1' })]),
        tokenCase('reset page', 'GET', `/auth/password/reset${query}`, label === 'live reset'),
        // The live verification token of a password account needs the password: a wrong one is refused, nothing spent.
        tokenCase('verification', 'POST', '/auth/verify-email', false, { token, password: 'sweep-password-1' }),
        tokenCase('verification page', 'GET', `/auth/verify-email${query}`, label === 'live verification'),
      ];
    }),
    // Browser surfaces outside the OpenAPI document: no crash, no leak (their HTML pages are exempt from the JSON shape below).
    {
      label: 'dashboard sign-in with an operator body',
      method: 'POST',
      path: '/admin/login',
      headers: json,
      body: '{"email":{"$gt":""},"password":{"$ne":null}}',
      expect: 'refused',
    },
    {
      label: 'dashboard sign-in with NUL characters',
      method: 'POST',
      path: '/admin/login',
      headers: json,
      body: '{"email":"a\\u0000@example.com","password":"x\\u0000"}',
      expect: 'refused',
    },
    {
      label: 'dashboard sign-in with an array body',
      method: 'POST',
      path: '/admin/login',
      headers: json,
      body: '[1]',
      expect: 'refused',
    },
    {
      label: 'dashboard with a garbage session cookie',
      method: 'GET',
      path: '/admin/queues/api/queues',
      headers: { cookie: 'aic_admin_session=%7B%22%24gt%22%3A%22%22%7D' },
      expect: 'refused',
      status: [401],
    },
    {
      label: 'dashboard with a huge session cookie',
      method: 'GET',
      path: '/admin/queues/api/queues',
      headers: { cookie: `aic_admin_session=${'a'.repeat(6000)}` },
      expect: 'refused',
      status: [401],
    },
    {
      label: 'a hostile X-Request-Id is replaced, not echoed',
      method: 'GET',
      path: '/auth/me',
      headers: { 'x-request-id': '<script>alert(1)</script>' },
      expect: 'refused',
      status: [401],
    },
    { label: 'unknown route', method: 'GET', path: '/no/such/route/%E0%A4%A', expect: 'refused', status: [400, 404] },
    {
      label: 'unknown method',
      method: 'PUT',
      path: '/auth/login-json',
      headers: json,
      body: '{}',
      expect: 'refused',
      status: [404, 405],
    },
  ];
}

// ---------- fixtures ----------

const VOLATILE = new Set(['last_used_at', 'updated_at', 'last_login_at']);
async function snapshot(): Promise<Record<string, unknown[]>> {
  const db = mongoose.connection.db!;
  const out: Record<string, unknown[]> = {};
  const collections = [
    'users',
    'api_keys',
    'organizations',
    'organization_members',
    'subscriptions',
    'refresh_tokens',
    'refresh_token_revoked_families',
    'sessions',
    'token_usage',
  ];
  for (const name of collections) {
    const docs = await db.collection(name).find({}).sort({ _id: 1 }).toArray();
    out[name] = docs.map((d) =>
      JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(d).filter(([k]) => !VOLATILE.has(k))))),
    );
  }
  return out;
}

beforeAll(async () => {
  [stripe, oauth] = await Promise.all([startStripeMock(), startFakeOAuthProvider()]);
  app = await startTestApp(
    {
      ...oauth.env(),
      ...BILLING_ENV,
      STRIPE_SECRET_KEY: STRIPE_SECRET,
      STRIPE_API_BASE: stripe.url,
      A4F_API_KEY: UPSTREAM_KEY,
      METRICS_TOKEN,
      LOG_LEVEL: 'warn',
      LOGIN_MAX_FAILURES_PER_IP: '100000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000',
      LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: '100000',
    },
    { logStream: { write: (line: string) => void logLines.push(line) } },
  );

  const [owner, admin, member, other, deactivated] = await Promise.all(
    ['owner', 'admin', 'member', 'other', 'gone'].map((label) => registerAndLogin(app, uniqueEmail(`sweep-${label}`))),
  );
  await UserModel.updateOne({ _id: admin!.user.id }, { $set: { role: 'admin' } });
  await UserModel.updateOne({ _id: deactivated!.user.id }, { $set: { is_active: false } });
  Object.assign(fx, { owner, admin, member, other, deactivated });
  fx.orgId = await createOrganization(app, owner!, 'Sweep Org');
  await addMember(app, owner!, fx.orgId, member!, 'member', 500);
  fx.otherOrgId = await createOrganization(app, other!, 'Other Org');
  const key = await app.request.post('/api-keys').set(owner!.auth).send({ name: 'sweep key' });
  fx.apiKey = { id: key.body.id, key: key.body.key };
  fx.otherKeyId = (await app.request.post('/api-keys').set(other!.auth).send({ name: 'other key' })).body.id;
  fx.sub = await createSubUser(app, owner!, { limits: { monthly_tokens: 1000 } });
  fx.otherSubId = (await createSubUser(app, other!)).id;
  const sessionOf = async (email: string) => {
    const login = await app.request.post('/auth/login-json').send({ email, password: TEST_PASSWORD });
    const listed = await app.request
      .get('/auth/sessions')
      .set({ authorization: `Bearer ${login.body.access_token as string}` });
    return (listed.body.data as Array<{ id: string; current: boolean }>).find((session) => session.current)!.id;
  };
  fx.ownerSessionId = await sessionOf(owner!.email);
  fx.otherSessionId = await sessionOf(other!.email);
  fx.mailTokens = await mailTokenFixtures(owner!.user.id, owner!.email);
  doc = (await app.request.get('/openapi.json')).body as OpenApi;
}, 60_000);

/** Tokens of the owner's links in every state a link can be in. */
async function mailTokenFixtures(userId: string, email: string): Promise<Record<string, string>> {
  const tokens = createMailTokens();
  const issue = (purpose: 'password_reset' | 'verify_email' | 'email_change', ttlMs = 600_000, to = email) =>
    tokens.issue({ purpose, userId, email: to, tokenVersion: 0, ttlMs });
  const spent = await issue('password_reset');
  await tokens.claim((await tokens.find(spent, ['password_reset']))!);
  return {
    'live reset': await issue('password_reset'),
    'live verification': await issue('verify_email'),
    'expired reset': await issue('password_reset', -1000),
    'expired verification': await issue('verify_email', -1000),
    'spent reset': spent,
    'stale address change': await issue('email_change', 600_000, 'not-pending@example.com'),
    unknown: randomBytes(32).toString('base64url'),
    malformed: 'not-a-token!*',
    'operator text': '{"$gt":""}',
    'too long': 'A'.repeat(300),
  };
}

afterAll(async () => {
  agent.destroy();
  await app?.stop();
  await Promise.all([stripe?.stop(), oauth?.stop()]);
});

describe('bad input of any kind', () => {
  it('gets a clean 4xx from every documented operation, leaks nothing, crashes nothing and changes nothing', async () => {
    const operations = Object.entries(doc.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ template, method, op })),
    );
    expect(operations.length).toBeGreaterThan(40);
    const cases = [
      ...operations.flatMap(({ template, method, op }) => casesFor(template, method, op)),
      ...specialCases(),
    ];
    const before = await snapshot();

    const results = await runAll(cases);

    const htmlPages = (c: Case) => c.path === '/admin/login';
    const problems = results.flatMap(({ c, r }) => {
      const found = problemsOf(c, r);
      return htmlPages(c) ? found.filter((p) => !/contract's shape|content-type|x-should-retry/.test(p)) : found;
    });
    expect(problems).toEqual([]);
    expect(results).toHaveLength(cases.length);
    // Every operation was reached past authentication at least once (the battery is not all 401s).
    for (const { template, method } of operations) {
      const reached = results.some(
        ({ c, r }) =>
          c.method === method.toUpperCase() &&
          !(r instanceof Error) &&
          r.status !== 401 &&
          c.path.startsWith(template.split('{')[0]!),
      );
      expect(reached, `${method} ${template}`).toBe(true);
    }

    expect(await snapshot()).toEqual(before);
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    const unhandled = logLines.filter((line) => line.includes('unhandled error'));
    expect(unhandled).toEqual([]);
    // The error handler's own check that each answer's code is in its operation's entry (special cases included).
    expect(logLines.filter((line) => line.includes('error code not documented'))).toEqual([]);
    for (const secret of secrets()) expect(logLines.join('').includes(secret)).toBe(false);
    expect((await send({ method: 'GET', path: '/healthz' })).status).toBe(200);
    // Thousands of requests (bcrypt on every password confirmation): a bound for a loaded machine, not a timing claim.
  }, 180_000);
});
