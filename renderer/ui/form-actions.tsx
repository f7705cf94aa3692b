/** A form's error, if any, above its Cancel and submit buttons. */
export function FormActions(props: {
  error: string | null;
  submitLabel: string;
  submitTestId: string;
  onCancel: () => void;
}) {
  return (
    <>
      {props.error && (
        <p className="form-error" role="alert">
          {props.error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" data-testid={props.submitTestId}>
          {props.submitLabel}
        </button>
      </div>
    </>
  );
}
