import {
  CHANNEL_SECRET_FIELDS,
  ChannelConfig,
  type ChannelKind,
  parseChannelConfig,
  REDACTED_SECRET,
} from '@vantage/shared';
import { z } from 'zod';
import type { RedactedChannel } from '../../contract/methods/alerting-methods.js';
import { fieldLabel, fieldText } from './channel-field-text.js';
import { errorsByField, type FieldMessages } from './field-messages.js';

/** How a field of a channel kind is edited. */
export type ChannelFieldInput =
  'text' | 'secret' | 'number' | 'switch' | 'choice' | 'list' | 'headers' | 'pem';

/** One field of a channel kind's form, derived from the kind's schema. */
export interface ChannelField {
  key: string;
  input: ChannelFieldInput;
  label: string;
  hint: string | undefined;
  placeholder: string | undefined;
  required: boolean;
  /** Neither required nor defaulted: may be left empty (the label says so). */
  optional: boolean;
  /** The choices of a `choice` field. */
  options: readonly string[];
  /** Provider endpoints and rarely changed settings, shown folded. */
  advanced: boolean;
}

/** A channel being edited: common fields, and every kind field as text or a switch. */
export interface ChannelDraft {
  kind: ChannelKind;
  /** Empty for a new channel (made from the name when saved). */
  id: string;
  name: string;
  enabled: boolean;
  values: Record<string, string | boolean>;
  /** Secret fields stored on the relay: left empty, they keep the stored value. */
  keptSecrets: readonly string[];
}

const COMMON = new Set(['kind', 'id', 'name', 'enabled']);
const ADVANCED = new Set([
  'apiBase',
  'caCertificate',
  'messageThreadId',
  'subjectPrefix',
  'voice',
  'language',
]);

interface JsonProperty {
  type?: string;
  enum?: string[];
  default?: unknown;
  pattern?: string;
  items?: unknown;
}

const cache = new Map<ChannelKind, ChannelField[]>();

/**
 * The form fields of a channel kind, in the schema's order, read from the kind's schema in
 * shared/ (types, required fields, choices) plus labels and hints: a new field in a kind's schema
 * shows up in the form without touching the renderer.
 */
export function channelFields(kind: ChannelKind): ChannelField[] {
  const known = cache.get(kind);
  if (known !== undefined) return known;
  const option = ChannelConfig.options.find((o) => o.shape.kind.value === kind)!;
  const json = z.toJSONSchema(option, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, JsonProperty>;
    required?: string[];
  };
  const secrets = new Set(CHANNEL_SECRET_FIELDS[kind].map((path) => path.split('.')[0]!));
  const fields = Object.entries(json.properties)
    .filter(([key]) => !COMMON.has(key))
    .map(([key, property]): ChannelField => {
      const text = fieldText(kind, key);
      const input: ChannelFieldInput =
        property.type === 'boolean'
          ? 'switch'
          : property.enum !== undefined
            ? 'choice'
            : property.type === 'array'
              ? 'list'
              : property.type === 'object'
                ? 'headers'
                : property.type === 'integer' || property.type === 'number'
                  ? 'number'
                  : key === 'caCertificate'
                    ? 'pem'
                    : secrets.has(key)
                      ? 'secret'
                      : 'text';
      return {
        key,
        input,
        label: text.label ?? fieldLabel(key),
        hint: text.hint,
        placeholder: text.placeholder,
        required: (json.required ?? []).includes(key),
        optional: !(json.required ?? []).includes(key) && property.default === undefined,
        options: property.enum ?? [],
        advanced: ADVANCED.has(key),
      };
    });
  cache.set(kind, fields);
  return fields;
}

/** An empty draft of a kind, defaults filled in. */
export function newChannelDraft(kind: ChannelKind): ChannelDraft {
  const values: Record<string, string | boolean> = {};
  const option = ChannelConfig.options.find((o) => o.shape.kind.value === kind)!;
  const json = z.toJSONSchema(option, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, JsonProperty>;
  };
  for (const field of channelFields(kind)) {
    const fallback = json.properties[field.key]?.default;
    values[field.key] =
      field.input === 'switch' ? fallback === true : typeof fallback === 'string' ? fallback : '';
  }
  return { kind, id: '', name: '', enabled: true, values, keptSecrets: [] };
}

/** The draft of a saved channel; its redacted secrets become empty fields that keep the stored value. */
export function draftFromChannel(channel: RedactedChannel): ChannelDraft {
  const draft = newChannelDraft(channel.kind);
  const kept: string[] = [];
  for (const field of channelFields(channel.kind)) {
    const value = (channel as Record<string, unknown>)[field.key];
    if (value === undefined) continue;
    if (field.input === 'secret' && value === REDACTED_SECRET) {
      kept.push(field.key);
      draft.values[field.key] = '';
    } else if (field.input === 'switch') draft.values[field.key] = value === true;
    else if (field.input === 'list' && Array.isArray(value)) draft.values[field.key] = value.join('\n');
    else if (field.input === 'headers' && typeof value === 'object' && value !== null)
      draft.values[field.key] = Object.entries(value)
        .map(([name, text]) => `${name}: ${String(text)}`)
        .join('\n');
    else draft.values[field.key] = String(value);
  }
  return { ...draft, id: channel.id, name: channel.name, enabled: channel.enabled, keptSecrets: kept };
}

/**
 * The channel document a draft describes, as the relay takes it: blank optional fields left out,
 * numbers and lists parsed (what does not parse stays as typed, so the schema names it), and an
 * untouched stored secret sent as the redaction marker so the relay keeps it.
 */
export function channelFromDraft(draft: ChannelDraft, id: string = draft.id): Record<string, unknown> {
  const document: Record<string, unknown> = {
    kind: draft.kind,
    id,
    name: draft.name.trim(),
    enabled: draft.enabled,
  };
  for (const field of channelFields(draft.kind)) {
    const raw = draft.values[field.key];
    if (typeof raw === 'boolean') {
      document[field.key] = raw;
      continue;
    }
    const text = (raw ?? '').trim();
    if (text === '') {
      if (draft.keptSecrets.includes(field.key)) document[field.key] = REDACTED_SECRET;
      continue;
    }
    if (field.input === 'number') document[field.key] = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
    else if (field.input === 'list') document[field.key] = splitList(text);
    else if (field.input === 'headers') document[field.key] = parseHeaders(text);
    else if (field.input === 'pem' || field.key === 'password') document[field.key] = raw;
    else document[field.key] = text;
  }
  return document;
}

/**
 * What is wrong with a draft before it is sent, by field key (`name`, `url`, `to`), with shared's
 * messages. A kept secret is not checked here: the relay has its value.
 */
export function checkChannelDraft(draft: ChannelDraft): FieldMessages {
  const document = channelFromDraft(draft, draft.id === '' ? 'new-channel' : draft.id);
  const parsed = parseChannelConfig(document);
  if (parsed.ok) return {};
  const relevant = parsed.error.filter((error) => document[error.path.split('.')[0]!] !== REDACTED_SECRET);
  return errorsByField(relevant);
}

/** An id for a new channel made from its name (`#ops alerts` → `ops-alerts`), unique among `taken`. */
export function channelIdFor(name: string, taken: readonly string[]): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'channel';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

function splitList(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `Name: value` lines; a line without a colon is a header with an empty value. */
function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon < 0) headers[line.trim()] = '';
    else headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
