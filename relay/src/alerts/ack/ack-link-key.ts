import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOwnerOnly } from '../../config/first-desktop-token.js';
import { ACK_KEY_MIN_BYTES } from '../ack-links.js';

/** Name of the file, inside the data dir, that keeps the key ack links are signed with. */
export const ACK_LINK_KEY_FILE = 'ack-link.key';

/**
 * The key that signs acknowledge links: 32 random bytes created on first start and kept in the
 * data dir (mode 0600), so links in emails sent before a restart still work. Deleting the file
 * invalidates every link ever sent.
 */
export function ensureAckLinkKey(dataDir: string): Buffer {
  const path = join(dataDir, ACK_LINK_KEY_FILE);
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    if (key.length >= ACK_KEY_MIN_BYTES) return key;
  }
  const key = randomBytes(ACK_KEY_MIN_BYTES);
  writeOwnerOnly(path, `${key.toString('hex')}\n`);
  return key;
}
