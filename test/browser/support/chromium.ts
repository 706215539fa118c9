import fs from 'fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); CI installs it. Nothing here downloads a browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasChromium = fs.existsSync(CHROMIUM_PATH);

/**
 * Headless Chromium with everything that would reach the internet on its own switched off
 * (updates, sync, background fetches). playwright-core gives each launch a fresh, temporary profile.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
