/** Writes the generated API reference (docs/api/openapi.json) and the sealed record's JSON Schema; commit both. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_DOCS, apiDocuments } from '../src/server/openapi.ts';

mkdirSync(API_DOCS, { recursive: true });
for (const [name, text] of Object.entries(await apiDocuments())) {
  writeFileSync(join(API_DOCS, name), text);
  console.log(`wrote ${join(API_DOCS, name)}`);
}
