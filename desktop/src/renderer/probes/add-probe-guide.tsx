import { Info } from 'lucide-react';
import { useState } from 'react';
import { CopyBlock } from '../components/copy-block.js';
import { useAppStore } from '../store/use-app-store.js';
import { probeCommands, regionNameProblem } from './probe-commands.js';

const RELAY_PLACEHOLDER = 'wss://relay.example.com';

/** Step by step: create a probe token on the relay's machine, start the probe on a VPS, watch it appear. */
export function AddProbeGuide() {
  const sync = useAppStore((s) => s.sync);
  const [region, setRegion] = useState('eu-west');
  const [name, setName] = useState('fra-1');
  // The relay this desktop uses is the one probes dial too, unless it is the loopback-only embedded one.
  const embedded = sync?.mode !== 'remote';
  const [relayUrl, setRelayUrl] = useState(embedded ? '' : (sync?.relayUrl ?? ''));
  const regionProblem = regionNameProblem(region);
  const commands = probeCommands({
    relayUrl: relayUrl.trim() === '' ? RELAY_PLACEHOLDER : relayUrl.trim(),
    region: region.trim() === '' ? 'REGION' : region.trim(),
    name: name.trim() === '' ? 'NAME' : name.trim(),
  });

  return (
    <section className="card add-probe">
      <h2 className="section-title">Add a probe on a VPS</h2>
      <p className="muted">
        A probe is one small daemon per region. It dials out to your relay (it opens no port), runs the checks
        assigned to its region and keeps results on disk until the relay has them.
      </p>
      {embedded && (
        <div className="inline-alert inline-alert-info">
          <Info size={15} />
          <div>
            The embedded relay listens on this computer only. For probes elsewhere, run{' '}
            <code>vantage-relay</code> on a server (e.g. <code>vantage-relay --host 0.0.0.0 --port 7400</code>
            ) and switch to it in <a href="#/settings">Settings → Relay</a>.
          </div>
        </div>
      )}
      <div className="form-grid form-grid-3">
        <div className={`field${regionProblem !== null ? ' field-invalid' : ''}`}>
          <label className="field-label" htmlFor="probe-region">
            Region
          </label>
          <input
            id="probe-region"
            className="input mono"
            value={region}
            onChange={(event) => setRegion(event.target.value)}
          />
          {regionProblem !== null ? (
            <div className="field-error">Region {regionProblem}</div>
          ) : (
            <div className="field-hint">Lowercase, e.g. eu-west, us-east</div>
          )}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="probe-name">
            Probe name
          </label>
          <input
            id="probe-name"
            className="input mono"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <div className="field-hint">To recognise it in lists and logs</div>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="probe-relay">
            Relay address
          </label>
          <input
            id="probe-relay"
            className="input mono"
            value={relayUrl}
            placeholder={RELAY_PLACEHOLDER}
            onChange={(event) => setRelayUrl(event.target.value)}
          />
          <div className="field-hint">As the VPS reaches it: ws:// or wss://</div>
        </div>
      </div>
      <ol className="steps">
        <li>
          <div className="step-title">
            On the relay's server, create a token for this probe (it is printed once):
          </div>
          <CopyBlock text={commands.createToken} label="token command" />
        </li>
        <li>
          <div className="step-title">On the probe's VPS, start the probe with that token:</div>
          <CopyBlock text={commands.startProbe} label="probe command" />
          <div className="field-hint">
            Every flag also reads from an environment variable (<code>VANTAGE_RELAY</code>,{' '}
            <code>VANTAGE_TOKEN</code>, <code>VANTAGE_REGION</code>) or a config file; see{' '}
            <code>vantage-probe --help</code>.
          </div>
        </li>
        <li>
          <div className="step-title">
            It appears in the list above within seconds, and monitors set to “every region” start running
            there.
          </div>
        </li>
      </ol>
    </section>
  );
}
