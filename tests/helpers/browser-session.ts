import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM_FLAGS } from "./browser";

export const browserPath = process.env.CHROMIUM_PATH || null;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: browserPath!, args: CHROMIUM_FLAGS, headless: true });
}

/** Saves a full-page screenshot under test-results/screenshots/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(inject("artifactsDir"), `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through /login as an editor account and waits for the page it was sent to. */
export async function signIn(page: Page, account: { email: string; password: string }, next = "/"): Promise<void> {
  await page.goto(`${inject("baseUrl")}/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await Promise.all([page.waitForURL((url) => url.pathname === next), page.getByRole("button", { name: "登录" }).click()]);
}
