import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';

/** Copies text to the clipboard, falling back to a hidden text area where the Clipboard API is missing. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** A command or value in monospace with a copy button that confirms. */
export function CopyBlock({ text, label }: { text: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 1600);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <div className="copy-block">
      <code className="copy-text" aria-label={label}>
        {text}
      </code>
      <button
        type="button"
        className="icon-btn"
        aria-label={copied ? 'Copied' : `Copy ${label ?? 'text'}`}
        title={copied ? 'Copied' : 'Copy'}
        onClick={() => void copyText(text).then(setCopied)}
      >
        {copied ? <Check size={15} /> : <Copy size={15} />}
      </button>
    </div>
  );
}
