/** Web mode: the app's interface and API served over HTTP and WebSocket on the loopback interface. */
export { DOCS_PATH, OPENAPI_PATH } from './api-docs.js';
export { API_PREFIX } from './rest-routes.js';
export { createAccessToken, TOKEN_QUERY } from './web-access.js';
export {
  startWebServer,
  type WebServer,
  type WebServerOptions,
  WebServerSettings,
  WS_PATH,
} from './web-server.js';
