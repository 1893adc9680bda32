import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import './TabBar.css';

/** One tab of the popup. Add a view by adding one of these (see views.tsx). */
export interface TabItem {
  /** Also names the test id (`tab-${id}`) and the panel (`panel-${id}`). */
  id: string;
  label: string;
  /**
   * A figure beside the label (how many tags, hits, findings); `pending` while it is worked out: its place is kept,
   * so that no tab moves when it arrives.
   */
  count?: number | 'pending';
  /** Draws the count in red: something needs attention. */
  alert?: boolean;
}

interface TabBarProps {
  tabs: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
}

/** The WAI-ARIA tabs pattern: one tab stop, arrows/Home/End move and select, the panel follows. */
export function TabBar({ tabs, selected, onSelect, label }: TabBarProps) {
  const list = useRef<HTMLDivElement>(null);
  const move = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLElement>(`#tab-${tab.id}`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };
  return (
    <div class="tabbar" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((t) => {
        const active = t.id === selected;
        return (
          <button
            type="button"
            role="tab"
            key={t.id}
            id={`tab-${t.id}`}
            data-testid={`tab-${t.id}`}
            aria-selected={active}
            aria-controls={`panel-${t.id}`}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
            {t.count === 'pending' ? (
              // A space, not nothing: the pill then sits on the text's baseline as a figure's does.
              <span class="tab-count pending" aria-hidden="true">
                {'\u00a0'}
              </span>
            ) : (
              t.count !== undefined && (
                <span class={t.alert ? 'tab-count alert' : 'tab-count'}>{t.count.toLocaleString('en-US')}</span>
              )
            )}
          </button>
        );
      })}
    </div>
  );
}

export function TabPanel({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div class="tabpanel" role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`}>
      {children}
    </div>
  );
}
