import type { PublicDay, PublicMonitor, PublicStatusPage } from '@vantage/shared';
import { escapeHtml } from '../alerts/escape-markup.js';
import {
  activeIncidentsHtml,
  bannerHtml,
  incidentHtml,
  maintenanceHtml,
  STATE_TEXT,
} from './page-fragments.js';
import { PAGE_LIVE_SCRIPT } from './page-live-script.js';
import { PAGE_CSS } from './page-styles.js';
import { uptimeTone } from './uptime-tone.js';

/** Uptime as people read it: `99.95 %`, never rounded up to 100 when something failed. */
export function formatUptime(uptime: number | null | undefined): string {
  if (uptime === null || uptime === undefined) return 'no data';
  // Basis points, floored, printed with integer arithmetic (toFixed is slow across 4,500 bars).
  const bp = Math.floor(uptime * 10_000 + 1e-9);
  const cents = bp % 100;
  return `${(bp - cents) / 100}.${cents < 10 ? '0' : ''}${cents} %`;
}

/** The colour class of a day's bar. */
export function barClass(uptime: number | null): string {
  return `b-${uptimeTone(uptime)}`;
}

function dayTitle(day: PublicDay): string {
  if (day.uptime === null) return `${day.date}: no data`;
  const checks = day.up + day.degraded + day.down;
  const degraded = day.degraded > 0 ? `, ${day.degraded} degraded` : '';
  return `${day.date}: ${formatUptime(day.uptime)} up (${checks} checks, ${day.down} failed${degraded})`;
}

function monitorHtml(monitor: PublicMonitor, rangeDays: number): string {
  const target =
    monitor.target === undefined ? '' : `<span class="target">${escapeHtml(monitor.target)}</span>`;
  const latency =
    monitor.latencyMs === undefined
      ? ''
      : `<span class="latency">${monitor.latencyMs === null ? '– ms' : `${monitor.latencyMs} ms`} avg today</span>`;
  const label = escapeHtml(monitor.label);
  let bars = '';
  if (monitor.days !== undefined) {
    let cells = '';
    for (const d of monitor.days) cells += `<i class="${barClass(d.uptime)}" title="${dayTitle(d)}"></i>`;
    const overall = monitor.uptime === undefined ? '' : `, ${formatUptime(monitor.uptime)} overall`;
    bars =
      `<div class="bars" role="img" aria-label="${label}: daily uptime over the last ${rangeDays} days${overall}">${cells}</div>` +
      `<div class="legend"><span>${rangeDays} days ago</span>` +
      (monitor.uptime === undefined
        ? ''
        : `<span class="uptime">${formatUptime(monitor.uptime)} uptime</span>`) +
      `<span>Today</span></div>`;
  } else if (monitor.uptime !== undefined) {
    bars = `<div class="legend"><span class="uptime">${formatUptime(monitor.uptime)} uptime over ${rangeDays} days</span></div>`;
  }
  return (
    `<li class="monitor" data-key="${monitor.key}"><div class="row"><span class="name">${label}</span>${target}${latency}` +
    `<span class="state state--${monitor.state}">${STATE_TEXT[monitor.state]}</span></div>${bars}</li>`
  );
}

function subscribeHtml(page: PublicStatusPage, base: string): string {
  const feeds = `Follow the <a href="${base}/feed.atom">Atom feed</a> or the <a href="${base}/feed.rss">RSS feed</a>.`;
  if (!page.subscriptions.email)
    return `<section id="subscribe" class="subscribe"><h2>Get updates</h2><div class="card"><p>${feeds}</p></div></section>`;
  return (
    `<section id="subscribe" class="subscribe"><h2>Get updates</h2><div class="card">` +
    `<form method="post" action="${base}/subscribe"><input type="hidden" name="kind" value="email">` +
    `<div><label for="email">Email address</label><input id="email" type="email" name="email" required maxlength="320" autocomplete="email" placeholder="you@example.com"></div>` +
    `<button type="submit">Subscribe</button></form>` +
    `<p class="when">We email you when an incident is posted or updated; every email has an unsubscribe link. ${feeds}</p></div></section>`
  );
}

/**
 * The whole public page as one HTML document that works without JavaScript. `base` is the path
 * every link starts with: `/s/<slug>`, or `` when served at a custom domain's root.
 */
export function renderPageHtml(page: PublicStatusPage, base: string): string {
  const title = escapeHtml(page.title);
  const logo =
    page.logoUrl === undefined ? '' : `<img src="${base}/logo" alt="${title} logo" width="36" height="36">`;
  const brand =
    page.homepageUrl === undefined
      ? logo
      : `<a href="${escapeHtml(page.homepageUrl)}" rel="noopener">${logo || title}</a>`;
  const heading = page.homepageUrl !== undefined && logo === '' ? '' : title;
  const sections = page.sections
    .map(
      (s) =>
        `<section class="group">${s.title === '' ? '' : `<h2>${escapeHtml(s.title)}</h2>`}<ul>` +
        s.monitors.map((m) => monitorHtml(m, page.rangeDays)).join('') +
        `</ul></section>`,
    )
    .join('');
  const history =
    page.incidentHistory === undefined
      ? ''
      : `<section class="history" aria-label="Past incidents"><h2>Past incidents</h2>${
          page.incidentHistory.length === 0
            ? `<p class="empty">No incidents reported recently.</p>`
            : page.incidentHistory.map(incidentHtml).join('')
        }</section>`;
  const json = base === '' ? '/index.json' : `${base}.json`;
  return (
    `<!doctype html><html lang="en" data-theme="${page.theme}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} status</title>` +
    (page.description === '' ? '' : `<meta name="description" content="${escapeHtml(page.description)}">`) +
    `<link rel="alternate" type="application/atom+xml" title="${title} incidents" href="${base}/feed.atom">` +
    `<link rel="alternate" type="application/rss+xml" title="${title} incidents" href="${base}/feed.rss">` +
    (page.logoUrl === undefined ? '' : `<link rel="icon" href="${base}/logo">`) +
    `<style>${PAGE_CSS}</style></head><body data-base="${base}">` +
    `<a class="skip" href="#main">Skip to content</a>` +
    `<header class="top"><div class="wrap">${brand}<h1>${heading}</h1><a class="sub" href="#subscribe">Subscribe to updates</a></div></header>` +
    `<main id="main" class="wrap">` +
    (page.description === '' ? '' : `<p class="description">${escapeHtml(page.description)}</p>`) +
    `<section id="banner" aria-label="Overall status">${bannerHtml(page)}</section>` +
    `<section id="active-incidents" aria-label="Active incidents">${activeIncidentsHtml(page)}</section>` +
    `<section id="maintenance" aria-label="Maintenance">${maintenanceHtml(page)}</section>` +
    sections +
    history +
    subscribeHtml(page, base) +
    `</main><footer><a href="${json}">JSON</a> · <a href="${base}/feed.atom">Atom</a> · Powered by Vantage</footer>` +
    `<script>${PAGE_LIVE_SCRIPT}</script></body></html>`
  );
}
