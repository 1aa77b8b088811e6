// The committed API reference is generated from the route table; this fails when someone changed a schema without
// running `npm run openapi`. Also: every route of the table is in the document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_DOCS, apiDocuments } from '../../src/server/openapi.ts';
import { ROUTES } from '../../src/shared/contract/routes.ts';

describe('generated API reference', () => {
  it('docs/api is up to date (run npm run openapi)', async () => {
    for (const [name, text] of Object.entries(await apiDocuments()))
      expect(readFileSync(join(API_DOCS, name), 'utf8'), `docs/api/${name} is stale`).toBe(text);
  });

  it('describes every route with its error shape', async () => {
    const doc = JSON.parse((await apiDocuments())['openapi.json'] ?? '{}') as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    for (const key of Object.keys(ROUTES)) {
      const [method, path] = key.split(' ') as [string, string];
      const op = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(op, key).toBeDefined();
      expect(op?.responses['4XX'] ?? op?.responses['4xx'], key).toBeDefined();
    }
  });
});
