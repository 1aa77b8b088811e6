/** Every failure becomes JSON with a stable code; bad input is always 4xx, never a 500. */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { ApiError } from '../shared/contract/protocol.ts';

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
  415: 'unsupported_media_type',
};

/** Maps fastify's own errors (body parse, size, content type) to 4xx; anything else is logged without data and 500. */
export function registerErrorHandler(app: FastifyInstance, log: (line: string) => void): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        status === 413
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
