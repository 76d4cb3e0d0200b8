/** Prints the OpenAPI document (or writes it to the file named), without starting a server. */
import { writeFileSync } from 'node:fs';
import { openApiDocument } from './document.js';

const json = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
if (process.argv[2]) writeFileSync(process.argv[2], json);
else process.stdout.write(json);
// The LLM module's own Redis client retries in the background until dropped; nothing else is pending.
process.exit(0);
