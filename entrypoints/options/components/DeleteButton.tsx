interface Props {
  /** What is deleted, as the user knows it: named on the confirming button and to screen readers. */
  name: string;
  /** `goal` gives the test ids `delete-goal` and `confirm-delete-goal`. */
  what: 'plan' | 'goal' | 'funnel';
  /** Whether this row asks for confirmation now (one row at a time, kept by the list). */
  confirming: boolean;
  setConfirming: (on: boolean) => void;
  onDelete: () => void;
}

/** Delete, in two steps: "Delete" asks, "Delete “name”" does it, "Keep" changes nothing. */
export function DeleteButton({ name, what, confirming, setConfirming, onDelete }: Props) {
  if (!confirming)
    return (
      <button type="button" onClick={() => setConfirming(true)} data-testid={`delete-${what}`}>
        Delete<span class="visually-hidden"> {name}</span>
      </button>
    );
  return (
    <>
      <button
        type="button"
        class="danger"
        data-testid={`confirm-delete-${what}`}
        onClick={() => {
          setConfirming(false);
          onDelete();
        }}
      >
        Delete “{name}”
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </>
  );
}
