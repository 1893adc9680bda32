import type { GoalFiring } from './goals/types';
import type { ResourceSeen } from './page/resources';
import type { PageEvent } from './store/types';

// The typed protocol between content scripts, extension pages and the background worker: one union, one
// handler per `type` in entrypoints/background/messages.ts (a switch with no default: the compiler finds the
// case you forgot). Content scripts send at least once (lib/page/outbox.ts), so every record a message
// creates has an id chosen by the sender: a message delivered twice writes the same record twice.

/** What a content script reports. Several made in the same task travel together as one `batch`. */
export type PageMessage =
  /** content → background: a request body the page hooks recovered (webRequest may not have it), base64 of its bytes ('' for none). */
  | { type: 'page_body'; url: string; method: string; body: string; at: number }
  /** content → background: a goal of the active plan fired. */
  | { type: 'goal_fired'; id: string; firing: GoalFiring }
  /** content → background: the page said something (dataLayer event, consent state). */
  | { type: 'page_event'; id: string; event: PageEvent; at: number }
  /** content → background: tag-candidate requests from the page's resource timing (a second witness). */
  | { type: 'resources_seen'; items: ResourceSeen[] };

export type Message =
  | PageMessage
  /** content → background: page messages made in one task, one round trip (acknowledged once all are written). */
  | { type: 'batch'; messages: PageMessage[] }
  /** popup → background: forget this tab's hits and firings. */
  | { type: 'clear_tab'; tabId: number };

export type MessageType = Message['type'];

/** Name of the BroadcastChannel on which the worker tells open extension pages that a tab's data changed. */
export const CHANGES_CHANNEL = 'tagwatch-changes';
export interface ChangeNotice {
  tabId: number;
}
