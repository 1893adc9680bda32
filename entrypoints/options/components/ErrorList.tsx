interface Props {
  errors: readonly string[];
  testId: string;
  title?: string;
  /** A line after the list: where to read the format. */
  footer?: string;
}

/** Errors as a list a screen reader announces; each names the path it is about. */
export function ErrorList({ errors, testId, title = 'Not saved — please fix:', footer }: Props) {
  if (errors.length === 0) return null;
  return (
    <div class="errors" role="alert" data-testid={testId}>
      <p>{title}</p>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <code>{e}</code>
          </li>
        ))}
      </ul>
      {footer ? <p class="hint">{footer}</p> : null}
    </div>
  );
}
