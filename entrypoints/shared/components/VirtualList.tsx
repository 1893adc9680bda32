import { Component, createRef, type ComponentChildren } from 'preact';
import { indexAt, layout, scrollToShow, visibleRange } from '@/lib/view/windowing';
import './VirtualList.css';

// A list that renders only the rows in view (and the one the keyboard is on): 10,000 hits scroll as smoothly as
// 10. Rows may differ in height (an opened hit); each is measured once drawn. New rows arrive at one end while
// the user reads: when they are at that end the list follows it, otherwise what they read stays where it is.

export interface RowState {
  /** The row the keyboard is on: its focusable element takes the one tab stop of the list. */
  active: boolean;
}

export interface VirtualListProps<T> {
  items: readonly T[];
  keyOf: (item: T) => string;
  /** Rows the arrow keys stop on (a separator is not one). */
  focusable: (item: T) => boolean;
  render: (item: T, state: RowState) => ComponentChildren;
  /** The height of a row not drawn yet, in px. */
  estimate: number;
  /** Where new rows arrive: `top` (newest first) or `bottom` (newest last, the DevTools timeline). */
  follow: 'top' | 'bottom';
  label: string;
  /** Scroll to this row and put the focus on it (another view asked for it). */
  focusKey?: string;
  testId?: string;
}

interface State {
  scrollTop: number;
  viewport: number;
  /** Bumped when a row's measured height changes. */
  measured: number;
  /** The key of the row the keyboard is on. */
  active?: string;
}

interface Snapshot {
  /** The user was at the end new rows arrive at. */
  atEdge: boolean;
  /** Otherwise the first row in view and how far above the view's top it starts. */
  anchor?: { key: string; delta: number };
}

/** Pixels drawn beyond the view either side: a fast scroll shows rows, not blank space. */
const OVERSCAN = 400;
/** A scroll box with no size yet (tests, a hidden panel): draw this much. */
const FALLBACK_VIEWPORT = 600;
const EDGE_PX = 8;

export class VirtualList<T> extends Component<VirtualListProps<T>, State> {
  override state: State = { scrollTop: 0, viewport: 0, measured: 0 };
  private readonly scroller = createRef<HTMLDivElement>();
  private readonly list = createRef<HTMLOListElement>();
  private readonly heights = new Map<string, number>();
  private offsets: Float64Array = new Float64Array(1);
  private keys: string[] = [];
  /** The layout the DOM shows until this render is committed: where the user's place is measured. */
  private shownOffsets: Float64Array = new Float64Array(1);
  private shownKeys: string[] = [];
  private resize?: ResizeObserver;
  private rowResize?: ResizeObserver;
  /** The row elements rowResize watches. */
  private observed = new Set<HTMLElement>();
  /** A row to focus once drawn (arrow keys, focusKey). */
  private focusNext?: string;
  /**
   * The user is at the end new rows arrive at (or has not scrolled yet): the list keeps them there. Decided by
   * the user's scrolling only — the box growing or shrinking (the header filling in) is not the user moving.
   */
  private following = true;
  /** The scroll position as last seen (a scroll event, or our own scrolling): a different one is the user's. */
  private knownTop = 0;

  private viewport(): number {
    return this.state.viewport > 0 ? this.state.viewport : FALLBACK_VIEWPORT;
  }

  private relayout(): void {
    const { items, keyOf, estimate } = this.props;
    this.shownOffsets = this.offsets;
    this.shownKeys = this.keys;
    this.keys = items.map(keyOf);
    this.offsets = layout(this.keys.length, (i) => this.heights.get(this.keys[i]!) ?? estimate);
  }

  override componentDidMount(): void {
    const el = this.scroller.current;
    if (!el) return;
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(() => this.setState({ viewport: el.clientHeight }));
      this.resize.observe(el);
      this.rowResize = new ResizeObserver((entries) => this.measure(entries.map((e) => e.target as HTMLElement)));
    }
    this.setState({ viewport: el.clientHeight });
    if (this.props.focusKey) this.reveal(this.props.focusKey, true);
    else if (this.props.follow === 'bottom') this.scrollTo(this.offsets[this.offsets.length - 1]!);
    this.observeRows();
  }

  override componentWillUnmount(): void {
    this.resize?.disconnect();
    this.rowResize?.disconnect();
  }

  override getSnapshotBeforeUpdate(): Snapshot {
    // Where the user is: at the end new rows arrive at (see `following`), or reading rows that must stay where
    // they are — the first one in view, in the layout the screen still shows.
    const el = this.scroller.current;
    if (!el) return { atEdge: false };
    const offsets = this.shownOffsets;
    const top = el.scrollTop;
    // The user scrolled and the event has not come yet: where they are now decides.
    if (top !== this.knownTop) this.updateFollowing(top, el.clientHeight, offsets[offsets.length - 1]!);
    const atEdge = this.following;
    if (atEdge || this.shownKeys.length === 0) return { atEdge };
    const i = indexAt(offsets, top);
    return { atEdge, anchor: { key: this.shownKeys[i]!, delta: offsets[i]! - top } };
  }

  override componentDidUpdate(prev: VirtualListProps<T>, _prevState: State, snapshot: Snapshot): void {
    const el = this.scroller.current;
    if (el && (prev.items !== this.props.items || snapshot.anchor || snapshot.atEdge)) {
      let target: number | undefined;
      // The viewport as the ResizeObserver last measured it: reading clientHeight here would force a layout per update.
      if (snapshot.atEdge)
        target =
          this.props.follow === 'bottom' ? Math.max(0, this.offsets[this.offsets.length - 1]! - this.viewport()) : 0;
      else if (snapshot.anchor) {
        const at = this.keys.indexOf(snapshot.anchor.key);
        if (at >= 0) target = this.offsets[at]! - snapshot.anchor.delta;
      }
      if (target !== undefined && Math.abs(target - el.scrollTop) > 0.5) this.scrollTo(target);
    }
    if (this.props.focusKey && this.props.focusKey !== prev.focusKey) this.reveal(this.props.focusKey, true);
    if (this.focusNext) {
      const key = this.focusNext;
      const row = this.rowElement(key);
      if (row) {
        this.focusNext = undefined;
        row.querySelector<HTMLElement>('[data-focus]')?.focus({ preventScroll: true });
      }
    }
    this.observeRows();
  }

  private rowElement(key: string): HTMLElement | undefined {
    return [...(this.list.current?.children ?? [])].find((c) => (c as HTMLElement).dataset.key === key) as
      | HTMLElement
      | undefined;
  }

  private observeRows(): void {
    const rows = [...(this.list.current?.children ?? [])] as HTMLElement[];
    if (!this.rowResize) {
      this.measure(rows);
      return;
    }
    // Only rows new to the DOM: the observer reports each one's size once laid out (no forced layout here, which
    // on a busy page cost more than the rest of an update), and again whenever it changes (a row opened).
    const now = new Set(rows);
    for (const row of this.observed) if (!now.has(row)) this.rowResize.unobserve(row);
    for (const row of rows) if (!this.observed.has(row)) this.rowResize.observe(row);
    this.observed = now;
  }

  /** Record drawn rows' heights; a change lays the list out again (the snapshot keeps the user's place). */
  private measure(rows: HTMLElement[]): void {
    let changed = false;
    for (const row of rows) {
      const key = row.dataset.key;
      const h = row.offsetHeight;
      // A row not laid out (a hidden panel, a test's DOM) keeps its estimate.
      if (!key || h <= 0 || this.heights.get(key) === h) continue;
      this.heights.set(key, h);
      changed = true;
    }
    if (changed) this.setState((s) => ({ measured: s.measured + 1 }));
  }

  private scrollTo(top: number): void {
    const el = this.scroller.current;
    if (!el) return;
    // Clamped as the browser will (reading scrollTop back would force a layout).
    const to = Math.max(0, Math.min(top, this.offsets[this.offsets.length - 1]! - this.viewport()));
    el.scrollTop = to;
    // Ours, not the user's: whether we still follow the end is for the user's scrolling to say.
    this.knownTop = to;
    this.setState({ scrollTop: to });
  }

  /** Bring a row into view and (with `focus`) put the focus on it once drawn. */
  private reveal(key: string, focus: boolean): void {
    const at = this.keys.indexOf(key);
    if (at < 0) return;
    const el = this.scroller.current;
    const top = scrollToShow(this.offsets, at, this.state.scrollTop, this.viewport());
    if (el && top !== this.state.scrollTop) this.scrollTo(top);
    if (focus) this.focusNext = key;
    this.setState({ active: key });
  }

  private updateFollowing(top: number, viewport: number, total: number): void {
    this.knownTop = top;
    this.following = this.props.follow === 'bottom' ? top + viewport >= total - EDGE_PX : top <= EDGE_PX;
  }

  private onScroll = () => {
    const el = this.scroller.current;
    if (!el) return;
    this.updateFollowing(el.scrollTop, el.clientHeight, this.offsets[this.offsets.length - 1]!);
    this.setState({ scrollTop: el.scrollTop });
  };

  private onFocusIn = (e: FocusEvent) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-key]');
    const key = row?.dataset.key;
    if (key && key !== this.state.active) this.setState({ active: key });
  };

  private onKeyDown = (e: KeyboardEvent) => {
    const { items, focusable } = this.props;
    const current = this.activeIndex();
    const page = Math.max(1, Math.floor(this.viewport() / this.props.estimate) - 1);
    const step: Record<string, () => number> = {
      ArrowDown: () => this.nextFocusable(current, 1, 1),
      ArrowUp: () => this.nextFocusable(current, -1, 1),
      PageDown: () => this.nextFocusable(current, 1, page),
      PageUp: () => this.nextFocusable(current, -1, page),
      Home: () => this.nextFocusable(-1, 1, 1),
      End: () => this.nextFocusable(items.length, -1, 1),
    };
    const move = step[e.key];
    // Keys typed into a field inside an opened row stay the field's.
    if (!move || (e.target as HTMLElement).closest('input, select, textarea, pre')) return;
    e.preventDefault();
    const to = move();
    if (to < 0 || to >= items.length || !focusable(items[to]!)) return;
    this.reveal(this.keys[to]!, true);
  };

  /** The index `count` focusable rows away from `from` in direction `dir` (the furthest one when fewer remain). */
  private nextFocusable(from: number, dir: 1 | -1, count: number): number {
    const { items, focusable } = this.props;
    let found = -1;
    let left = count;
    for (let i = from + dir; i >= 0 && i < items.length && left > 0; i += dir) {
      if (focusable(items[i]!)) {
        found = i;
        left--;
      }
    }
    return found;
  }

  /** The row that holds the list's tab stop: the one the keyboard was on, else the newest. */
  private activeIndex(): number {
    const { items, follow } = this.props;
    const at = this.state.active ? this.keys.indexOf(this.state.active) : -1;
    if (at >= 0) return at;
    return follow === 'bottom' ? this.nextFocusable(items.length, -1, 1) : this.nextFocusable(-1, 1, 1);
  }

  override render() {
    const { items, render, label, testId } = this.props;
    this.relayout();
    // The list may have shrunk under the last scroll position (a filter): the browser clamps it, and so must we,
    // or the rows now in view would not be drawn.
    const top = Math.max(0, Math.min(this.state.scrollTop, this.offsets[items.length]! - this.viewport()));
    const { start, end } = visibleRange(this.offsets, top, this.viewport(), OVERSCAN);
    const active = this.activeIndex();
    const indices: number[] = [];
    // The keyboard's row is drawn wherever it is: the list's tab stop must exist.
    if (active >= 0 && active < start) indices.push(active);
    for (let i = start; i < end; i++) indices.push(i);
    if (active >= end) indices.push(active);
    return (
      <div class="vscroll" ref={this.scroller} onScroll={this.onScroll} data-testid={testId}>
        <ol
          class="vlist"
          aria-label={label}
          ref={this.list}
          style={{ height: `${this.offsets[items.length]}px` }}
          onKeyDown={this.onKeyDown}
          onFocusIn={this.onFocusIn}
        >
          {indices.map((i) => (
            <li key={this.keys[i]} class="vrow" data-key={this.keys[i]} style={{ top: `${this.offsets[i]}px` }}>
              {render(items[i]!, { active: i === active })}
            </li>
          ))}
        </ol>
      </div>
    );
  }
}
