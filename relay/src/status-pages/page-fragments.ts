import {
  OVERALL_STATE_TEXT,
  type PublicIncident,
  type PublicMaintenance,
  type PublicMonitorState,
  type PublicStatusPage,
} from '@vantage/shared';
import { escapeHtml } from '../alerts/escape-markup.js';

/** The words shown for a monitor's state. */
export const STATE_TEXT: Readonly<Record<PublicMonitorState, string>> = {
  operational: 'Operational',
  degraded: 'Degraded',
  down: 'Down',
  maintenance: 'Maintenance',
  unknown: 'No data',
};

/** The words shown for a written incident's status, on the page and in the feeds. */
export const INCIDENT_STATUS_TEXT: Readonly<Record<PublicIncident['status'], string>> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A `<time>` in UTC, readable without JavaScript: `Nov 23, 2026 14:05 UTC`. */
export function timeHtml(at: number): string {
  const d = new Date(at);
  const text = `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  return `<time datetime="${d.toISOString()}">${text}</time>`;
}

/** The page's banner: the overall state in words, with a live region so screen readers hear changes. */
export function bannerHtml(page: PublicStatusPage): string {
  return (
    `<div class="banner banner--${page.overall}" role="status" aria-live="polite">` +
    `<span class="dot" aria-hidden="true"></span><strong>${OVERALL_STATE_TEXT[page.overall]}</strong>` +
    `<span class="updated">Updated ${timeHtml(page.generatedAt)}</span></div>`
  );
}

/** One written incident with its updates, newest first. */
export function incidentHtml(incident: PublicIncident): string {
  const affected =
    incident.affected.length === 0
      ? ''
      : `<p class="affected">Affects ${incident.affected.map(escapeHtml).join(', ')}</p>`;
  const updates = incident.updates
    .map(
      (u) =>
        `<li><strong class="istatus istatus--${u.status}">${INCIDENT_STATUS_TEXT[u.status]}</strong> ` +
        `<span class="when">${timeHtml(u.at)}</span><p class="msg">${escapeHtml(u.message)}</p></li>`,
    )
    .join('');
  return (
    `<article class="incident incident--${incident.impact}" id="incident-${escapeHtml(incident.id)}">` +
    `<h3>${escapeHtml(incident.title)}</h3>${affected}<ol class="updates">${updates}</ol></article>`
  );
}

/** The active written incidents block (empty when there is none). */
export function activeIncidentsHtml(page: PublicStatusPage): string {
  if (page.activeIncidents.length === 0) return '';
  return `<h2>Active incidents</h2>${page.activeIncidents.map(incidentHtml).join('')}`;
}

function maintenanceItem(m: PublicMaintenance): string {
  return (
    `<li class="maint${m.active ? ' maint--active' : ''}"><strong>${escapeHtml(m.name)}</strong> ` +
    `<span class="when">${m.active ? 'In progress' : 'Scheduled'}: ${timeHtml(m.startsAt)} – ${timeHtml(m.endsAt)}</span>` +
    `<p class="affected">Affects ${m.affected.map(escapeHtml).join(', ')}</p></li>`
  );
}

/** Maintenance in effect and coming up (empty when there is none). */
export function maintenanceHtml(page: PublicStatusPage): string {
  if (page.maintenance.length === 0) return '';
  return `<h2>Maintenance</h2><ul class="maintenance">${page.maintenance.map(maintenanceItem).join('')}</ul>`;
}

/** What the live script receives: the HTML pieces to swap and each monitor's state. */
export interface LiveUpdate {
  banner: string;
  incidents: string;
  maintenance: string;
  monitors: { key: string; state: PublicMonitorState; text: string }[];
}

/** The live update for a page model, built from the very functions the first render used. */
export function liveUpdateOf(page: PublicStatusPage): LiveUpdate {
  return {
    banner: bannerHtml(page),
    incidents: activeIncidentsHtml(page),
    maintenance: maintenanceHtml(page),
    monitors: page.sections.flatMap((s) =>
      s.monitors.map((m) => ({ key: m.key, state: m.state, text: STATE_TEXT[m.state] })),
    ),
  };
}
