import type { KeyboardEvent, ReactNode } from 'react';

/** One choice of a {@link Segmented} control. */
export interface SegmentOption<T extends string> {
  value: T;
  label: ReactNode;
  title?: string;
}

/** A row of mutually exclusive buttons (ranges, filters); arrow keys move between them. */
export function Segmented<T extends string>({
  options,
  value,
  onChange,
  label,
  size = 'md',
}: {
  options: readonly SegmentOption<T>[];
  value: T;
  onChange: (value: T) => void;
  label: string;
  size?: 'sm' | 'md';
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = options.findIndex((option) => option.value === value);
    const next = options[(index + step + options.length) % options.length];
    if (next !== undefined) onChange(next.value);
    const buttons = event.currentTarget.querySelectorAll('button');
    (buttons[(index + step + options.length) % options.length] as HTMLButtonElement | undefined)?.focus();
  };
  return (
    <div className={`segmented segmented-${size}`} role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={option.value === value}
          tabIndex={option.value === value ? 0 : -1}
          className={option.value === value ? 'active' : ''}
          title={option.title}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
