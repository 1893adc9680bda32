import { expect, it } from 'vitest';
import { storedToolbarAction } from './toolbar-action';

it.each([
  ['sidepanel', 'sidepanel'],
  ['popup', 'popup'],
  [undefined, 'popup'],
  ['side panel', 'popup'],
  [{ action: 'sidepanel' }, 'popup'],
])('reads %j as %s', (stored, want) => expect(storedToolbarAction(stored)).toBe(want));
