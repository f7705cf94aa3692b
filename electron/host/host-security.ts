import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookie = 'kadar_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The page's Content Security Policy: only this host's own scripts, styles, images and API;
 * no inline script, no plug-ins, no framing, no other origin.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  // WebAssembly only (no eval): pdf.js decodes scanned pages (JBIG2, JPEG 2000) with it.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

function sameToken(a: string | undefined, token: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(token);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** The token a request carries, from the query, an Authorization header or the cookie. */
export function presentedToken(req: IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  return url.searchParams.get('token') ?? cookieValue(req.headers.cookie, tokenCookie);
}

export type Refusal = {
  status: 401 | 403;
  code: 'UNAUTHORIZED' | 'FORBIDDEN';
  message: string;
} | null;

/**
 * Every request must come from this host's own page (Host, Origin and Fetch Metadata agree;
 * this also defeats DNS rebinding) and carry the per-run token.
 */
export function checkRequest(req: IncomingMessage, url: URL, token: string, port: number): Refusal {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) {
    return { status: 403, code: 'FORBIDDEN', message: 'This host only answers to 127.0.0.1.' };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
    return { status: 403, code: 'FORBIDDEN', message: 'Requests from other sites are refused.' };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, code: 'FORBIDDEN', message: 'Requests from other sites are refused.' };
  }
  if (!sameToken(presentedToken(req, url), token)) {
    return {
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'Open Kadar with the link it printed (it carries the access token).',
    };
  }
  return null;
}
