import type { Trigger } from '@/lib/goals/types';
import { capitalize, triggerWords } from '@/lib/words';

/** A trigger in the marketer's words, then the selector or pattern it uses, set apart for the developer. */
export function TriggerText({ trigger }: { trigger: Trigger }) {
  const words = triggerWords(trigger);
  return (
    <>
      {capitalize(words.when)}
      {words.detail && (
        <div class="id" data-testid="trigger-detail">
          {words.detail}
        </div>
      )}
    </>
  );
}
