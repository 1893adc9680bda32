import type { GoalFiring } from './goals/types';
import type { ResourceSeen } from './page/resources';

// The typed protocol between content scripts, extension pages and the background worker: one union, one
// handler per `type` in entrypoints/background/messages.ts (a switch with no default: the compiler finds the
// case you forgot). Content scripts send at least once (lib/page/outbox.ts), so every record a message
// creates has an id chosen by the sender: a message delivered twice writes the same record twice.

/** What a content script reports. Several made in the same task travel together as one `batch`. */
export type PageMessage =
  /**
   * content → background: what the main-world hooks saw — a request body webRequest may not have, a dataLayer
   * event, a consent state (lib/page/signals.ts PageSignal) —, as the page posted it, only bounded: the page can
   * forge it, and the worker validates it before it stores anything (validSignal).
   */
  | { type: 'page_signal'; id: string; signal: unknown }
  /** content → background: a goal of the active plan fired. */
  | { type: 'goal_fired'; id: string; firing: GoalFiring }
  /** content → background: tag-candidate requests from the page's resource timing (a second witness). */
  | { type: 'resources_seen'; items: ResourceSeen[] }
  /**
   * content (top frame) → background: the document's title, once it has loaded and after a route change. Said
   * by the document itself, it is filed under that document's page — the tab's own title event can come before
   * the page it names was recorded.
   */
  | { type: 'page_title'; title: string };

export type Message =
  | PageMessage
  /** content → background: page messages made in one task, one round trip (acknowledged once all are written). */
  | { type: 'batch'; messages: PageMessage[] }
  /** popup → background: forget this tab's hits and firings. */
  | { type: 'clear_tab'; tabId: number };

export type MessageType = Message['type'];

/**
 * A view showing a tab opens a port named this + the tab's id, and keeps it open while it shows the tab: the
 * worker then writes that tab's hits as they come, also while its page loads (otherwise they wait for the load).
 */
export const LIVE_PORT_PREFIX = 'tagwatch-live:';

/** Name of the BroadcastChannel on which the worker tells open extension pages that a tab's data changed. */
export const CHANGES_CHANNEL = 'tagwatch-changes';

/** What the worker posts on CHANGES_CHANNEL. Pages read IndexedDB for the data: a notice only says where to look. */
export type ChangeNotice =
  /**
   * The tab's records timed at or after `since` (ms since the epoch) were written, changed or deleted, or its
   * pages changed (a new page, a route change, a title): live views read that part again. Posted within a frame
   * of the write, also while the page loads (`-Infinity`: read everything again; `Infinity`: only the pages).
   */
  | { kind: 'records'; tabId: number; since: number }
  /** The tab's audit may have changed (its records or the plans): views redo it. At most one per 150 ms per tab, held while the page loads. */
  | { kind: 'changed'; tabId: number };
