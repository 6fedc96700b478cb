/** Status pages: the design the desktop publishes, written incidents and subscribers. */
export * from './page-incident.js';
export * from './page-subscriber.js';
export * from './status-page-config.js';
