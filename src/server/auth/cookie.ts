/** The session cookie: HttpOnly, SameSite=Strict, Path=/, Secure over HTTPS or when COOKIE_SECURE=1. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ABSOLUTE_TIMEOUT_MS } from './sessions.ts';

/** Name of the session cookie (see src/shared/contract/workspaceApi.ts). */
export const SESSION_COOKIE = 'si_session';

const secure = (req: FastifyRequest): boolean =>
  req.protocol === 'https' || process.env.COOKIE_SECURE === '1';

/** Sets the session cookie; it lives no longer than the session's absolute limit. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: secure(req),
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: secure(req),
  });
}

/** The session token the browser sent, if it looks like one. */
export function sessionToken(req: FastifyRequest): string | null {
  const v = req.cookies[SESSION_COOKIE];
  return v !== undefined && /^[A-Za-z0-9_-]{20,100}$/.test(v) ? v : null;
}
