import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST, ERROR_CODES } from '../../src/lib/error-codes.js';
import { startTestApp, type TestApp } from '../helpers/harness.js';

interface Schema {
  $ref?: string;
  type?: string;
  const?: unknown;
  enum?: string[];
  anyOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
}
interface Response {
  headers?: Record<string, { $ref: string }>;
  content?: Record<string, { schema: Schema }>;
}
interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{ name: string; in: string; schema: Schema }>;
  responses: Record<string, Response>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** What generated clients rely on in /openapi.json (redocly lint, in the gate, checks the rest). */
describe('the OpenAPI document', () => {
  let app: TestApp;
  let doc: Document;
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
    );
  const schema = (name: string) => doc.components.schemas[name]!;
  const errorCodesOf = (response: Response) =>
    response.content?.['application/json']?.schema.properties?.error?.properties?.code?.enum;

  beforeAll(async () => {
    app = await startTestApp();
    doc = (await app.request.get('/openapi.json')).body as Document;
  });
  afterAll(async () => {
    await app.stop();
  });

  it('gives every operation a unique camelCase operationId and a security entry ([] when public)', () => {
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.every((id) => id && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { where, op } of operations()) expect(Array.isArray(op.security), where).toBe(true);
    expect(doc.paths['/v1/chat/completions']!.post!.operationId).toBe('createChatCompletion');
    expect(doc.paths['/v1/models']!.get!.operationId).toBe('listModels');
    expect(doc.paths['/organizations/{id}/members']!.get!.operationId).toBe('getOrganizationsByIdMembers');
    expect(doc.paths['/auth/login-json']!.post!.security).toEqual([]);
    expect(doc.paths['/auth/me']!.get!.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/webhooks/stripe']!.post!.security).toEqual([{ stripeSignature: [] }]);
  });

  it('publishes every error code as the ErrorCode enum, and each operation its own per status', () => {
    expect(schema('ErrorCode').enum).toEqual(ERROR_CODE_LIST);
    for (const { where, op } of operations()) {
      // /readyz answers 503 with its readiness report, which it documents itself.
      const errors = Object.entries(op.responses).filter(
        ([status]) => /^[45]\d\d$/.test(status) && !(where === 'GET /readyz' && status === '503'),
      );
      expect(
        errors.some(([status]) => status.startsWith('4')),
        where,
      ).toBe(true);
      for (const [status, response] of errors) {
        const codes = errorCodesOf(response);
        expect(codes?.length, `${where} ${status}`).toBeGreaterThan(0);
        for (const code of codes!)
          expect(ERROR_CODES[code as keyof typeof ERROR_CODES].status, `${where} ${status} ${code}`).toContain(
            Number(status),
          );
        expect(response.headers?.['x-should-retry'], `${where} ${status}`).toBeTruthy();
      }
    }
    const chat = doc.paths['/v1/chat/completions']!.post!;
    expect(errorCodesOf(chat.responses['429']!)).toEqual(
      expect.arrayContaining(['insufficient_quota', 'rate_limit_exceeded', 'upstream_rate_limited']),
    );
    expect(chat.responses['429']!.headers?.['Retry-After']).toBeTruthy();
    expect(errorCodesOf(chat.responses['401']!)).toEqual(expect.arrayContaining(['invalid_api_key', 'token_expired']));
    // A public operation is never documented with credential errors.
    expect(doc.paths['/auth/login-json']!.post!.responses['401']).toBeTruthy();
    expect(errorCodesOf(doc.paths['/auth/login-json']!.post!.responses['401']!)).not.toContain('missing_credentials');
  });

  it('describes the chat stream, its events and the headers of resumption', () => {
    const chat = doc.paths['/v1/chat/completions']!.post!;
    const ok = chat.responses['200']!;
    expect(ok.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/ChatCompletion');
    expect(ok.content?.['text/event-stream']?.schema.$ref).toBe('#/components/schemas/ChatCompletionStreamEvent');
    expect(ok.headers?.['X-Request-Id']).toBeTruthy();
    expect(schema('ChatCompletionStreamEvent').anyOf?.map((s) => s.$ref)).toEqual([
      '#/components/schemas/ChatCompletionChunk',
      '#/components/schemas/Error',
    ]);
    const header = (op: Operation, name: string) => op.parameters?.find((p) => p.in === 'header' && p.name === name);
    expect(header(chat, 'X-Stream-Resumable')?.schema.enum).toEqual(['true', 'false']);
    const resume = doc.paths['/llm/requests/{id}/stream']!.get!;
    expect(header(resume, 'Last-Event-ID')).toBeTruthy();
    expect(resume.responses['200']!.content?.['text/event-stream']?.schema.$ref).toBe(
      '#/components/schemas/ChatCompletionStreamEvent',
    );
  });

  it('types tool calls as OpenAI does, in completions and (with their index) in chunks', () => {
    const message = schema('ChatCompletion').properties!.choices!.items!.properties!.message!;
    expect(message.properties!.tool_calls!.items!.$ref).toBe('#/components/schemas/ChatCompletionMessageToolCall');
    const call = schema('ChatCompletionMessageToolCall');
    expect(call.required).toEqual(['id', 'type', 'function']);
    expect(call.properties!.type!.enum ?? [call.properties!.type!.const]).toEqual(['function']);
    expect(call.properties!.function!.required).toEqual(['name', 'arguments']);
    const delta = schema('ChatCompletionChunk').properties!.choices!.items!.properties!.delta!;
    expect(delta.properties!.tool_calls!.items!.$ref).toBe('#/components/schemas/ChatCompletionMessageToolCallChunk');
    expect(schema('ChatCompletionMessageToolCallChunk').required).toEqual(['index']);
  });
});
