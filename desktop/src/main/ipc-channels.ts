/** The IPC channels between the main process and the preload, named once for both sides. */
export const IPC_CHANNELS = {
  /** Renderer → main (invoke): `(method, input)` → the call's `ApiResult`. */
  call: 'vantage:call',
  /** Main → renderer: one live `ApiEvent`. */
  event: 'vantage:event',
  /** Main → renderer: a `navigate` message (a tray or notification click); the preload posts it to the page. */
  navigate: 'vantage:navigate',
} as const;
