import type { ReactNode } from 'react';

/** The attributes that tie a control to its label, help and error. */
export interface ControlProps { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }

/**
 * A labelled form field with its help and its error right below it; the control is told (aria-invalid,
 * aria-describedby) so that a screen reader reads the error with the field.
 */
export function Field({ id, label, help, error, className, children }: {
  id: string; label: string; help?: string; error?: ReactNode; className?: string; children: (control: ControlProps) => ReactNode;
}) {
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className ? `field ${className}` : 'field'} data-field={id}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {help ? <p className="help" id={`${id}-help`}>{help}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`}>{error}</p> : null}
    </div>
  );
}
