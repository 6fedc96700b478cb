/** The desktop API contract: methods, views, events and errors, shared by core, preload, web server and renderer. */
export * from './api-error.js';
export * from './api-events.js';
export * from './api-methods.js';
export * from './api-views.js';
export * from './desktop-api.js';
export * from './dispatch-call.js';
export * from './method-spec.js';
export * from './web-frames.js';
