import type { FieldError } from '../errors.js';
import { err, ok, type Result } from '../result.js';
import type { ChannelConfig, ChannelKind } from './channel-config.js';

/** What a secret reads as in API responses; sent back unchanged, it keeps the stored value. */
export const REDACTED_SECRET = '[redacted]';

/**
 * The secret fields of each kind, as dotted paths (`*` = every value of a map). Secrets never
 * reach probes, are scrubbed from delivery errors and are redacted in API responses. Webhook
 * URLs of chat services carry their token in the path, so the whole URL is secret; so is an ntfy
 * topic, whose name is all that guards it on a public server.
 */
export const CHANNEL_SECRET_FIELDS: { readonly [K in ChannelKind]: readonly string[] } = {
  email: ['password'],
  slack: ['webhookUrl'],
  discord: ['webhookUrl'],
  teams: ['webhookUrl'],
  telegram: ['botToken'],
  webhook: ['url', 'secret', 'headers.*'],
  pagerduty: ['routingKey'],
  ntfy: ['topic', 'token', 'password'],
  'twilio-sms': ['authToken'],
  'twilio-whatsapp': ['authToken'],
  'twilio-voice': ['authToken'],
};

type Json = Record<string, unknown>;

/** One place a secret may sit: the object holding it, its key and its dotted path. */
interface SecretSlot {
  holder: Json;
  key: string;
  path: string;
}

/** Finds the secret slots of a channel-shaped object (present or not); unknown kinds have none. */
function secretSlots(config: Json): SecretSlot[] {
  const paths = CHANNEL_SECRET_FIELDS[config.kind as ChannelKind] ?? [];
  const slots: SecretSlot[] = [];
  for (const path of paths) {
    const [head, tail] = path.split('.') as [string, string | undefined];
    if (tail === undefined) {
      slots.push({ holder: config, key: head, path: head });
      continue;
    }
    const holder = config[head];
    if (typeof holder !== 'object' || holder === null) continue;
    for (const key of Object.keys(holder))
      slots.push({ holder: holder as Json, key, path: `${head}.${key}` });
  }
  return slots;
}

/** A copy of a channel whose secrets read {@link REDACTED_SECRET}; for API responses and logs. */
export function redactChannelConfig<C extends ChannelConfig>(config: C): C {
  const copy = structuredClone(config) as unknown as Json;
  for (const slot of secretSlots(copy)) {
    if (typeof slot.holder[slot.key] === 'string' && slot.holder[slot.key] !== '')
      slot.holder[slot.key] = REDACTED_SECRET;
  }
  return copy as unknown as C;
}

/**
 * Puts the stored secrets back where a client sent {@link REDACTED_SECRET}, so editing a
 * channel's name does not require retyping its token. Runs before validation. A marker with
 * no stored value to keep (a new channel, or the kind changed) is an error naming the field.
 */
export function mergeRedacted(
  input: unknown,
  stored: ChannelConfig | undefined,
): Result<unknown, FieldError[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return ok(input);
  const merged = structuredClone(input) as Json;
  const storedOfKind =
    stored !== undefined && stored.kind === merged.kind ? (stored as unknown as Json) : undefined;
  const errors: FieldError[] = [];
  for (const slot of secretSlots(merged)) {
    if (slot.holder[slot.key] !== REDACTED_SECRET) continue;
    const kept = storedOfKind === undefined ? undefined : valueAt(storedOfKind, slot.path);
    if (typeof kept === 'string') slot.holder[slot.key] = kept;
    else
      errors.push({
        path: slot.path,
        message: 'is redacted and there is no stored value to keep; enter it again',
      });
  }
  return errors.length > 0 ? err(errors) : ok(merged);
}

/** Every non-empty secret value of a channel. */
export function channelSecretValues(config: ChannelConfig): string[] {
  const values: string[] = [];
  for (const slot of secretSlots(config as unknown as Json)) {
    const value = slot.holder[slot.key];
    if (typeof value === 'string' && value !== '') values.push(value);
  }
  return values;
}

function valueAt(object: Json, path: string): unknown {
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Json)[part];
  }
  return value;
}
