/**
 * Debian's Chromium, headless, as the end-to-end tests and bench:ui launch it. The flags keep
 * Chromium from reaching out to Google's services, which this network refuses.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.KADAR_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};
