import { MONITOR_TYPES, type MonitorType } from '@vantage/shared';
import { TypeIcon } from '../components/type-icon.js';
import { typeLabel } from '../format/format.js';

const BLURBS: Record<MonitorType, string> = {
  http: 'Websites and APIs',
  tcp: 'Any port: databases, mail, SSH',
  dns: 'Records resolve as expected',
  tls: 'Certificates before they expire',
  heartbeat: 'Cron jobs ping in on time',
  browser: 'A real browser loads the page',
};

/** The six monitor types as cards; arrow keys move between them. */
export function TypePicker({
  value,
  onChange,
}: {
  value: MonitorType;
  onChange: (type: MonitorType) => void;
}) {
  return (
    <div className="type-picker" role="radiogroup" aria-label="Monitor type">
      {MONITOR_TYPES.map((type) => (
        <button
          key={type}
          type="button"
          role="radio"
          aria-checked={type === value}
          className={`type-card${type === value ? ' active' : ''}`}
          onClick={() => onChange(type)}
          onKeyDown={(event) => {
            const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
            if (step === 0) return;
            event.preventDefault();
            const next =
              MONITOR_TYPES[
                (MONITOR_TYPES.indexOf(type) + step + MONITOR_TYPES.length) % MONITOR_TYPES.length
              ]!;
            onChange(next);
            (
              event.currentTarget.parentElement?.querySelector(`[data-type="${next}"]`) as HTMLElement | null
            )?.focus();
          }}
          data-type={type}
        >
          <TypeIcon type={type} size={18} />
          <span className="type-card-name">{typeLabel(type)}</span>
          <span className="type-card-blurb">{BLURBS[type]}</span>
        </button>
      ))}
    </div>
  );
}
