import { MONITOR_DEFAULTS as D } from '@vantage/shared';
import { formatSeconds } from '../format/format.js';
import { bindText, type EditorBinding, Field, Toggle } from './field.js';
import { HttpFields } from './http-fields.js';

const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'] as const;
const WAIT_UNTIL = [
  { value: 'load', label: 'Page load' },
  { value: 'domcontentloaded', label: 'DOM ready' },
  { value: 'networkidle', label: 'Network idle' },
] as const;

/** The fields only the chosen type has, in one card titled after what it checks. */
export function TypeFields({ editor }: { editor: EditorBinding }) {
  const { form } = editor;
  const title = {
    http: 'Request',
    tcp: 'Connection',
    dns: 'Lookup',
    tls: 'Certificate',
    heartbeat: 'Expected pings',
    browser: 'Page',
  }[form.type];
  return (
    <section className="card form-section">
      <h2 className="section-title">{title}</h2>
      {form.type === 'http' && <HttpFields editor={editor} />}
      {form.type === 'tcp' && <TcpFields editor={editor} />}
      {form.type === 'dns' && <DnsFields editor={editor} />}
      {form.type === 'tls' && <TlsFields editor={editor} />}
      {form.type === 'heartbeat' && <HeartbeatFields editor={editor} />}
      {form.type === 'browser' && <BrowserFields editor={editor} />}
    </section>
  );
}

function TcpFields({ editor }: { editor: EditorBinding }) {
  return (
    <>
      <div className="form-grid">
        <Field field="host" label="Host" error={editor.error('host')}>
          <input className="input mono" {...bindText(editor, 'host')} placeholder="db.example.com" />
        </Field>
        <Field field="port" label="Port" error={editor.error('port')}>
          <input className="input" inputMode="numeric" {...bindText(editor, 'port')} placeholder="5432" />
        </Field>
      </div>
      <Toggle editor={editor} field="tls" label="Do a TLS handshake after connecting" />
      {editor.form.tls && <Toggle editor={editor} field="verifyTls" label="Verify the certificate" />}
    </>
  );
}

function DnsFields({ editor }: { editor: EditorBinding }) {
  return (
    <div className="form-grid">
      <Field field="hostname" label="Name to look up" error={editor.error('hostname')}>
        <input className="input mono" {...bindText(editor, 'hostname')} placeholder="example.com" />
      </Field>
      <Field field="recordType" label="Record type" error={editor.error('recordType')}>
        <select className="select" {...bindText(editor, 'recordType')}>
          {RECORD_TYPES.map((type) => (
            <option key={type}>{type}</option>
          ))}
        </select>
      </Field>
      <Field
        field="resolver"
        label="Resolver"
        error={editor.error('resolver')}
        hint="IP[:port]; blank uses the system resolver"
      >
        <input className="input mono" {...bindText(editor, 'resolver')} placeholder="1.1.1.1" />
      </Field>
      <Field
        field="expectedAnswers"
        label="Expected answers"
        error={editor.error('expectedAnswers')}
        hint="One per line; all must be present"
        wide
      >
        <textarea
          className="textarea mono"
          rows={3}
          {...bindText(editor, 'expectedAnswers')}
          placeholder="93.184.216.34"
        />
      </Field>
    </div>
  );
}

function TlsFields({ editor }: { editor: EditorBinding }) {
  return (
    <>
      <div className="form-grid">
        <Field field="host" label="Host" error={editor.error('host')}>
          <input className="input mono" {...bindText(editor, 'host')} placeholder="example.com" />
        </Field>
        <Field field="port" label="Port" error={editor.error('port')}>
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'port')}
            placeholder={String(D.tlsPort)}
          />
        </Field>
        <Field
          field="servername"
          label="Server name (SNI)"
          error={editor.error('servername')}
          hint="Blank uses the host"
        >
          <input className="input mono" {...bindText(editor, 'servername')} />
        </Field>
        <Field field="certMinDays" label="Warn before expiry" error={editor.error('certMinDays')} hint="Days">
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'certMinDays')}
            placeholder={String(D.certMinDays)}
          />
        </Field>
      </div>
      <Toggle editor={editor} field="verifyTls" label="Verify the certificate chain and host name" />
    </>
  );
}

function HeartbeatFields({ editor }: { editor: EditorBinding }) {
  const { form } = editor;
  return (
    <div className="form-grid">
      <Field field="schedule" label="Pings are expected" error={undefined} wide>
        <div className="radio-row" id="field-schedule">
          <label className="radio">
            <input
              type="radio"
              checked={form.schedule === 'period'}
              onChange={() => editor.update('schedule', 'period')}
            />
            Every so often
          </label>
          <label className="radio">
            <input
              type="radio"
              checked={form.schedule === 'cron'}
              onChange={() => editor.update('schedule', 'cron')}
            />
            On a cron schedule
          </label>
        </div>
      </Field>
      {form.schedule === 'period' ? (
        <Field field="period" label="Every" error={editor.error('period')} hint="Seconds, or 5m, 1h, 1d">
          <input className="input" {...bindText(editor, 'period')} placeholder="1h" />
        </Field>
      ) : (
        <>
          <Field
            field="cron"
            label="Cron expression"
            error={editor.error('cron') ?? editor.error('period')}
            hint="e.g. 0 3 * * * (daily at 03:00)"
          >
            <input className="input mono" {...bindText(editor, 'cron')} placeholder="0 3 * * *" />
          </Field>
          <Field
            field="timezone"
            label="Time zone"
            error={editor.error('timezone')}
            hint="IANA name, e.g. Europe/Berlin"
          >
            <input className="input" {...bindText(editor, 'timezone')} placeholder={D.heartbeatTimezone} />
          </Field>
        </>
      )}
      <Field field="grace" label="Grace" error={editor.error('grace')} hint="How late a ping may be">
        <input
          className="input"
          {...bindText(editor, 'grace')}
          placeholder={formatSeconds(D.heartbeatGraceS)}
        />
      </Field>
    </div>
  );
}

function BrowserFields({ editor }: { editor: EditorBinding }) {
  return (
    <>
      <div className="form-grid">
        <Field field="url" label="URL" error={editor.error('url')} wide>
          <input
            className="input mono"
            {...bindText(editor, 'url')}
            placeholder="https://app.example.com/login"
          />
        </Field>
        <Field field="waitUntil" label="Wait for" error={editor.error('waitUntil')}>
          <select className="select" {...bindText(editor, 'waitUntil')}>
            {WAIT_UNTIL.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          field="steps"
          label="Scripted steps"
          error={editor.error('steps')}
          hint="Playwright code run against `page`"
          wide
        >
          <textarea
            className="textarea mono"
            rows={5}
            {...bindText(editor, 'steps')}
            placeholder={"await page.fill('#email', 'probe@example.com');\nawait page.click('text=Sign in');"}
          />
        </Field>
      </div>
      <Toggle editor={editor} field="viewport" label="Set the viewport size" />
      {editor.form.viewport && (
        <div className="form-grid indent">
          <Field field="viewportWidth" label="Width" error={editor.error('viewportWidth')}>
            <input
              className="input"
              inputMode="numeric"
              {...bindText(editor, 'viewportWidth')}
              placeholder="1280"
            />
          </Field>
          <Field field="viewportHeight" label="Height" error={editor.error('viewportHeight')}>
            <input
              className="input"
              inputMode="numeric"
              {...bindText(editor, 'viewportHeight')}
              placeholder="800"
            />
          </Field>
        </div>
      )}
      <Toggle editor={editor} field="screenshotOnFailure" label="Take a screenshot when a check fails" />
    </>
  );
}
