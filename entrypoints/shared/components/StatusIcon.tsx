import type { JSX } from 'preact';
import type { Verdict } from '@/lib/words';
import './StatusIcon.css';

// The tag statuses as drawn icons rather than the ✓ ✗ ⛔ ⚠ characters: a machine without an emoji font shows ⛔
// as an empty box, and an emoji font draws it in its own colours. Drawn in currentColor, they follow the theme.
// Decorative: the status is always written beside them.

const PATHS: Record<Verdict | 'owned', JSX.Element> = {
  sent: (
    <path
      d="M3 8.5l3.2 3.2L13 4.8"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
    />
  ),
  missing: <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />,
  blocked: (
    <>
      <circle cx="8" cy="8" r="6.5" fill="currentColor" />
      <rect x="4" y="6.9" width="8" height="2.2" rx="0.5" fill="var(--bg)" />
    </>
  ),
  failed: (
    <>
      <path d="M8 1.8L15 14H1z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
      <path d="M8 6.2v3.6" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
      <circle cx="8" cy="11.8" r="0.9" fill="currentColor" />
    </>
  ),
  not_triggered: <path d="M4 8h8" stroke="currentColor" stroke-width="2" stroke-linecap="round" />,
  // Another goal owns the action: an arrow pointing down to it.
  owned: (
    <path
      d="M5 3v6.5h7M9.5 7l2.5 2.5-2.5 2.5"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
      stroke-linejoin="round"
    />
  ),
};

export function StatusIcon({ status }: { status: Verdict | 'owned' }) {
  return (
    <svg class={`icon ${status}`} viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      {PATHS[status]}
    </svg>
  );
}
