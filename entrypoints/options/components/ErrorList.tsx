interface Props {
  errors: readonly string[];
  testId: string;
  title?: string;
}

/** Errors as a list a screen reader announces; each names the path it is about. */
export function ErrorList({ errors, testId, title = 'Not saved — please fix:' }: Props) {
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
    </div>
  );
}
