/**
 * The API reference, generated from the contract's route table (never written by hand): @fastify/swagger reads the
 * same schemas the server validates with. `npm run openapi` writes it to docs/api/; the server serves it too.
 */
import { join } from 'node:path';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { OpenAPIV3 } from 'openapi-types';
import { ROUTES, type RouteSpec } from '../shared/contract/routes.ts';
import { CompletedRecord } from '../shared/contract/schema/record.ts';
import { fastifySchema, route } from './routing.ts';

const ACCESS: Record<RouteSpec['access'], string> = {
  coordinator: 'Coordinators (session cookie si_session).',
  'signed-in': 'Any signed-in user, coordinator or staff (session cookie si_session).',
  device: 'An enrolled tablet (Authorization: Bearer <device token>).',
  public: 'Anyone.',
};

/** Adds what a JSON Schema cannot say: who may call the route, and the non-JSON answers (CSV, MP3). */
function describe(spec: RouteSpec, schema: Record<string, unknown>): Record<string, unknown> {
  const response = { ...(schema.response as Record<string, unknown>) };
  for (const [code, s] of Object.entries(spec.response))
    if (s === null)
      response[code] = spec.produces
        ? {
            description: spec.produces,
            content: { [spec.produces]: { schema: { type: 'string', format: 'binary' } } },
          }
        : { description: 'No body', type: 'null' };
  return {
    ...schema,
    summary: spec.summary,
    description: `Access: ${ACCESS[spec.access]}`,
    tags: [spec.access],
    response,
  };
}

/** The OpenAPI 3 document of every /api route, built on a bare fastify that only holds the schemas. */
export async function buildOpenApi(): Promise<OpenAPIV3.Document> {
  const app = Fastify({ logger: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'slimme-intake API',
        version: '1',
        description:
          'Every route of the server. Every non-2xx answer is {"error", "message"}. ' +
          'The sealed record (the plaintext a tablet encrypts) is in components.schemas.CompletedRecord; ' +
          'the protocol is described in src/server/README.md.',
      },
    },
  });
  for (const [key, spec] of Object.entries(ROUTES) as [string, RouteSpec][]) {
    const [method, url] = key.split(' ') as [string, string];
    app.route({
      method: method,
      url,
      schema: describe(spec, fastifySchema(spec) as Record<string, unknown>),
      handler: () => null,
    });
  }
  await app.ready();
  const doc = app.swagger() as OpenAPIV3.Document;
  await app.close();
  return {
    ...doc,
    components: {
      ...doc.components,
      schemas: { CompletedRecord: CompletedRecord as unknown as OpenAPIV3.SchemaObject },
    },
  };
}

/** Where `npm run openapi` writes the generated files (a test fails when they are stale). */
export const API_DOCS = join(import.meta.dirname, '../../docs/api');

/** The generated files by name: the OpenAPI document and the sealed record's JSON Schema. */
export async function apiDocuments(): Promise<Record<string, string>> {
  const text = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  return {
    'openapi.json': text(await buildOpenApi()),
    'record.schema.json': text({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'CompletedRecord',
      description:
        'The plaintext a tablet seals into SealedSession.ciphertext (UTF-8 JSON). See src/server/README.md.',
      ...CompletedRecord,
    }),
  };
}

/** Serves the reference at GET /api/openapi.json (built once, on first request). */
export function openApiRoutes(app: FastifyInstance): void {
  let doc: Promise<OpenAPIV3.Document> | null = null;
  route(app, 'GET /api/openapi.json', async () => {
    doc ??= buildOpenApi();
    return await doc;
  });
}
