import { conditionsFromText } from './condition-lines.js';
import type { MonitorForm } from './monitor-form.js';

/**
 * The monitor configuration a form describes, as the API takes it: blank fields are left out so
 * that shared's defaults apply, and only the chosen type's fields are sent. Text that is not a
 * number is passed through as typed, so validation names the field instead of guessing.
 */
export function monitorInputFromForm(form: MonitorForm): Record<string, unknown> {
  const input: Record<string, unknown> = { type: form.type, name: form.name.trim() };
  const put = (key: string, value: unknown) => {
    if (value !== undefined) input[key] = value;
  };
  put('id', text(form.id));
  put('description', text(form.description));
  put('group', text(form.group));
  const tags = form.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  if (tags.length > 0) input.tags = tags;
  put('interval', number(form.interval));
  put('timeout', number(form.timeout));
  input.regions = form.regionsMode === 'all' ? 'all' : form.regions;
  put('confirmation', number(form.confirmation));
  put('recovery', number(form.recovery));
  put('quorum', number(form.quorum));
  if (form.failureWindow)
    input.failureWindow = {
      failures: number(form.failureWindowFailures),
      minutes: number(form.failureWindowMinutes),
    };
  put('degradedAboveMs', number(form.degradedAboveMs));
  put('downAboveMs', number(form.downAboveMs));
  input.conditions = conditionsFromText(form.conditions);
  put('retries', number(form.retries));
  put('retryDelayMs', number(form.retryDelayMs));
  input.paused = form.paused;
  put('parent', text(form.parent));
  switch (form.type) {
    case 'http':
      input.url = form.url.trim();
      input.method = form.method;
      input.headers = headersFromText(form.headers);
      put('body', form.body === '' ? undefined : form.body);
      if (form.authType === 'basic')
        input.auth = { type: 'basic', username: form.authUsername, password: form.authPassword };
      if (form.authType === 'bearer') input.auth = { type: 'bearer', token: form.authToken };
      put('maxRedirects', number(form.maxRedirects));
      input.verifyTls = form.verifyTls;
      put('expectedStatus', text(form.expectedStatus));
      put('certMinDays', number(form.certMinDays));
      break;
    case 'tcp':
      input.host = form.host.trim();
      put('port', number(form.port));
      input.tls = form.tls;
      input.verifyTls = form.verifyTls;
      break;
    case 'dns':
      input.hostname = form.hostname.trim();
      input.recordType = form.recordType;
      put('resolver', text(form.resolver));
      input.expectedAnswers = lines(form.expectedAnswers);
      break;
    case 'tls':
      input.host = form.host.trim();
      put('port', number(form.port));
      put('servername', text(form.servername));
      input.verifyTls = form.verifyTls;
      put('certMinDays', number(form.certMinDays));
      break;
    case 'heartbeat':
      if (form.schedule === 'period') put('period', number(form.period));
      else put('cron', text(form.cron));
      put('timezone', text(form.timezone));
      put('grace', number(form.grace));
      break;
    case 'browser':
      input.url = form.url.trim();
      input.waitUntil = form.waitUntil;
      put('steps', text(form.steps));
      if (form.viewport)
        input.viewport = { width: number(form.viewportWidth), height: number(form.viewportHeight) };
      input.screenshotOnFailure = form.screenshotOnFailure;
      break;
  }
  return input;
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function number(value: string): number | string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function headersFromText(value: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines(value)) {
    const colon = line.indexOf(':');
    if (colon === -1) headers[line] = '';
    else headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}
