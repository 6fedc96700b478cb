import { MONITOR_DEFAULTS as D } from '@vantage/shared';
import { bindText, type EditorBinding, Field, Toggle } from './field.js';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The request an HTTP monitor sends and what its response must be. */
export function HttpFields({ editor }: { editor: EditorBinding }) {
  const { form } = editor;
  const sendsBody = !['GET', 'HEAD', 'OPTIONS'].includes(form.method);
  return (
    <>
      <div className="form-grid">
        <Field field="url" label="URL" error={editor.error('url')} wide>
          <div className="input-group">
            <select className="select" {...bindText(editor, 'method')} id="field-method" aria-label="Method">
              {METHODS.map((method) => (
                <option key={method}>{method}</option>
              ))}
            </select>
            <input
              className="input mono"
              {...bindText(editor, 'url')}
              placeholder="https://example.com/health"
            />
          </div>
        </Field>
        <Field
          field="expectedStatus"
          label="Expected status"
          error={editor.error('expectedStatus')}
          hint="200, 200..299 or [200..299, 304]"
        >
          <input
            className="input mono"
            {...bindText(editor, 'expectedStatus')}
            placeholder={D.expectedStatus}
          />
        </Field>
        <Field
          field="maxRedirects"
          label="Follow redirects"
          error={editor.error('maxRedirects')}
          hint="0 to not follow any"
        >
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'maxRedirects')}
            placeholder={String(D.maxRedirects)}
          />
        </Field>
        <Field
          field="headers"
          label="Headers"
          error={editor.error('headers')}
          hint="One per line: Name: value"
          wide
        >
          <textarea
            className="textarea mono"
            rows={3}
            {...bindText(editor, 'headers')}
            placeholder={'Accept: application/json\nX-Api-Key: …'}
          />
        </Field>
        {(sendsBody || form.body !== '') && (
          <Field field="body" label="Request body" error={editor.error('body')} wide>
            <textarea
              className="textarea mono"
              rows={3}
              {...bindText(editor, 'body')}
              placeholder='{"ping": true}'
            />
          </Field>
        )}
        <Field field="authType" label="Authentication" error={editor.error('authType')}>
          <select className="select" {...bindText(editor, 'authType')}>
            <option value="none">None</option>
            <option value="basic">Basic (user and password)</option>
            <option value="bearer">Bearer token</option>
          </select>
        </Field>
        {form.authType === 'basic' && (
          <>
            <Field field="authUsername" label="User" error={editor.error('authUsername')}>
              <input className="input" autoComplete="off" {...bindText(editor, 'authUsername')} />
            </Field>
            <Field field="authPassword" label="Password" error={editor.error('authPassword')}>
              <input
                className="input"
                type="password"
                autoComplete="new-password"
                {...bindText(editor, 'authPassword')}
              />
            </Field>
          </>
        )}
        {form.authType === 'bearer' && (
          <Field field="authToken" label="Token" error={editor.error('authToken')}>
            <input
              className="input mono"
              type="password"
              autoComplete="off"
              {...bindText(editor, 'authToken')}
            />
          </Field>
        )}
        <Field
          field="certMinDays"
          label="Certificate warning"
          error={editor.error('certMinDays')}
          hint="Days before expiry; 0 turns it off"
        >
          <input
            className="input"
            inputMode="numeric"
            {...bindText(editor, 'certMinDays')}
            placeholder={String(D.certMinDays)}
          />
        </Field>
      </div>
      <Toggle
        editor={editor}
        field="verifyTls"
        label="Verify TLS certificates"
        hint="Turn off only for self-signed test servers"
      />
    </>
  );
}
