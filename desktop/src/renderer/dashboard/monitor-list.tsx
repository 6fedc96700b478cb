import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { MonitorView } from '../../contract/index.js';
import { isTyping } from '../app/shortcut-keys.js';
import { useNow } from '../components/use-now.js';
import { useAppStore } from '../store/use-app-store.js';
import { MonitorRow, ROW_HEIGHT } from './monitor-row.js';

/**
 * The dashboard's list, virtualised: only the rows in view (plus a few) exist in the page, so
 * 10,000 monitors scroll as smoothly as ten. j/k or the arrow keys move the selection, Enter
 * opens it and `e` edits it.
 */
export function MonitorList({ views }: { views: readonly MonitorView[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const selectedId = useAppStore((s) => s.selectedMonitorId);
  const select = useAppStore((s) => s.selectMonitor);
  const navigate = useAppStore((s) => s.navigate);
  const now = useNow();
  const virtualizer = useVirtualizer({
    count: views.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target))
        return;
      if (views.length === 0) return;
      // Looked up per key press, not per render: a scroll frame must not walk 10,000 rows.
      const selectedIndex = views.findIndex((view) => view.monitor.id === selectedId);
      const step =
        event.key === 'j' || event.key === 'ArrowDown'
          ? 1
          : event.key === 'k' || event.key === 'ArrowUp'
            ? -1
            : 0;
      if (step !== 0) {
        event.preventDefault();
        const next = selectedIndex === -1 ? 0 : Math.min(views.length - 1, Math.max(0, selectedIndex + step));
        select(views[next]!.monitor.id);
        virtualizer.scrollToIndex(next, { align: 'auto' });
        return;
      }
      const selected = views[selectedIndex];
      if (selected === undefined) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        navigate({ screen: 'monitor', monitorId: selected.monitor.id });
      } else if (event.key === 'e') {
        event.preventDefault();
        navigate({ screen: 'editor', monitorId: selected.monitor.id });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [views, selectedId, select, navigate, virtualizer]);

  // Stable, so that rows stay memoised while the list scrolls.
  const open = useCallback((id: string) => navigate({ screen: 'monitor', monitorId: id }), [navigate]);
  return (
    <div className="monitor-table" role="table" aria-label="Monitors" aria-rowcount={views.length}>
      <div className="monitor-head" role="row">
        <div className="col-status" role="columnheader">
          Status
        </div>
        <div className="col-name" role="columnheader">
          Monitor
        </div>
        <div className="col-regions" role="columnheader">
          Regions
        </div>
        <div className="col-latency" role="columnheader">
          Latency
        </div>
        <div className="col-bars" role="columnheader">
          Last 24 hours
        </div>
        <div className="col-uptime" role="columnheader">
          Uptime
        </div>
      </div>
      <div className="monitor-scroll" ref={scroller} role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const view = views[item.index]!;
            return (
              <MonitorRow
                key={view.monitor.id}
                view={view}
                selected={view.monitor.id === selectedId}
                now={now}
                top={item.start}
                onOpen={open}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
