/** Status pages: the design the desktop publishes, written incidents and subscribers. */
export * from './maintenance-occurrence.js';
export * from './overall-state.js';
export * from './page-incident.js';
export * from './page-subscriber.js';
export * from './public-status-page.js';
export * from './status-page-config.js';
export * from './status-page-detail.js';
