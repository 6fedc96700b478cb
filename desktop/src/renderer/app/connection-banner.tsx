import { CloudOff, Info, RefreshCw, Settings } from 'lucide-react';
import { useState } from 'react';
import { useNow } from '../components/use-now.js';
import { useAppStore } from '../store/use-app-store.js';
import { bannerState } from './connection-banner-state.js';

/** The strip above every screen while the relay or this page's socket is down, or while catching up. */
export function ConnectionBanner({ onRetryLink }: { onRetryLink: () => void }) {
  const sync = useAppStore((s) => s.sync);
  const link = useAppStore((s) => s.link);
  const reconnectRelay = useAppStore((s) => s.reconnectRelay);
  const navigate = useAppStore((s) => s.navigate);
  const now = useNow();
  const [retrying, setRetrying] = useState(false);
  const banner = bannerState(sync, link, now);
  if (banner === null) return null;

  const retry = async () => {
    setRetrying(true);
    try {
      if (banner.action === 'retry-link') onRetryLink();
      else await reconnectRelay();
    } finally {
      setRetrying(false);
    }
  };
  const Icon = banner.tone === 'info' ? Info : CloudOff;
  return (
    <div className={`banner banner-${banner.tone}`} role="status" aria-live="polite">
      <Icon size={16} className="banner-icon" />
      <div className="banner-text">
        <strong>{banner.title}</strong>
        {banner.detail !== '' && <span className="banner-detail">{banner.detail}</span>}
      </div>
      {banner.progress !== null && (
        <div className="banner-progress" aria-label="Catch-up progress">
          <div style={{ width: `${Math.round(banner.progress * 100)}%` }} />
        </div>
      )}
      {(banner.action === 'retry-relay' || banner.action === 'retry-link') && (
        <button type="button" className="btn btn-sm" onClick={() => void retry()} disabled={retrying}>
          <RefreshCw size={13} className={retrying ? 'spin' : ''} /> Retry now
        </button>
      )}
      {banner.action === 'settings' && (
        <button type="button" className="btn btn-sm" onClick={() => navigate({ screen: 'settings' })}>
          <Settings size={13} /> Open settings
        </button>
      )}
    </div>
  );
}
