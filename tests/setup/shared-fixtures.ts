/**
 * Global set-up of the full suite: without the shared fixtures, one message naming what is missing
 * and the way out (`npm run test:core`), instead of every file that reads them failing on its own.
 */
import { missingSharedFixtures, missingSharedMessage } from '../support/shared-location';

export default function requireSharedFixtures(): void {
  const missing = missingSharedFixtures();
  if (missing.length > 0) throw new Error(missingSharedMessage(missing));
}
