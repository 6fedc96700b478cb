import type { MonitorReportView } from '../../contract/methods/analytics-methods.js';
import { PhaseBar } from '../components/phase-bar.js';
import { formatDateTime, formatLatency, plural } from '../format/format.js';
import { ReportStats } from './report-stats.js';
import { OutageTable, RegionComparison } from './report-tables.js';
import { UptimeBars } from './uptime-bars.js';

/** A monitor's report: figures, uptime per day, response times and phases, outages and regions. */
export function ReportBody({ report, target }: { report: MonitorReportView; target: number }) {
  const phases = report.phases;
  const timings =
    phases === null
      ? undefined
      : {
          ...(phases.dnsMs === null ? {} : { dnsMs: phases.dnsMs }),
          ...(phases.connectMs === null ? {} : { connectMs: phases.connectMs }),
          ...(phases.tlsMs === null ? {} : { tlsMs: phases.tlsMs }),
          ...(phases.ttfbMs === null ? {} : { ttfbMs: phases.ttfbMs }),
          ...(phases.transferMs === null ? {} : { transferMs: phases.transferMs }),
        };
  const phaseTotal = Object.values(timings ?? {}).reduce((s, v) => s + v, 0);
  return (
    <>
      <ReportStats report={report} target={target} />
      <section className="card report-card">
        <div className="card-header">
          <h2 className="section-title">Uptime per {report.step}</h2>
        </div>
        <UptimeBars steps={report.series} step={report.step} target={target} />
      </section>
      <div className="report-columns">
        <section className="card report-card">
          <div className="card-header">
            <h2 className="section-title">Response time</h2>
          </div>
          <dl className="percentiles">
            {(['p50Ms', 'p95Ms', 'p99Ms', 'avgMs'] as const).map((key) => (
              <div key={key}>
                <dt>{key === 'avgMs' ? 'avg' : key.slice(0, 3)}</dt>
                <dd className="num">{formatLatency(report.latency?.[key])}</dd>
              </div>
            ))}
          </dl>
          <h3 className="subsection-title">Where the time goes</h3>
          {phases === null || phases.samples === 0 ? (
            <p className="muted small">
              No raw check with timings in this range (raw checks are kept 30 days).
            </p>
          ) : (
            <>
              <PhaseBar phases={timings} total={phaseTotal} />
              <p className="muted small">
                Average of {plural(phases.samples, 'answered check')}, {formatDateTime(phases.from)} –{' '}
                {formatDateTime(phases.to)}.
              </p>
            </>
          )}
        </section>
        <section className="card report-card">
          <div className="card-header">
            <h2 className="section-title">Regions</h2>
          </div>
          <RegionComparison report={report} target={target} />
        </section>
      </div>
      <section className="card report-card">
        <div className="card-header">
          <h2 className="section-title">Outages · {report.outages.length}</h2>
        </div>
        <OutageTable report={report} />
      </section>
    </>
  );
}
