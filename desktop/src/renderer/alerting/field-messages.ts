/** Messages by field path (`url`, `steps`, `steps.1.channels`); `''` holds the form's own. */
export type FieldMessages = Record<string, string>;

/**
 * Field errors by path, plus the first one under each top-level field (`to.0` also shows under
 * `to`), where the rest of its path stays in front of the message, numbered from 1 as people
 * count (`steps.1.channels` shows under `steps` as `#2 channels: …`).
 */
export function errorsByField(errors: readonly { path: string; message: string }[]): FieldMessages {
  const messages: FieldMessages = {};
  for (const error of errors) {
    messages[error.path] ??= error.message;
    const [head = '', ...rest] = error.path.split('.');
    if (rest.length === 0 || messages[head] !== undefined) continue;
    const where = rest.map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : part)).join(' ');
    messages[head] = `${where}: ${error.message}`;
  }
  return messages;
}
