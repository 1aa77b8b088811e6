/** Every failure becomes JSON with a stable code; bad input is always 4xx, never a 500. */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError } from '../shared/contract/protocol.ts';
import { fieldPath } from '../shared/contract/recordCheck.ts';

/** Sends `{error, message}` with `status`. */
export function sendError(reply: FastifyReply, status: number, error: string, message: string) {
  const body: ApiError = { error, message };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  431: 'headers_too_large',
};

/** A schema rejection as one sentence: `body.sessions must NOT have fewer than 1 items`. */
function validationMessage(err: FastifyError): string {
  const first = err.validation?.[0];
  if (!first) return `malformed request: ${err.message.slice(0, 200)}`;
  const where = fieldPath(err.validationContext ?? 'request', first.instancePath);
  const extra = (first.params as { additionalProperties?: unknown } | undefined)
    ?.additionalProperties;
  const detail = Array.isArray(extra) ? `has an unknown field ${String(extra[0])}` : first.message;
  return `${where} ${detail ?? 'is not valid'}`.slice(0, 300);
}

/**
 * Errors raised before routing (a path with bad percent-encoding such as `/api/clients/%ZZ`, an unusable
 * constraint): fastify's option `frameworkErrors` sends them here, so they too answer `{error, message}`.
 */
export function frameworkErrors(err: FastifyError, _req: unknown, reply: FastifyReply): void {
  const status = err.statusCode !== undefined && err.statusCode < 500 ? err.statusCode : 400;
  void sendError(
    reply,
    status,
    CODES[status] ?? 'bad_request',
    err.code === 'FST_ERR_BAD_URL'
      ? 'the path is not valid (bad percent-encoding)'
      : 'the request is not valid',
  );
}

/** Maps fastify's own errors (body parse, size, content type) to 4xx; anything else is logged without data and 500. */
export function registerErrorHandler(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message = err.validation
        ? validationMessage(err)
        : status === 413
          ? 'request body is too large'
          : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'send JSON (Content-Type: application/json)'
            : status === 400
              ? `malformed request: ${err.message.slice(0, 200)}`
              : err.message.slice(0, 200);
      return sendError(reply, status, CODES[status] ?? 'bad_request', message);
    }
    // Only the error's code and the route: messages and stacks may quote stored data.
    log(`error ${req.method} ${req.routeOptions.url ?? '-'} ${err.code ?? err.name}`);
    return sendError(reply, 500, 'internal', 'the server failed; try again later');
  });
}

/**
 * Errors Node's HTTP parser raises before fastify sees a request (a path or headers over the size limit, a
 * malformed request line): answered on the socket as `{error, message}` like every other error.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, error, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'the path or headers are longer than the server accepts']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'timeout', 'the request took too long to arrive']
        : [400, 'bad_request', 'the request is not valid HTTP'];
  const body = JSON.stringify({ error, message } satisfies ApiError);
  if (socket.writable)
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  socket.destroy(err);
}
