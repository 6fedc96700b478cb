// Styles first and in this order: theme variables, frame, controls, elements, each screen, then
// the rules for narrow windows that override them.
import './styles/theme.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/elements.css';
import './styles/feedback.css';
import './dashboard/dashboard.css';
import './welcome/welcome.css';
import './monitor-editor/editor.css';
import './monitor-detail/detail.css';
import './incidents/incidents.css';
import './probes/probes.css';
import './settings/settings.css';
import './styles/responsive.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickTransport } from './api/pick-transport.js';
import { App } from './app/app.js';
import { applyTheme, rememberedTheme } from './app/theme.js';
import { showBrowserNotification } from './settings/browser-notifications.js';
import { createAppStore } from './store/app-store.js';
import { StoreContext } from './store/use-app-store.js';

// Paint the last theme before anything loads, so a dark-mode user never sees a white flash.
applyTheme(rememberedTheme());

const connection = pickTransport();
const store = createAppStore({
  transport: connection.transport,
  shell: connection.shell,
  now: Date.now,
  setHash: (hash) => {
    if (window.location.hash !== hash) window.location.hash = hash;
  },
  // Electron's main process raises OS notifications itself; in a browser the page does it.
  notifyOutside: connection.shell === 'web' ? showBrowserNotification : undefined,
});

if (connection.web !== null) {
  const web = connection.web;
  let wasOpen = false;
  web.onLink((status) => {
    store.getState().setLink(status);
    // Events sent while the socket was down are lost: read everything again once it is back.
    if (status.state === 'open' && wasOpen) void store.getState().reloadAll();
    if (status.state === 'open') wasOpen = true;
  });
  store.getState().setLink(web.link());
}

// Electron's preload posts `navigate` to the window (tray menu, OS notification click). The
// message is read strictly and can only change the page shown, so its sender needs no check.
window.addEventListener('message', (event) => {
  store.getState().applyNavigateMessage(event.data);
});

store.getState().start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App onRetryLink={() => connection.web?.reconnectNow()} />
    </StoreContext.Provider>
  </StrictMode>,
);
