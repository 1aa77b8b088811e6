/**
 * The only way a /api route is registered: from its entry in the contract's route table, so fastify validates params,
 * query and body and serialises the answer from the same schemas the OpenAPI document and the browser apps use.
 */
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  onRequestHookHandler,
  RouteHandlerMethod,
} from 'fastify';
import type { Static, TSchema } from 'typebox';
import { ROUTES, type RouteKey, type RouteSpec } from '../shared/contract/routes.ts';
import { ApiError, UUID_PATTERN } from '../shared/contract/schema/common.ts';

type Spec<K extends RouteKey> = (typeof ROUTES)[K];
type Part<K extends RouteKey, P extends string> =
  Spec<K> extends Record<P, infer S extends TSchema> ? Static<S> : unknown;
type Success<K extends RouteKey> = {
  [C in keyof Spec<K>['response']]: C extends 200 | 201
    ? Spec<K>['response'][C] extends infer S extends TSchema
      ? Static<S>
      : never
    : never;
}[keyof Spec<K>['response']];

/** A request of route `K`, with params, query and body typed from its schemas (and already checked). */
export type RouteRequest<K extends RouteKey> = FastifyRequest<{
  Params: Part<K, 'params'>;
  Querystring: Part<K, 'querystring'>;
  Body: Part<K, 'body'>;
}>;

/** A handler returns the answer (checked against the route's 200/201 schema) or sends through `reply` itself. */
export type RouteHandler<K extends RouteKey> = (
  req: RouteRequest<K>,
  reply: FastifyReply,
) => Promise<Success<K> | FastifyReply | void> | Success<K> | FastifyReply | void;

/** Every route may answer an `{error, message}` body with any 4xx (and 500 without detail). */
const ERRORS = { '4xx': ApiError, '5xx': ApiError } as const;

/** The fastify schema of a route: its parts, its JSON answers and the shared error answer. */
export function fastifySchema(spec: RouteSpec): FastifySchema {
  const response: Record<string, TSchema> = { ...ERRORS };
  for (const [code, schema] of Object.entries(spec.response)) if (schema) response[code] = schema;
  return {
    ...(spec.params ? { params: spec.params } : {}),
    ...(spec.querystring ? { querystring: spec.querystring } : {}),
    ...(spec.body ? { body: spec.body } : {}),
    response,
  };
}

/** Top-level properties of an object schema that hold a UUID (or null/'' beside it). */
function uuidFields(schema: TSchema | undefined): string[] {
  const props = (schema as { properties?: Record<string, TSchema> } | undefined)?.properties ?? {};
  const isUuid = (s: TSchema): boolean => {
    const o = s as { pattern?: string; anyOf?: TSchema[] };
    return o.pattern === UUID_PATTERN || (o.anyOf ?? []).some(isUuid);
  };
  return Object.keys(props).filter((k) => isUuid(props[k] as TSchema));
}

/**
 * After validation, every id in params, query and body is lower-cased here, once: ids then compare equal whatever
 * case a client sent (PostgreSQL's uuid does, but text comparisons and audit lines would not).
 */
function lowerCaseIds(spec: RouteSpec): onRequestHookHandler | undefined {
  const parts = (['params', 'querystring', 'body'] as const)
    .map((part) => ({ part, fields: uuidFields(spec[part]) }))
    .filter((p) => p.fields.length > 0);
  if (parts.length === 0) return undefined;
  return (req: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    for (const { part, fields } of parts) {
      const o = (part === 'params' ? req.params : part === 'querystring' ? req.query : req.body) as
        Record<string, unknown> | undefined;
      if (!o) continue;
      for (const f of fields) {
        const v = o[f];
        if (typeof v === 'string') o[f] = v.toLowerCase();
      }
    }
    done();
  };
}

/** Options a route may add: its guard (when not at plugin scope). */
export interface RouteOptions {
  readonly onRequest?: onRequestHookHandler;
}

/** Registers route `key` ("METHOD /path") of the contract with its schema, body limit and handler. */
export function route<K extends RouteKey>(
  app: FastifyInstance,
  key: K,
  handler: RouteHandler<K>,
  options: RouteOptions = {},
): void {
  const spec: RouteSpec = ROUTES[key];
  const [method, url] = key.split(' ') as [string, string];
  const lower = lowerCaseIds(spec);
  app.route({
    method: method,
    url,
    schema: fastifySchema(spec),
    ...(spec.bodyLimit !== undefined ? { bodyLimit: spec.bodyLimit } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    ...(lower ? { preHandler: lower } : {}),
    handler: handler as unknown as RouteHandlerMethod,
  });
}

/**
 * Uses TypeBox's own checker (patterns with the `u` flag, so a lone surrogate is caught) and refuses any /api route
 * registered past `route()`: every route is validated from the table.
 */
export function useContract(app: FastifyInstance): void {
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api/') || r.method === 'HEAD') return;
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods)
      if (!(`${m} ${r.url}` in ROUTES) || r.schema === undefined)
        throw new Error(`${m} ${r.url} is not in the contract (src/shared/contract/routes.ts)`);
  });
}

/** A resource's routes as a fastify plugin: its own scope, so a role check added inside stays inside. */
export function plugin<O>(
  register: (app: FastifyInstance, options: O) => void,
): (app: FastifyInstance, options: O) => Promise<void> {
  return (app, options) => {
    register(app, options);
    return Promise.resolve();
  };
}
