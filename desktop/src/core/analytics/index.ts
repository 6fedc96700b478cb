export { lineBuckets, type LineQuery, refinedBy, worthRefining } from './line-buckets.js';
export { monitorFigures, type MonitorFigures, type FiguresQuery } from './monitor-figures.js';
export { monitorReport, type ReportStore, type ReportSubject } from './monitor-report.js';
export {
  PHASE_SAMPLE_CHECKS,
  samplePhases,
  type PhaseSample,
  type PhaseSampleQuery,
} from './phase-sample.js';
export { reportSubject } from './report-subject.js';
export { slaCsv, slaCsvFilename, slaOverview, SLA_CSV_HEADER, type OverviewQuery } from './sla-overview.js';
