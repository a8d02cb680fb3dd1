import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

/** Where `pnpm --filter @sl/dashboard build` writes the dashboard (same depth from src/ and dist/). */
export const DEFAULT_DASHBOARD_DIR = fileURLToPath(new URL('../../../dashboard/dist', import.meta.url));

/**
 * The dashboard's own policy: scripts, styles, fonts and data only from this origin; MUI's
 * emotion injects <style> elements, hence 'unsafe-inline' for styles only. No framing (clickjacking).
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the SPA fallback must never answer: the API and the probes. */
const NOT_THE_DASHBOARD = /^\/(graphql|healthz|readyz)(\/|$)/;

/**
 * Serves the built dashboard at `/` when the build exists: hashed assets cached for a year,
 * index.html never cached (a new deployment is picked up on the next load), and every other GET
 * that asks for HTML answered with index.html so that client-side routes survive a reload.
 */
export function mountDashboard(app: Express, dir: string = DEFAULT_DASHBOARD_DIR): boolean {
  const index = path.join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const securityHeaders = (res: express.Response) => {
    res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
  };
  app.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      index: false,
      fallthrough: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => securityHeaders(res),
    }),
  );
  app.use(
    express.static(dir, {
      index: false,
      maxAge: 0,
      setHeaders: (res) => {
        securityHeaders(res);
        res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  app.get(/.*/, (req, res, next) => {
    if (NOT_THE_DASHBOARD.test(req.path) || !req.accepts('html')) return next();
    securityHeaders(res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
