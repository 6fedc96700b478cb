import type { CheckContext } from '../checks/check-kind.js';
import { CheckStop } from '../checks/check-stop.js';
import { createTlsContextCache } from '../checks/tls-context-cache.js';

/** A check context for calling one check kind directly in tests: 64 KiB body limit, never stopped. */
export function testCheckContext(overrides: Partial<CheckContext> = {}): CheckContext {
  return {
    stop: new CheckStop(),
    now: Date.now,
    bodyLimitBytes: 64 * 1024,
    tls: createTlsContextCache(),
    ...overrides,
  };
}
