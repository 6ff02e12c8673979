// The end-to-end tests drive the system's Chromium (Playwright cannot download its own offline).
// Fail early with the exact fix instead of a cryptic launch error.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(`Chromium was not found at ${path}. The end-to-end tests need it.

Install it (Debian/Ubuntu, as root):
    apt-get update && apt-get install -y chromium

or point the tests at an existing Chromium or Chrome:
    CHROMIUM_PATH=/path/to/chromium npm test
`);
  process.exit(1);
}
