import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = fileURLToPath(new URL('../browser/screenshots/', import.meta.url));
export const DASHBOARD_BUILD = fileURLToPath(
  new URL('../../packages/dashboard/dist/index.html', import.meta.url),
);

/** Debian's chromium, headless; one per test file (pages are reused within a file). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  }
  if (!existsSync(DASHBOARD_BUILD)) {
    throw new Error('The dashboard is not built: pnpm build (pnpm test builds first)');
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // A user's browser runs in a UTF-8 locale; a bare CI shell may have none, and chromium then
    // saves a download with a Cyrillic name as "download".
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      // A coordinator's browser speaks Russian: date fields show 31.12.2026, not 12/31/2026.
      '--lang=ru-RU',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core injected into the page; WCAG 2.0/2.1 A and AA rules; serious and critical only. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    // Evaluated over the DevTools protocol, not as a <script>: the page's CSP stays in force.
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  const violations = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) })))`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const DEMO_PASSWORD = 'demo-password-2026';

/** Waits for a condition in the browser with a deadline (never a fixed pause). */
export async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting in the browser');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Signs in on the dashboard served at `base`, first dropping any session the page holds (the
 * sign-in page would otherwise skip to the home page of the previous account).
 */
export async function signIn(p: Page, base: string, login: string, password = DEMO_PASSWORD): Promise<void> {
  await p.goto(`${base}/`);
  await p.evaluate('sessionStorage.clear()');
  await p.goto(`${base}/#/login`);
  await p.fill('input[name="username"]', login);
  await p.fill('input[name="password"]', password);
  await p.click('button[type="submit"]');
  await p.waitForSelector('.RaSidebar-fixed, nav', { timeout: 20_000 });
}

/**
 * The screen as it is, after notifications settle (a fading one is checked mid-animation, its
 * contrast not final): a screenshot, axe with 0 serious or critical, and one `h1` (a dialog's
 * heading is the dialog's h2; the page keeps its own).
 */
export async function expectAccessible(p: Page, screen: string): Promise<void> {
  await p
    .locator('.MuiSnackbar-root')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  await screenshot(p, screen);
  const violations = await seriousViolations(p);
  expect({ screen, violations }).toEqual({ screen, violations: [] });
  expect({ screen, h1: await p.locator('h1').count() }).toEqual({ screen, h1: 1 });
}
