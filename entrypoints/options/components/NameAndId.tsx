import type { ComponentChildren, RefObject } from 'preact';

/**
 * A name and the id made from it, as the goal and funnel forms ask for them: the id follows the name until the
 * user edits it (the draft's own rule, lib/plans); `hint` says where the id is used.
 */
export function NameAndId(props: {
  /** `goal` → inputs `goal-name`, `goal-id` (their ids and test ids). */
  kind: 'goal' | 'funnel';
  name: string;
  id: string;
  placeholder: string;
  hint: ComponentChildren;
  nameRef: RefObject<HTMLInputElement>;
  onName: (name: string) => void;
  onId: (id: string) => void;
}) {
  const { kind } = props;
  return (
    <>
      <div class="field">
        <label for={`${kind}-name`}>Name</label>
        <input
          id={`${kind}-name`}
          ref={props.nameRef}
          value={props.name}
          placeholder={props.placeholder}
          required
          data-testid={`${kind}-name`}
          onInput={(e) => props.onName(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for={`${kind}-id`}>Id</label>
        <input
          id={`${kind}-id`}
          value={props.id}
          required
          aria-describedby={`${kind}-id-hint`}
          data-testid={`${kind}-id`}
          onInput={(e) => props.onId(e.currentTarget.value)}
        />
        <small id={`${kind}-id-hint`}>{props.hint}</small>
      </div>
    </>
  );
}
