/**
 * `npm run client:types`: regenerates the TypeScript client's types (clients/typescript/src/generated/openapi.ts) from
 * the app's OpenAPI document, built in-process (no server). `--check` (part of `npm run client:check`) writes nothing
 * and fails when the checked-in file differs from what the document gives.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import * as prettier from 'prettier';
import { openApiDocument } from './openapi/document.js';

const TARGET = fileURLToPath(new URL('../clients/typescript/src/generated/openapi.ts', import.meta.url));
const HEADER = "// Generated from the app's OpenAPI document by `npm run client:types`; do not edit.\n";

async function generate(): Promise<string> {
  const document = (await openApiDocument()) as OpenAPI3;
  const source = HEADER + astToString(await openapiTS(document));
  const options = await prettier.resolveConfig(TARGET);
  return prettier.format(source, { ...options, filepath: TARGET });
}

/** The first line where the two texts differ, for the failure message. */
function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const line = left.findIndex((text, i) => text !== right[i]);
  const at = line < 0 ? left.length : line;
  return `line ${at + 1}: checked in ${JSON.stringify(left[at] ?? '')}, document gives ${JSON.stringify(right[at] ?? '')}`;
}

async function main(): Promise<number> {
  const generated = await generate();
  if (!process.argv.includes('--check')) {
    await writeFile(TARGET, generated);
    process.stdout.write(`client:types: wrote ${TARGET}\n`);
    return 0;
  }
  const current = await readFile(TARGET, 'utf8').catch(() => '');
  if (current === generated) {
    process.stdout.write('client:types: the client types match the OpenAPI document\n');
    return 0;
  }
  process.stderr.write(
    `client:types: ${TARGET} differs from the app's OpenAPI document (${firstDifference(current, generated)}); ` +
      'run `npm run client:types` and commit the result\n',
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`client:types: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
