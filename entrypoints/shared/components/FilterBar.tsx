import type { HitStatus } from '@/lib/store';
import type { VendorId } from '@/lib/tags/vendors';
import { STATUS_LABELS, vendorName } from '@/lib/view/format';
import { HIT_STATUSES, type HitFilter } from '@/lib/view/hit-filter';
import { memoRow } from './memo';
import './FilterBar.css';

interface FilterBarProps {
  filter: HitFilter;
  onChange: (filter: HitFilter) => void;
  vendors: readonly VendorId[];
  /** The event and account pickers (the DevTools panel); the compact pages filter those by text. */
  events?: readonly string[];
  accounts?: readonly string[];
}

/** The id of the text field: `/` anywhere in the view puts the focus there (App). */
export const FILTER_TEXT_ID = 'filter-text';

/** Narrow the Hits view's timeline: vendor, event, status, account, free text, and the page's own events. */
function FilterBarView({ filter, onChange, vendors, events, accounts }: FilterBarProps) {
  const set = (patch: HitFilter) => onChange({ ...filter, ...patch });
  // A filter saved earlier may name a vendor, event or account this page has none of: it stays a choice.
  const withCurrent = <T extends string>(list: readonly T[], current: T | '' | undefined) =>
    current && !list.includes(current) ? [...list, current] : list;
  return (
    <div class="filters" role="search" aria-label="Filter the hits">
      <label>
        <span class="visually-hidden">Tag</span>
        <select
          data-testid="filter-vendor"
          value={filter.vendor ?? ''}
          onChange={(e) => set({ vendor: e.currentTarget.value as VendorId | '' })}
        >
          <option value="">All tags</option>
          {withCurrent(vendors, filter.vendor).map((v) => (
            <option key={v} value={v}>
              {vendorName(v)}
            </option>
          ))}
        </select>
      </label>
      {events && (
        <label>
          <span class="visually-hidden">Event</span>
          <select
            data-testid="filter-event"
            value={filter.event ?? ''}
            onChange={(e) => set({ event: e.currentTarget.value })}
          >
            <option value="">All events</option>
            {withCurrent(events, filter.event).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        <span class="visually-hidden">Status</span>
        <select
          data-testid="filter-status"
          value={filter.status ?? ''}
          onChange={(e) => set({ status: e.currentTarget.value as HitStatus | '' })}
        >
          <option value="">Any status</option>
          {HIT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      {accounts && (
        <label>
          <span class="visually-hidden">Account</span>
          <select
            data-testid="filter-account"
            value={filter.account ?? ''}
            onChange={(e) => set({ account: e.currentTarget.value })}
          >
            <option value="">All accounts</option>
            {withCurrent(accounts, filter.account).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      )}
      <label class="grow">
        <span class="visually-hidden">Filter by event, account, parameter or URL (press / to come here)</span>
        <input
          type="search"
          id={FILTER_TEXT_ID}
          data-testid="filter-text"
          placeholder="Filter: event, param, URL…  ( / )"
          value={filter.text ?? ''}
          onInput={(e) => set({ text: e.currentTarget.value })}
        />
      </label>
      <label class="check">
        <input
          type="checkbox"
          data-testid="filter-hide-page-events"
          checked={filter.hidePageEvents ?? false}
          onChange={(e) => set({ hidePageEvents: e.currentTarget.checked })}
        />
        Hide page events
      </label>
    </div>
  );
}

/** Drawn again only when one of its props changed: a busy page's every new hit does not touch the pickers. */
export const FilterBar = memoRow(FilterBarView, (a, b) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as Array<keyof FilterBarProps>);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
});
