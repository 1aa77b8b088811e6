/**
 * Whether this page runs where the tablet app can work: a secure context (HTTPS, or localhost) with WebCrypto (staff
 * PIN, sealing records) and service workers (offline use). Opened over plain http on a network address, it cannot.
 */

/** What is missing: not a secure context (http), or a browser without WebCrypto or service workers. */
export type SecureContextProblem = 'insecure' | 'unsupported';

/** The problem that stops the app here, or null when it can run. */
export function secureContextProblem(): SecureContextProblem | null {
  if (typeof window !== 'undefined' && window.isSecureContext === false) return 'insecure';
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle;
  const serviceWorker = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  return subtle && serviceWorker ? null : 'unsupported';
}

/** This page's address with https instead of http (same host, no port: the agency's https address normally has none). */
export function httpsAddress(): string {
  const url = new URL(window.location.href);
  url.protocol = 'https:';
  url.port = '';
  return `${url.origin}${url.pathname}`;
}
